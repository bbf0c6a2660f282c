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
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("orderflow").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true).start();
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

    private static void assertHelp(Run run, String firstLine) {
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith(firstLine);
    }
}
