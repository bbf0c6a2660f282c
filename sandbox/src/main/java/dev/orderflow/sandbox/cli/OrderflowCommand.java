package dev.orderflow.sandbox.cli;

import dev.orderflow.infra.InfraException;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code orderflow} command: run the platform locally and watch it work. */
@Command(name = "orderflow", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        description = {"Event-driven reference order platform: run it, watch it, break it.",
            "Run './orderflow help <command>' (or '<command> --help') for a command's options and examples."},
        commandListHeading = "%nCommands:%n",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, DemoCommand.class,
            ChaosCommand.class, LabCommand.class, BenchCommand.class, DlqCommand.class, NewServiceCommand.class, CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class},
        exitCodeList = {ExitCodes.SUCCESS_LINE, ExitCodes.INVALID_ANY_LINE, ExitCodes.USAGE_LINE, ExitCodes.NOT_READY_LINE,
            ExitCodes.UNKNOWN_LINE, ExitCodes.NOT_FOUND_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow demo                      start it all, walk four orders through",
            "  ./orderflow chaos --scenario db-cut   break one thing, check every invariant",
            "  ./orderflow lab outbox                one pattern off, then on, side by side",
            "  ./orderflow down                      stop what orderflow started",
            "  ./orderflow test                      every test (handled by the script)",
            "  source <(./orderflow generate-completion)   TAB completion in this shell"})
public class OrderflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The project root: the ./orderflow script passes it; defaults to the working directory. */
    static Path root() {
        return Path.of(System.getProperty("orderflow.home", ".")).toAbsolutePath().normalize();
    }

    static PlatformLayout layout(int brokers) {
        return PlatformLayout.cli(root(), brokers);
    }

    /** The command line with the exit codes of {@link ExitCodes}: what {@link #main} runs and the tests check. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new OrderflowCommand());
        // "Usage: ..." first, then the one-line summary the overview lists, then the details.
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.removeAll(List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER));
        int afterSynopsis = sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS) + 1;
        sections.addAll(afterSynopsis, List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER));
        commandLine.setHelpSectionKeys(sections);
        headings(commandLine);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("orderflow: " + e.getMessage());
                String help = ("./orderflow help " + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^orderflow", "")).strip();
                cmd.getErr().println("Try '" + help.replace("  ", " ") + "' for the options.");
                return ExitCodes.USAGE;
            }
            if (e instanceof InfraException || e instanceof IllegalStateException) {
                cmd.getErr().println("orderflow: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            // Unexpected: the stack trace is the report; never picocli's default 1, which means "anomalies found".
            e.printStackTrace(cmd.getErr());
            return ExitCodes.FAILED;
        });
        return commandLine;
    }

    /** Every command's help in the same shape: headings over its arguments, options, exit codes and examples. */
    private static void headings(CommandLine command) {
        CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        if (usage.parameterListHeading().isEmpty()) {
            usage.parameterListHeading("%nArguments:%n");
        }
        if (usage.optionListHeading().isEmpty()) {
            usage.optionListHeading("%nOptions:%n");
        }
        if (usage.exitCodeListHeading().isEmpty() && !usage.exitCodeList().isEmpty()) {
            usage.exitCodeListHeading("%nExit status:%n");
        }
        if (usage.footerHeading().isEmpty() && usage.footer().length > 0) {
            usage.footerHeading("%nExamples:%n");
        }
        command.getSubcommands().values().forEach(OrderflowCommand::headings);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
