package dev.orderflow.order.messaging;

import static dev.orderflow.testing.SagaEvents.INVENTORY_SERVICE;
import static dev.orderflow.testing.SagaEvents.PAYMENT_SERVICE;
import static dev.orderflow.testing.SagaEvents.SHIPPING_SERVICE;
import static dev.orderflow.testing.SagaEvents.inventoryRejected;
import static dev.orderflow.testing.SagaEvents.inventoryReleased;
import static dev.orderflow.testing.SagaEvents.inventoryReserved;
import static dev.orderflow.testing.SagaEvents.paymentCaptured;
import static dev.orderflow.testing.SagaEvents.paymentFailed;
import static dev.orderflow.testing.SagaEvents.record;
import static dev.orderflow.testing.SagaEvents.shipmentScheduled;
import static dev.orderflow.testing.SagaEvents.withNewId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.adapters.PaymentCapturedV1ToV2;
import dev.orderflow.events.inventory.v1.ReleaseReason;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.testing.SagaEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * order-service following the saga against real Kafka and PostgreSQL: orders are placed through
 * the API, the other services' facts go in on their topics, and the order's status and history
 * come out of {@code GET /orders/{id}}.
 */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class OrderSagaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String ORDER = """
            {"customerId": "c-saga",
             "lines": [{"sku": "KB-001", "quantity": 1}],
             "shippingAddress": {"name": "Ada Lovelace", "street": "1 Analytical Way", "city": "London",
                                 "postalCode": "N1 7AA", "country": "GB"}}""";

    SagaEvents saga;

    @BeforeEach
    void connect() {
        saga = new SagaEvents("order-service", Topics.ORDERS);
    }

    @AfterEach
    void close() {
        saga.close();
    }

    @Test
    void happyPathFollowsTheSagaToShippedWithEachStepsCause() {
        String orderId = place();
        ProducerRecord<String, byte[]> reserved = record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1);
        saga.send(reserved);
        saga.send(record(paymentCaptured(orderId, new BigDecimal("89.00")), PAYMENT_SERVICE, orderId, 1));
        saga.send(record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1));

        JsonPath order = awaitStatus(orderId, "SHIPPED");
        assertThat(order.getList("history.to")).containsExactly("PLACED", "RESERVED", "PAID", "SHIPPED");
        assertThat(order.getList("history.from")).containsExactly(null, "PLACED", "RESERVED", "PAID");
        assertThat(order.getList("history.eventType")).containsExactly(EventTypes.ORDER_PLACED_V1,
                EventTypes.INVENTORY_RESERVED_V1, EventTypes.PAYMENT_CAPTURED_V1, EventTypes.SHIPMENT_SCHEDULED_V1);
        assertThat(order.getString("history[1].eventId")).isEqualTo(SagaEvents.header(
                SagaEvents.asConsumerRecord(reserved), CloudEventHeaders.ID));
        assertThat(order.getLong("history[1].sequence")).isEqualTo(1);
    }

    @Test
    void outOfStockEndsRejected() {
        String orderId = place();
        saga.send(record(inventoryRejected(orderId, "KB-001", 1, 0), INVENTORY_SERVICE, orderId, 1));

        assertThat(awaitStatus(orderId, "REJECTED").getList("history.to")).containsExactly("PLACED", "REJECTED");
    }

    @Test
    void declinedPaymentEndsCancelledOnceTheStockIsReleased() {
        String orderId = place();
        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        saga.awaitConsumed(saga.send(record(paymentFailed(orderId), PAYMENT_SERVICE, orderId, 1)));
        assertThat(awaitStatus(orderId, "RESERVED").getList("history.to")).containsExactly("PLACED", "RESERVED");

        saga.send(record(inventoryReleased(orderId, ReleaseReason.PAYMENT_FAILED, "KB-001", 1), INVENTORY_SERVICE, orderId, 2));
        assertThat(awaitStatus(orderId, "CANCELLED").getList("history.to")).containsExactly("PLACED", "RESERVED", "CANCELLED");
    }

    @Test
    void captureArrivingBeforeTheReservationIsParkedThenApplied() {
        String orderId = place();
        saga.awaitConsumed(saga.send(record(paymentCaptured(orderId, new BigDecimal("89.00")), PAYMENT_SERVICE, orderId, 1)));
        assertThat(order(orderId).getString("status")).isEqualTo("PLACED");

        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        assertThat(awaitStatus(orderId, "PAID").getList("history.to")).containsExactly("PLACED", "RESERVED", "PAID");
    }

    /**
     * payment-service's dual publish (docs/patterns/schema-evolution.md): v2 and its v1 adaptation
     * with one sequence. order-service handles only v1, so v2 first must not make v1 look stale.
     */
    @Test
    void paymentCapturedTwinsPayTheOrderOnceWhicheverVersionArrivesFirst() {
        String v2First = place();
        String v1First = place();
        for (String orderId : List.of(v2First, v1First)) {
            saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        }
        PaymentCaptured captured = paymentCaptured(v2First, new BigDecimal("89.00"));
        saga.send(record(PaymentCapturedV1ToV2.adapt(captured), PAYMENT_SERVICE, v2First, 1));
        saga.send(record(captured, PAYMENT_SERVICE, v2First, 1));
        PaymentCaptured capturedToo = paymentCaptured(v1First, new BigDecimal("89.00"));
        saga.send(record(capturedToo, PAYMENT_SERVICE, v1First, 1));
        saga.awaitConsumed(saga.send(record(PaymentCapturedV1ToV2.adapt(capturedToo), PAYMENT_SERVICE, v1First, 1)));

        for (String orderId : List.of(v2First, v1First)) {
            JsonPath order = awaitStatus(orderId, "PAID");
            assertThat(order.getList("history.to")).as(orderId).containsExactly("PLACED", "RESERVED", "PAID");
            assertThat(order.getList("history.eventType")).as(orderId).containsExactly(
                    EventTypes.ORDER_PLACED_V1, EventTypes.INVENTORY_RESERVED_V1, EventTypes.PAYMENT_CAPTURED_V1);
        }
    }

    @Test
    void duplicateAndRepublishedFactsMoveTheOrderOnce() {
        String orderId = place();
        ProducerRecord<String, byte[]> reserved = record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1);
        saga.send(reserved);
        saga.send(reserved);
        saga.awaitConsumed(saga.send(withNewId(reserved)));

        assertThat(awaitStatus(orderId, "RESERVED").getList("history.to")).containsExactly("PLACED", "RESERVED");
    }

    @Test
    void cancellationThatLostTheRaceShowsTheOrderShippedAndTheCancelRefused() {
        String orderId = place();
        given().when().post("/orders/" + orderId + "/cancel").then().statusCode(202);
        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        saga.send(record(paymentCaptured(orderId, new BigDecimal("89.00")), PAYMENT_SERVICE, orderId, 1));
        saga.send(record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1));

        assertThat(awaitStatus(orderId, "SHIPPED").getString("cancellation.outcome")).isEqualTo("REFUSED");
        given().when().post("/orders/" + orderId + "/cancel").then().statusCode(409);
    }

    @Test
    void cancellationThatWonEndsCancelledAndALateCaptureIsIgnored() {
        String orderId = place();
        given().when().post("/orders/" + orderId + "/cancel").then().statusCode(202);
        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        saga.send(record(inventoryReleased(orderId, ReleaseReason.ORDER_CANCELLED, "KB-001", 1), INVENTORY_SERVICE, orderId, 2));
        awaitStatus(orderId, "CANCELLED");
        saga.awaitConsumed(saga.send(record(paymentCaptured(orderId, new BigDecimal("89.00")), PAYMENT_SERVICE, orderId, 1)));

        JsonPath order = order(orderId);
        assertThat(order.getString("status")).isEqualTo("CANCELLED");
        assertThat(order.getString("cancellation.outcome")).isEqualTo("CANCELLED");
        assertThat(order.getList("history.to")).containsExactly("PLACED", "RESERVED", "CANCELLED");
    }

    @Test
    void shipmentAfterCancellationIsDeadLetteredNotApplied() {
        String orderId = place();
        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        saga.send(record(inventoryReleased(orderId, ReleaseReason.PAYMENT_FAILED, "KB-001", 1), INVENTORY_SERVICE, orderId, 2));
        awaitStatus(orderId, "CANCELLED");
        saga.send(record(paymentCaptured(orderId, new BigDecimal("89.00")), PAYMENT_SERVICE, orderId, 1));
        saga.send(record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1));

        var deadLetters = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> SagaEvents.readTopic(Topics.SHIPPING + ".dlq", orderId), records -> !records.isEmpty());
        assertThat(SagaEvents.types(deadLetters)).containsExactly(EventTypes.SHIPMENT_SCHEDULED_V1);
        assertThat(order(orderId).getString("status")).isEqualTo("CANCELLED");
    }

    private static String place() {
        return given().contentType("application/json").body(ORDER)
                .when().post("/orders").then().statusCode(201).extract().path("orderId");
    }

    private static JsonPath order(String orderId) {
        return given().when().get("/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitStatus(String orderId, String status) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> order(orderId), order -> status.equals(order.getString("status")));
    }
}
