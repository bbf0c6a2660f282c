package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.demo.DemoTarget;
import dev.orderflow.sandbox.demo.EventReader;
import dev.orderflow.sandbox.demo.OrderflowClient;
import dev.orderflow.sandbox.demo.SagaDemo;
import dev.orderflow.sandbox.platform.ConsoleComponent;
import dev.orderflow.sandbox.platform.Platform;
import dev.orderflow.sandbox.platform.PlatformLayout;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Start the platform if needed, walk four orders through the saga and print their timelines.",
        description = {"Brings the platform up (if it is not), walks four orders through the saga (happy, out of stock, "
            + "declined, cancelled) and prints each one's timeline: the events the services published, read "
            + "back from Kafka. The platform keeps running afterwards unless --stop. With --target it starts nothing "
            + "and runs the same four orders against a platform running elsewhere (docker-compose.yml, a cluster)."},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow demo", "  ./orderflow demo --stop", "  ./orderflow demo --target compose",
            "  T=order=http://o:8081,inventory=http://i:8082,payment=http://p:8083",
            "  T=$T,shipping=http://s:8084,provider=http://pp:8090,kafka=broker:9092",
            "  ./orderflow demo --target \"$T\""})
class DemoCommand implements Callable<Integer> {

    @Option(names = "--stop", description = "Stop the platform afterwards (by default it keeps running).")
    boolean stop;

    @Option(names = "--target", paramLabel = "compose|key=value,...",
            description = {"Run against a platform that is already running elsewhere instead of the local one: "
                + "'compose' (the ports docker-compose.yml publishes on 127.0.0.1, honouring ORDERFLOW_*_PORT), or "
                + "order=URL,inventory=URL,payment=URL,shipping=URL,provider=URL,kafka=HOST:PORT. Kafka client "
                + "security comes from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_* like the services'."})
    String target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (target != null) {
            return runAgainstTarget();
        }
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

    private Integer runAgainstTarget() {
        if (stop) {
            throw new ParameterException(spec.commandLine(), "--stop stops the local platform; it does not go with --target");
        }
        DemoTarget remote;
        try {
            remote = DemoTarget.parse(target, System::getenv);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage());
        }
        System.out.println("Target: " + remote.endpoints().order() + " (orders), Kafka " + remote.kafka());
        new SagaDemo(new OrderflowClient(remote.endpoints()), new EventReader(remote.kafka()), System.out).run();
        return 0;
    }
}
