package dev.orderflow.events;

/**
 * Wire names ({@code ce_type}) of every event, decoupled from class names so a class can be
 * renamed or moved without breaking consumers. Consumers dispatch on these constants.
 */
public final class EventTypes {
    public static final String ORDER_PLACED_V1 = "dev.orderflow.order.OrderPlaced.v1";

    private EventTypes() {}
}
