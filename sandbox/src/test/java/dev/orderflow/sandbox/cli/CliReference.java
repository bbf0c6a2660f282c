package dev.orderflow.sandbox.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * docs/cli.md as the code renders it: every command's help, in tree order. The ./orderflow script
 * prints a section of that file when the CLI is not built yet, so help never needs a build.
 */
final class CliReference {
    private CliReference() {}

    static final String FILE = "docs/cli.md";

    static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!all.contains(sub)) {
                allCommands(sub).stream().filter(c -> !all.contains(c)).forEach(all::add);
            }
        }
        return all;
    }

    static String render() {
        CommandLine root = OrderflowCommand.commandLine();
        StringBuilder doc = new StringBuilder();
        doc.append("# The `orderflow` command line\n\n")
                .append("Every command's `--help`, as the code prints it: generated, and compared with the code by\n")
                .append("`CliHelpTest`, so it cannot drift (after changing a command, copy `sandbox/target/cli.md` here).\n")
                .append("`./orderflow` prints these sections itself when the CLI is not built yet: help never builds.\n")
                .append("TAB completion: `source <(./orderflow generate-completion)` (bash and zsh).\n\n");
        doc.append("## orderflow --version\n\n```text\n")
                .append(String.join("\n", root.getCommandSpec().version())).append("\n```\n\n");
        for (CommandLine command : allCommands(root)) {
            doc.append("## ").append(command.getCommandSpec().qualifiedName(" ")).append("\n\n```text\n")
                    .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        }
        return doc.toString().stripTrailing() + "\n";
    }
}
