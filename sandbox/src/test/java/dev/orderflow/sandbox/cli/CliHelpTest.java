package dev.orderflow.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's conventions, checked on the command tree itself (no platform is started). */
class CliHelpTest {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cli = OrderflowCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        for (CommandLine command : CliReference.allCommands(OrderflowCommand.commandLine())) {
            List<String> path = new ArrayList<>(Arrays.asList(command.getCommandSpec().qualifiedName(" ").split(" ")));
            paths.add(path.subList(1, path.size()));
        }
        return paths;
    }

    @Test
    void everyCommandAnswersHelpAndDashHWithItsUsageAndExitZero() {
        for (List<String> path : commandPaths()) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                Run run = run(args.toArray(String[]::new));
                assertThat(run.exit()).as("%s", args).isZero();
                assertThat(run.out().strip()).as("%s", args).startsWith("Usage: orderflow");
                assertThat(run.err()).as("%s", args).isEmpty();
            }
        }
    }

    @Test
    void helpCommandPrintsTheSameHelpAsTheOption() {
        for (List<String> path : commandPaths()) {
            List<String> viaOption = new ArrayList<>(path);
            viaOption.add("--help");
            List<String> viaHelp = new ArrayList<>(List.of("help"));
            viaHelp.addAll(path);
            Run option = run(viaOption.toArray(String[]::new));
            Run help = run(viaHelp.toArray(String[]::new));
            assertThat(help.exit()).as("%s", viaHelp).isZero();
            if (path.size() == 1) { // picocli's help command names the top level's direct subcommands
                assertThat(help.out()).as("%s", viaHelp).isEqualTo(option.out());
            }
        }
    }

    @Test
    void overviewListsEveryCommandWithAWholeSentenceNotOneCutMidway() {
        String overview = run("--help").out();
        for (CommandLine sub : OrderflowCommand.commandLine().getSubcommands().values()) {
            String[] summary = sub.getCommandSpec().usageMessage().header();
            String[] description = sub.getCommandSpec().usageMessage().description();
            String line = summary.length > 0 ? summary[0] : description[0];
            assertThat(summary.length).as("%s has one header line", sub.getCommandName()).isLessThanOrEqualTo(1);
            assertThat(line).as("%s's summary", sub.getCommandName()).endsWith(".");
            assertThat(overview).contains(sub.getCommandName());
        }
    }

    @Test
    void everyProjectCommandShowsAnExampleOfItself() {
        for (CommandLine command : CliReference.allCommands(OrderflowCommand.commandLine())) {
            String name = command.getCommandSpec().qualifiedName(" ");
            if (name.equals("orderflow help") || name.equals("orderflow generate-completion")) {
                continue; // picocli's own commands
            }
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help).as(name).contains("Examples:").contains("./" + name);
        }
    }

    @Test
    void exitCodesHaveOneMeaningEachAndEveryCommandListsThem() throws IllegalAccessException {
        List<Integer> codes = new ArrayList<>();
        for (Field field : ExitCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                codes.add(field.getInt(null));
            }
        }
        assertThat(codes).doesNotHaveDuplicates().contains(0, 1, 2);
        assertThat(codes).as("picocli's usage error keeps its number").contains(CommandLine.ExitCode.USAGE);
        for (CommandLine command : CliReference.allCommands(OrderflowCommand.commandLine())) {
            String name = command.getCommandSpec().qualifiedName(" ");
            if (name.equals("orderflow help") || name.equals("orderflow generate-completion")) {
                continue;
            }
            Set<Integer> listed = command.getCommandSpec().usageMessage().exitCodeList().keySet().stream()
                    .map(k -> Integer.parseInt(k.trim())).collect(Collectors.toSet());
            assertThat(listed).as(name).isNotEmpty().contains(ExitCodes.OK, ExitCodes.USAGE);
            assertThat(codes).as(name).containsAll(listed);
        }
    }

    @Test
    void theReadmeDocumentsEveryExitCodeAsTheHelpDoes() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        for (var code : OrderflowCommand.commandLine().getCommandSpec().usageMessage().exitCodeList().entrySet()) {
            assertThat(readme).contains("| `" + code.getKey().trim() + "` | " + code.getValue() + " |");
        }
    }

    @Test
    void aBadScenarioIsAUsageErrorNotAnomaliesFound() {
        Run run = run("chaos", "--scenario", "no-such-fault");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE).isNotEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("unknown scenario 'no-such-fault'").contains("./orderflow help chaos");
        assertThat(run("chaos", "--orders", "0").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("chaos", "--no-such-option").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("no-such-command").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void completionScriptCompletesEveryCommandAndItsOptions() {
        Run run = run("generate-completion");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F _complete_orderflow");
        for (CommandLine sub : OrderflowCommand.commandLine().getSubcommands().values()) {
            assertThat(run.out()).contains(sub.getCommandName());
        }
        assertThat(run.out()).contains("--scenario").contains("--brokers").contains("--bootstrap-server");
    }

    @Test
    void theCliReferenceInDocsIsWhatTheCodePrints() throws IOException {
        String expected = CliReference.render();
        Path committed = ROOT.resolve(CliReference.FILE);
        String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Path fresh = ROOT.resolve("sandbox/target/cli.md");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, expected, StandardCharsets.UTF_8);
            assertThat(actual).as("%s is stale: copy %s over it", CliReference.FILE, fresh).isEqualTo(expected);
        }
    }
}
