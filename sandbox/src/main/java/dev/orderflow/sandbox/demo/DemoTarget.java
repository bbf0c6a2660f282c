package dev.orderflow.sandbox.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where {@code orderflow demo --target} sends its orders instead of the local platform: the services' base URLs
 * and Kafka's bootstrap address (the demo reads each order's events back from the topics).
 * {@code compose} means the ports docker-compose.yml publishes on 127.0.0.1 (the same {@code ORDERFLOW_*_PORT}
 * overrides); otherwise every key of {@link #KEYS} as {@code key=value}, comma-separated.
 */
public record DemoTarget(OrderflowClient.Endpoints endpoints, String kafka) {
    public static final List<String> KEYS = List.of("order", "inventory", "payment", "shipping", "provider", "kafka");

    public static DemoTarget parse(String spec, Function<String, String> environment) {
        if (spec.equals("compose")) {
            return compose(environment);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("'" + part + "' is not key=value; expected 'compose' or "
                        + String.join("=...,", KEYS) + "=...");
            }
            String key = part.substring(0, eq).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; the keys are " + String.join(", ", KEYS));
            }
            values.put(key, part.substring(eq + 1).trim());
        }
        List<String> missing = KEYS.stream().filter(k -> !values.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        values.forEach((key, value) -> {
            if (!key.equals("kafka") && !(value.startsWith("http://") || value.startsWith("https://"))) {
                throw new IllegalArgumentException(key + "=" + value + " is not an http(s) URL");
            }
        });
        return new DemoTarget(new OrderflowClient.Endpoints(values.get("order"), values.get("inventory"),
                values.get("payment"), values.get("shipping"), values.get("provider")), values.get("kafka"));
    }

    private static DemoTarget compose(Function<String, String> environment) {
        return new DemoTarget(new OrderflowClient.Endpoints(
                local(environment, "ORDERFLOW_ORDER_PORT", "8081"),
                local(environment, "ORDERFLOW_INVENTORY_PORT", "8082"),
                local(environment, "ORDERFLOW_PAYMENT_PORT", "8083"),
                local(environment, "ORDERFLOW_SHIPPING_PORT", "8084"),
                local(environment, "ORDERFLOW_PROVIDER_PORT", "8090")),
                "127.0.0.1:" + port(environment, "ORDERFLOW_KAFKA_PORT", "19092"));
    }

    private static String local(Function<String, String> environment, String variable, String fallback) {
        return "http://127.0.0.1:" + port(environment, variable, fallback);
    }

    private static String port(Function<String, String> environment, String variable, String fallback) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
