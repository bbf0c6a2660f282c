package dev.orderflow.events;

/**
 * Wire names ({@code ce_type}) of every event, decoupled from class names so a class can be
 * renamed or moved without breaking consumers. Consumers dispatch on these constants.
 *
 * <p>Format: {@code dev.orderflow.<context>.<Event>.v<major>}. The major version matches the
 * schema namespace ({@code dev.orderflow.events.<context>.v<major>}); additive revisions inside a
 * major version keep the same wire name. {@link EventCatalog} maps each name to its schema and class.
 */
public final class EventTypes {
    // order-service -> orders.events
    public static final String ORDER_PLACED_V1 = "dev.orderflow.order.OrderPlaced.v1";
    public static final String ORDER_CANCELLATION_REQUESTED_V1 = "dev.orderflow.order.OrderCancellationRequested.v1";

    // inventory-service -> inventory.events
    public static final String INVENTORY_RESERVED_V1 = "dev.orderflow.inventory.InventoryReserved.v1";
    public static final String INVENTORY_REJECTED_V1 = "dev.orderflow.inventory.InventoryRejected.v1";
    public static final String INVENTORY_RELEASED_V1 = "dev.orderflow.inventory.InventoryReleased.v1";
    public static final String INVENTORY_COMMITTED_V1 = "dev.orderflow.inventory.InventoryCommitted.v1";

    // payment-service -> payments.events
    public static final String PAYMENT_CAPTURED_V1 = "dev.orderflow.payment.PaymentCaptured.v1";
    /** Breaking successor of {@link #PAYMENT_CAPTURED_V1} (amount in minor units); published alongside v1 while it migrates. */
    public static final String PAYMENT_CAPTURED_V2 = "dev.orderflow.payment.PaymentCaptured.v2";
    public static final String PAYMENT_FAILED_V1 = "dev.orderflow.payment.PaymentFailed.v1";
    public static final String PAYMENT_REFUNDED_V1 = "dev.orderflow.payment.PaymentRefunded.v1";

    // shipping-service -> shipping.events
    public static final String SHIPMENT_SCHEDULED_V1 = "dev.orderflow.shipping.ShipmentScheduled.v1";
    /** The cancellation won the race against scheduling: the fact every compensation of a customer cancel follows. */
    public static final String SHIPMENT_CANCELLED_V1 = "dev.orderflow.shipping.ShipmentCancelled.v1";

    private EventTypes() {}
}
