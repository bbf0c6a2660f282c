package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SmokeScenario;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Bring the platform up (if it is not), walk an order through it and print what happened.")
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
            new SmokeScenario(new OrderflowClient(layout.service("order-service").url()), new EventReader(kafka), System.out).run();
            System.out.println();
            System.out.println(stop ? "Stopping the platform (--stop)." : "The platform keeps running: ./orderflow status, ./orderflow down.");
            return 0;
        } finally {
            if (stop) {
                Platform.down(layout);
            }
        }
    }
}
