package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SagaDemo;
import dev.orderflow.sandbox.platform.ConsoleComponent;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Start the platform if needed, walk four orders through the saga and print their timelines.",
        description = {"Brings the platform up (if it is not), walks four orders through the saga (happy, out of stock, "
            + "declined, cancelled) and prints each one's timeline: the events the services published, read "
            + "back from Kafka. The platform keeps running afterwards unless --stop."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow demo", "  ./orderflow demo --stop"})
class DemoCommand implements Callable<Integer> {

    @Option(names = "--stop", description = "Stop the platform afterwards (by default it keeps running).")
    boolean stop;

    @Override
    public Integer call() {
        PlatformLayout layout = OrderflowCommand.layout(1);
        if (!Platform.status(layout).stream().allMatch(Platform.ComponentStatus::ready)) {
            UpCommand.start(layout);
        }
        String kafka = Platform.endpoints(layout).get("kafka");
        try {
            new SagaDemo(new OrderflowClient(OrderflowClient.Endpoints.of(layout)), new EventReader(kafka), System.out).run();
            System.out.println();
            System.out.println(stop ? "Stopping the platform (--stop)." : "The platform keeps running: ./orderflow status, ./orderflow down.");
            if (!stop && ConsoleComponent.isReady(ConsoleComponent.cliPort())) {
                System.out.println("Watch these orders in the console: " + ConsoleComponent.url(ConsoleComponent.cliPort()));
            }
            return 0;
        } finally {
            if (stop) {
                Platform.down(layout);
            }
        }
    }
}
