package dev.orderflow.sandbox.cli;

import dev.orderflow.sandbox.generate.ServiceGenerator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new-service", mixinStandardHelpOptions = true,
        header = "Generate a service module wired like the others (docs/template.md).",
        description = {"Writes <name>-service: an entity with a state table and its Flyway migration, a handler "
            + "that consumes OrderPlaced through the inbox and ordering gate, a use case that publishes "
            + "<Name>Recorded through the outbox, a README and tests (@QuarkusTest on real Kafka and PostgreSQL). "
            + "Adds the event's Avro contract to shared-events and the module to pom.xml. "
            + "Then: ./mvnw -pl <name>-service -am verify"},
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILED_LINE},
        footer = {"  ./orderflow new-service loyalty", "  ./orderflow new-service loyalty --port 8086"})
class NewServiceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<name>", description = "One lower-case word, e.g. loyalty (module loyalty-service, package dev.orderflow.loyalty).")
    String name;

    @Option(names = "--port", defaultValue = "8085", description = "HTTP port of the new service (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        ServiceGenerator generator = new ServiceGenerator(OrderflowCommand.root(), name, port);
        List<String> written = generator.generate();
        written.forEach(file -> System.out.println("  " + file));
        System.out.println("Generated " + generator.module() + ". Build and test it: ./mvnw -pl " + generator.module() + " -am verify");
        return ExitCodes.OK;
    }
}
