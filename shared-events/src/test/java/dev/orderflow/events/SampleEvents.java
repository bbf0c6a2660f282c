package dev.orderflow.events;

import dev.orderflow.events.inventory.v1.InventoryCommitted;
import dev.orderflow.events.inventory.v1.InventoryRejected;
import dev.orderflow.events.inventory.v1.InventoryReleased;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.inventory.v1.RejectionReason;
import dev.orderflow.events.inventory.v1.ReleaseReason;
import dev.orderflow.events.inventory.v1.StockLine;
import dev.orderflow.events.inventory.v1.UnavailableLine;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderLine;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.payment.v1.Money;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.events.payment.v1.PaymentFailed;
import dev.orderflow.events.payment.v1.PaymentFailureReason;
import dev.orderflow.events.payment.v1.PaymentRefunded;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.events.shipping.v1.ShipmentScheduled;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One realistic instance of every event contract, for tests. */
public final class SampleEvents {
    public static final String ORDER_ID = "0b9e5c1e-8a7f-4d2c-9a51-3f6e2d1c0a11";
    public static final Instant AT = Instant.parse("2025-11-23T12:00:00Z");

    public static OrderPlaced orderPlaced() {
        return OrderPlaced.newBuilder()
                .setOrderId(ORDER_ID)
                .setCustomerId("customer-42")
                .setLines(List.of(
                        new OrderLine("SKU-MUG", 2, new BigDecimal("9.90")),
                        new OrderLine("SKU-TEE", 1, new BigDecimal("19.99"))))
                .setTotal(new dev.orderflow.events.order.v1.Money(new BigDecimal("39.79"), "EUR"))
                .setShippingAddress(new Address("Ada Lovelace", "1 Analytical Way", "London", "N1 9GU", "GB"))
                .setPlacedAt(AT)
                .setCustomerNote("leave at the door")
                .build();
    }

    public static dev.orderflow.events.payment.v2.PaymentCaptured paymentCapturedV2(long amountMinor, String currency) {
        return dev.orderflow.events.payment.v2.PaymentCaptured.newBuilder()
                .setOrderId(ORDER_ID)
                .setPaymentId("pay-1")
                .setAmount(new dev.orderflow.events.payment.v2.Money(amountMinor, currency))
                .setIdempotencyKey("capture-" + ORDER_ID)
                .setProviderChargeId("ch_123")
                .setCapturedAt(AT)
                .build();
    }

    public static PaymentCaptured paymentCapturedV1(String amount, String currency) {
        return PaymentCaptured.newBuilder()
                .setOrderId(ORDER_ID)
                .setPaymentId("pay-1")
                .setAmount(new Money(new BigDecimal(amount), currency))
                .setIdempotencyKey("capture-" + ORDER_ID)
                .setProviderChargeId("ch_123")
                .setCapturedAt(AT)
                .build();
    }

    /** One of each catalogued contract. */
    public static List<SpecificRecord> all() {
        List<StockLine> lines = List.of(new StockLine("SKU-MUG", 2), new StockLine("SKU-TEE", 1));
        Money total = new Money(new BigDecimal("39.79"), "EUR");
        return List.of(
                orderPlaced(),
                new OrderCancellationRequested(ORDER_ID, "customer-42", "changed my mind", AT),
                new InventoryReserved(ORDER_ID, lines, AT),
                new InventoryRejected(
                        ORDER_ID, RejectionReason.OUT_OF_STOCK, List.of(new UnavailableLine("SKU-TEE", 1, 0)), AT),
                new InventoryReleased(ORDER_ID, ReleaseReason.PAYMENT_FAILED, lines, AT),
                new InventoryCommitted(ORDER_ID, lines, AT),
                paymentCapturedV1("39.79", "EUR"),
                paymentCapturedV2(3979, "EUR"),
                new PaymentFailed(ORDER_ID, "pay-1", total, PaymentFailureReason.DECLINED, "card declined", AT),
                new PaymentRefunded(ORDER_ID, "pay-1", total, "re_456", AT),
                new ShipmentScheduled(ORDER_ID, "ship-1", AT),
                new ShipmentCancelled(ORDER_ID, "changed my mind", AT));
    }

    private SampleEvents() {}
}
