package dev.orderflow.events;

/** Kafka topic names: one per producing service, key = aggregate id (the order id for the saga). */
public final class Topics {
    public static final String ORDERS = "orders.events";
    public static final String INVENTORY = "inventory.events";
    public static final String PAYMENTS = "payments.events";
    public static final String SHIPPING = "shipping.events";

    /** Partition count the platform creates each event topic with. */
    public static final int PARTITIONS = 6;

    /** Every event topic, in saga order. */
    public static final java.util.List<String> ALL = java.util.List.of(ORDERS, INVENTORY, PAYMENTS, SHIPPING);

    /** Dead letters of a consuming service's channel land on {@code <topic>.dlq}. */
    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlq";
    }

    private Topics() {}
}
