package dev.orderflow.deploy;

import dev.orderflow.infra.Ports;
import dev.orderflow.sandbox.demo.OrderflowClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root docker-compose.yml as users run it, under its own project name, with the official images replaced
 * by the stand-ins through the file's own variables and every published port a free one on 127.0.0.1.
 */
final class ComposeProject {
    static final String NAME = "orderflow-deploy-it";
    static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service", "shipping-service");

    final Path root;
    final Map<String, String> env = new LinkedHashMap<>();

    ComposeProject(Path root, Map<String, String> images) {
        this.root = root;
        env.putAll(images);
        env.put("COMPOSE_PROJECT_NAME", NAME);
        choosePorts();
        env.put("ORDERFLOW_VERSION", "deploy-it");
    }

    /** Free ports on 127.0.0.1 for every published port (again after another process took one first). */
    void choosePorts() {
        for (String port : List.of("ORDERFLOW_KAFKA_PORT", "ORDERFLOW_REGISTRY_PORT", "ORDERFLOW_POSTGRES_PORT",
                "ORDERFLOW_ORDER_PORT", "ORDERFLOW_INVENTORY_PORT", "ORDERFLOW_PAYMENT_PORT", "ORDERFLOW_SHIPPING_PORT",
                "ORDERFLOW_PROVIDER_PORT", "ORDERFLOW_CONSOLE_PORT")) {
            env.put(port, String.valueOf(Ports.free()));
        }
    }

    String compose(long timeoutSeconds, String... args) {
        return run(List.of("docker-compose.yml"), Map.of(), timeoutSeconds, args);
    }

    /** docker-compose.yml with docker-compose.secure.yml over it, as the README runs the secure variant. */
    String composeSecure(Map<String, String> extraEnv, long timeoutSeconds, String... args) {
        return run(List.of("docker-compose.yml", "docker-compose.secure.yml"), extraEnv, timeoutSeconds, args);
    }

    private String run(List<String> files, Map<String, String> extraEnv, long timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose"));
        files.forEach(f -> command.addAll(List.of("-f", root.resolve(f).toString())));
        command.addAll(List.of(args));
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(extraEnv);
        return DockerEngine.exec(command, all, timeoutSeconds);
    }

    String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return DockerEngine.exec(command, env, 60).trim();
    }

    String container(String service) {
        return docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + NAME,
                "--filter", "label=com.docker.compose.service=" + service);
    }

    String url(String portVariable) {
        return "http://127.0.0.1:" + env.get(portVariable);
    }

    OrderflowClient.Endpoints endpoints() {
        return new OrderflowClient.Endpoints(url("ORDERFLOW_ORDER_PORT"), url("ORDERFLOW_INVENTORY_PORT"),
                url("ORDERFLOW_PAYMENT_PORT"), url("ORDERFLOW_SHIPPING_PORT"), url("ORDERFLOW_PROVIDER_PORT"));
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + env.get("ORDERFLOW_KAFKA_PORT");
    }
}
