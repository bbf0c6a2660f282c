package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.platform.ConsoleComponent;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        header = "Start Kafka, PostgreSQL, the schema registry, the provider stub and the four services.",
        description = {"They keep running until ./orderflow down. Safe to repeat: a platform already up is left alone, "
            + "and leftovers of a killed run are stopped (by pid) before a fresh start."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow up", "  ./orderflow up --brokers 3",
            "  ORDERFLOW_KAFKA_PORT=29092 ./orderflow up     other ports: see the README"})
class UpCommand implements Callable<Integer> {

    @Option(names = "--brokers", defaultValue = "1", description = "Kafka brokers: 1, or 3 (replication factor 3, two replicas in sync) (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Override
    public Integer call() {
        PlatformLayout layout = OrderflowCommand.layout(brokers);
        List<Platform.ComponentStatus> status = Platform.status(layout);
        if (status.stream().allMatch(Platform.ComponentStatus::ready)) {
            System.out.println("orderflow is already up (state in " + layout.stateDir() + "):");
            status.forEach(s -> System.out.printf("  %-18s %s%n", s.name(), s.url()));
            return 0;
        }
        start(layout);
        return 0;
    }

    static RunningPlatform start(PlatformLayout layout) {
        System.out.println("Starting orderflow (state and logs in " + layout.stateDir() + ")");
        long begin = System.nanoTime();
        RunningPlatform platform = Platform.up(layout, Console.progress(System.out));
        // The console watches the platform from outside, so it starts once the services answer.
        boolean console = ConsoleComponent.built(layout.root());
        if (console) {
            ConsoleComponent.start(platform, ConsoleComponent.cliPort(), Console.progress(System.out));
        }
        System.out.println("orderflow is up in " + Console.seconds(Duration.ofNanos(System.nanoTime() - begin)) + ":");
        Console.endpoints(System.out, platform.endpoints());
        if (console) {
            System.out.printf("  %-18s %s%n", ConsoleComponent.NAME, ConsoleComponent.url(ConsoleComponent.cliPort()));
        }
        System.out.println("Logs: ./orderflow logs <component>   Stop: ./orderflow down");
        return platform;
    }
}
