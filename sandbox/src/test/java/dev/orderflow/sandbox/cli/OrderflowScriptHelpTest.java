package dev.orderflow.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./orderflow script before anything is built: help and version answer from docs/cli.md and
 * never start a build. A fake ./mvnw records any call, so a help path that builds fails the test.
 */
class OrderflowScriptHelpTest {
    private static final Path ROOT = Path.of(System.getProperty("orderflow.home", "..")).toAbsolutePath().normalize();

    @TempDir
    Path checkout;

    record Run(int exit, String out) {}

    @BeforeEach
    void unbuiltCheckout() throws IOException {
        Files.copy(ROOT.resolve("orderflow"), checkout.resolve("orderflow"));
        Files.createDirectories(checkout.resolve("docs"));
        Files.copy(ROOT.resolve(CliReference.FILE), checkout.resolve(CliReference.FILE));
        Path mvnw = checkout.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\necho \"$@\" >> \"$(dirname \"$0\")/mvnw-called\"\nexit 1\n");
        mvnw.toFile().setExecutable(true);
    }

    Run orderflow(String... args) throws IOException, InterruptedException {
        return orderflow(null, args);
    }

    Run orderflow(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("orderflow").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true);
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void helpOfEveryKindAnswersWithoutBuilding() throws Exception {
        assertHelp(orderflow("--help"), "Usage: orderflow [-hV] [COMMAND]");
        assertHelp(orderflow("-h"), "Usage: orderflow [-hV] [COMMAND]");
        assertHelp(orderflow("help"), "Usage: orderflow [-hV] [COMMAND]");
        assertHelp(orderflow(), "Usage: orderflow [-hV] [COMMAND]");
        assertHelp(orderflow("chaos", "--help"), "Usage: orderflow chaos ");
        assertHelp(orderflow("help", "chaos"), "Usage: orderflow chaos ");
        assertHelp(orderflow("chaos", "--scenario", "db-cut", "-h"), "Usage: orderflow chaos ");
        assertHelp(orderflow("dlq", "show", "--help"), "Usage: orderflow dlq show ");
        assertHelp(orderflow("--version"), "orderflow 0.1.0");
        assertHelp(orderflow("test", "--help"), "Usage: ./orderflow test ");
        assertThat(checkout.resolve("mvnw-called")).doesNotExist();
    }

    @Test
    void helpForAnUnknownCommandIsAUsageErrorWithoutBuilding() throws Exception {
        Run run = orderflow("help", "no-such-command");
        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("no help for 'no-such-command'");
        assertThat(checkout.resolve("mvnw-called")).doesNotExist();
    }

    @Test
    void withTheCliBuiltHelpIsAnsweredByItWithoutRebuildingAndReachesNestedCommands() throws Exception {
        Path jar = checkout.resolve("sandbox/target/sandbox-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "stale: the sources are newer, which would make any other command rebuild");
        Path javaHome = checkout.resolve("jdk");
        Path java = javaHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, """
                #!/usr/bin/env bash
                [[ "$1" == "-version" ]] && { echo 'openjdk version "25" 2025-09-16' >&2; exit 0; }
                echo "cli: ${@: -3}"
                """);
        java.toFile().setExecutable(true);

        assertThat(orderflow(javaHome, "chaos", "--help").out()).isEqualTo("cli: jar chaos --help\n".replace("jar", jar.toString()));
        assertThat(orderflow(javaHome, "help", "dlq", "show").out()).contains("cli: dlq show --help");
        assertThat(orderflow(javaHome, "help", "chaos").out()).contains("cli: " + jar + " help chaos");
        assertThat(checkout.resolve("mvnw-called")).doesNotExist();
    }

    private static void assertHelp(Run run, String firstLine) {
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith(firstLine);
    }
}
