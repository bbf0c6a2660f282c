package dev.orderflow.sandbox.cli;

import dev.orderflow.infra.InfraException;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code orderflow} command: run the platform locally and watch it work. */
@Command(name = "orderflow", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        description = "Event-driven reference order platform: run it, watch it, break it.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, DemoCommand.class,
            ChaosCommand.class, BenchCommand.class, DlqCommand.class})
public class OrderflowCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The project root: the ./orderflow script passes it; defaults to the working directory. */
    static Path root() {
        return Path.of(System.getProperty("orderflow.home", ".")).toAbsolutePath().normalize();
    }

    static PlatformLayout layout(int brokers) {
        return PlatformLayout.cli(root(), brokers);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new OrderflowCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InfraException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
                cmd.getErr().println("orderflow: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(commandLine.execute(args));
    }
}
