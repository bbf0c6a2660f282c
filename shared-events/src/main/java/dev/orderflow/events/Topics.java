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

    /**
     * The {@code ce_source} of the one service that publishes each topic (its
     * {@code orderflow.messaging.source}). Consumers accept records of a topic only from it: a type
     * they do not handle from this producer is skipped, anything from another source is dead-lettered.
     */
    private static final java.util.Map<String, String> PRODUCER_SOURCES = java.util.Map.of(
            ORDERS, "/orderflow/order-service",
            INVENTORY, "/orderflow/inventory-service",
            PAYMENTS, "/orderflow/payment-service",
            SHIPPING, "/orderflow/shipping-service");

    /** The {@code ce_source} of {@code topic}'s producer (also for its delivery topic); empty for a topic outside the contract. */
    public static java.util.Optional<String> producerSource(String topic) {
        return java.util.Optional.ofNullable(topic == null ? null : PRODUCER_SOURCES.get(originOf(topic)));
    }

    /**
     * Suffix of a delivery topic: the chaos sandbox puts a forwarding stage between producers and
     * consumers (to delay, reorder, duplicate), which feeds {@code <topic>.delivered}.
     */
    public static final String DELIVERED_SUFFIX = ".delivered";

    /** The topic a forwarding stage delivers {@code topic}'s records on. */
    public static String deliveredTopicOf(String topic) {
        return topic + DELIVERED_SUFFIX;
    }

    /** The topic a record was published on: itself, or the original of a delivery topic. */
    public static String originOf(String topic) {
        return topic.endsWith(DELIVERED_SUFFIX) ? topic.substring(0, topic.length() - DELIVERED_SUFFIX.length()) : topic;
    }

    /**
     * Dead letters of a consuming service's channel land on {@code <topic>.dlq}, beside the topic
     * the record was published on, also when it was consumed from a delivery topic.
     */
    public static String deadLetterTopicOf(String topic) {
        return originOf(topic) + ".dlq";
    }

    private Topics() {}
}
