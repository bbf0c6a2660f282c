package dev.orderflow.events;

import dev.orderflow.events.inventory.v1.InventoryCommitted;
import dev.orderflow.events.inventory.v1.InventoryRejected;
import dev.orderflow.events.inventory.v1.InventoryReleased;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.events.payment.v1.PaymentFailed;
import dev.orderflow.events.payment.v1.PaymentRefunded;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.events.shipping.v1.ShipmentScheduled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event contract of the platform, by wire name ({@code ce_type}) and by generated class.
 * Producers ask it for the {@code ce_type} of a record; consumers ask it which class (and schema)
 * a {@code ce_type} decodes to, then dispatch on the {@link EventTypes} constant.
 *
 * <p>Adding an event or a major version = a schema in {@code src/main/avro}, its first revision
 * in {@code src/main/avro-history}, a constant in {@link EventTypes} and one line here.
 */
public final class EventCatalog {

    private static final List<EventDescriptor<?>> ALL = List.of(
            new EventDescriptor<>(EventTypes.ORDER_PLACED_V1, Topics.ORDERS, "order", 1, OrderPlaced.class),
            new EventDescriptor<>(
                    EventTypes.ORDER_CANCELLATION_REQUESTED_V1,
                    Topics.ORDERS,
                    "order",
                    1,
                    OrderCancellationRequested.class),
            new EventDescriptor<>(
                    EventTypes.INVENTORY_RESERVED_V1, Topics.INVENTORY, "inventory", 1, InventoryReserved.class),
            new EventDescriptor<>(
                    EventTypes.INVENTORY_REJECTED_V1, Topics.INVENTORY, "inventory", 1, InventoryRejected.class),
            new EventDescriptor<>(
                    EventTypes.INVENTORY_RELEASED_V1, Topics.INVENTORY, "inventory", 1, InventoryReleased.class),
            new EventDescriptor<>(
                    EventTypes.INVENTORY_COMMITTED_V1, Topics.INVENTORY, "inventory", 1, InventoryCommitted.class),
            new EventDescriptor<>(
                    EventTypes.PAYMENT_CAPTURED_V1, Topics.PAYMENTS, "payment", 1, PaymentCaptured.class),
            new EventDescriptor<>(
                    EventTypes.PAYMENT_CAPTURED_V2,
                    Topics.PAYMENTS,
                    "payment",
                    2,
                    dev.orderflow.events.payment.v2.PaymentCaptured.class),
            new EventDescriptor<>(EventTypes.PAYMENT_FAILED_V1, Topics.PAYMENTS, "payment", 1, PaymentFailed.class),
            new EventDescriptor<>(
                    EventTypes.PAYMENT_REFUNDED_V1, Topics.PAYMENTS, "payment", 1, PaymentRefunded.class),
            new EventDescriptor<>(
                    EventTypes.SHIPMENT_SCHEDULED_V1, Topics.SHIPPING, "shipping", 1, ShipmentScheduled.class),
            new EventDescriptor<>(
                    EventTypes.SHIPMENT_CANCELLED_V1, Topics.SHIPPING, "shipping", 1, ShipmentCancelled.class));

    private static final Map<String, EventDescriptor<?>> BY_TYPE;
    private static final Map<Class<?>, EventDescriptor<?>> BY_CLASS;

    static {
        Map<String, EventDescriptor<?>> byType = new HashMap<>();
        Map<Class<?>, EventDescriptor<?>> byClass = new HashMap<>();
        for (EventDescriptor<?> descriptor : ALL) {
            if (byType.put(descriptor.type(), descriptor) != null) {
                throw new IllegalStateException("two contracts share the ce_type " + descriptor.type());
            }
            if (byClass.put(descriptor.recordClass(), descriptor) != null) {
                throw new IllegalStateException("two contracts share the class " + descriptor.recordClass());
            }
        }
        BY_TYPE = Map.copyOf(byType);
        BY_CLASS = Map.copyOf(byClass);
    }

    /** Every contract, in saga order. */
    public static List<EventDescriptor<?>> all() {
        return ALL;
    }

    /** The contract a {@code ce_type} names, if any. */
    public static Optional<EventDescriptor<?>> byType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** The contract a {@code ce_type} names; {@link UnknownEventType} (dead-letter it) otherwise. */
    public static EventDescriptor<?> require(String type) {
        return byType(type).orElseThrow(() -> new UnknownEventType(type));
    }

    /** The contract of a generated class, e.g. to find the {@code ce_type} a producer sets. */
    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> EventDescriptor<T> of(Class<T> recordClass) {
        EventDescriptor<?> descriptor = BY_CLASS.get(recordClass);
        if (descriptor == null) {
            throw new IllegalArgumentException(recordClass.getName() + " is not an event contract");
        }
        return (EventDescriptor<T>) descriptor;
    }

    /** The {@code ce_type} to publish a record under. */
    public static String typeOf(SpecificRecord record) {
        return of(record.getClass()).type();
    }

    private EventCatalog() {}
}
