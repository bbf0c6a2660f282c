package dev.orderflow.sandbox.platform;

import dev.orderflow.events.Topics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four services, once: name, documented port (and the variable that overrides it), database,
 * and the topics each consumes (its {@code events-in} channel). The CLI, chaos and bench read
 * this list.
 */
public enum PlatformService {
    ORDER("order-service", 8081, "order_db", List.of(Topics.INVENTORY, Topics.PAYMENTS, Topics.SHIPPING)),
    INVENTORY("inventory-service", 8082, "inventory_db", List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.SHIPPING)),
    PAYMENT("payment-service", 8083, "payment_db", List.of(Topics.ORDERS, Topics.INVENTORY, Topics.SHIPPING)),
    SHIPPING("shipping-service", 8084, "shipping_db", List.of(Topics.ORDERS, Topics.PAYMENTS));

    private final String serviceName;
    private final int defaultPort;
    private final String database;
    private final List<String> consumedTopics;

    PlatformService(String serviceName, int defaultPort, String database, List<String> consumedTopics) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.database = database;
        this.consumedTopics = consumedTopics;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The environment variable that overrides the port, e.g. {@code ORDERFLOW_ORDER_PORT}. */
    public String portVariable() {
        return "ORDERFLOW_" + name().toUpperCase(Locale.ROOT) + "_PORT";
    }

    public String database() {
        return database;
    }

    public List<String> consumedTopics() {
        return consumedTopics;
    }

    /** The service names, in saga order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(PlatformService::serviceName).toList();
    }

    /** Service name → the topics it consumes. */
    public static Map<String, List<String>> consumed() {
        Map<String, List<String>> consumed = new LinkedHashMap<>();
        for (PlatformService service : values()) {
            consumed.put(service.serviceName, service.consumedTopics);
        }
        return Map.copyOf(consumed);
    }
}
