package dev.orderflow.payment.messaging;

import static dev.orderflow.testing.SagaEvents.INVENTORY_SERVICE;
import static dev.orderflow.testing.SagaEvents.ORDER_SERVICE;
import static dev.orderflow.testing.SagaEvents.SHIPPING_SERVICE;
import static dev.orderflow.testing.SagaEvents.inventoryReserved;
import static dev.orderflow.testing.SagaEvents.orderPlaced;
import static dev.orderflow.testing.SagaEvents.record;
import static dev.orderflow.testing.SagaEvents.shipmentCancelled;
import static dev.orderflow.testing.SagaEvents.withNewId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.events.payment.v1.PaymentFailed;
import dev.orderflow.events.payment.v1.PaymentFailureReason;
import dev.orderflow.events.payment.v1.PaymentRefunded;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.deadletter.DeadLetterRecord;
import dev.orderflow.messaging.deadletter.DeadLetterReplay;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.payment.client.ProviderUnavailable;
import dev.orderflow.payment.service.PaymentOutcome;
import dev.orderflow.payment.service.PaymentService;
import dev.orderflow.payment.testing.PaymentProviderResource;
import dev.orderflow.payment.testing.ProviderLedger;
import dev.orderflow.testing.Outboxes;
import dev.orderflow.testing.SagaEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * payment-service as a saga participant, against real Kafka, PostgreSQL and the payment-provider
 * stub over HTTP: events of the other services go in on their topics, facts come out on
 * {@code payments.events} through the outbox, money moves in the provider's own ledger.
 */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
@QuarkusTestResource(PaymentProviderResource.class)
class PaymentSagaTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaymentService payments;

    @Inject
    MessagingMetrics metrics;

    @ConfigProperty(name = "payment.provider.url")
    String providerUrl;

    ProviderLedger provider;
    SagaEvents saga;

    @BeforeEach
    void setUp() {
        provider = new ProviderLedger(providerUrl);
        provider.noFaults();
        saga = new SagaEvents("payment-service", Topics.PAYMENTS);
    }

    @AfterEach
    void tearDown() {
        provider.noFaults();
        saga.close();
    }

    @Test
    void capturesTheOrderTotalOnceWhenInventoryIsReserved() {
        String orderId = newOrderId();

        placeAndReserve(orderId, "c-1", "25.50");

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        PaymentCaptured captured = decode(saga.publishedFor(orderId).get(0), PaymentCaptured.class);
        assertThat(captured.getAmount().getAmount()).isEqualByComparingTo("25.50");
        assertThat(captured.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(captured.getIdempotencyKey()).isEqualTo("order-" + orderId + "-capture");
        Map<String, Object> charge = onlyCharge(orderId);
        assertThat(charge).containsEntry("status", "captured").containsEntry("amount", "25.50")
                .containsEntry("customerId", "c-1").containsEntry("idempotencyKey", "order-" + orderId + "-capture");
        assertThat(captured.getProviderChargeId()).isEqualTo(charge.get("chargeId"));
        JsonPath payment = payment(orderId);
        assertThat(payment.getString("status")).isEqualTo("CAPTURED");
        assertThat(payment.getString("providerChargeId")).isEqualTo(charge.get("chargeId"));
        assertThat(payment.getString("capturedAt")).isNotNull();
    }

    @Test
    void inventoryReservedBeforeItsOrderIsParkedThenCaptured() {
        String orderId = newOrderId();

        // different topics: inventory's fact may overtake the order's
        saga.awaitConsumed(saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1)));
        assertThat(provider.chargesOf(orderId)).isEmpty();
        given().queryParam("orderId", orderId).when().get("/payments").then().statusCode(404);

        place(orderId, "c-1", "12.00");

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        assertThat(onlyCharge(orderId)).containsEntry("status", "captured").containsEntry("amount", "12.00");
        assertThat(payment(orderId).getString("status")).isEqualTo("CAPTURED");
    }

    @Test
    void declinedCustomerFailsThePaymentAndIsNeverCaptured() {
        String orderId = newOrderId();

        placeAndReserve(orderId, "decline-joe", "30.00");

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_FAILED_V1);
        PaymentFailed failed = decode(saga.publishedFor(orderId).get(0), PaymentFailed.class);
        assertThat(failed.getReason()).isEqualTo(PaymentFailureReason.DECLINED);
        assertThat(failed.getAmount().getAmount()).isEqualByComparingTo("30.00");
        assertThat(onlyCharge(orderId)).containsEntry("status", "declined").containsEntry("reason", "DECLINED");
        JsonPath payment = payment(orderId);
        assertThat(payment.getString("status")).isEqualTo("FAILED");
        assertThat(payment.getString("failureReason")).isEqualTo("DECLINED");
    }

    @Test
    void amountOverTheProviderLimitFailsWithAmountOverLimit() {
        String orderId = newOrderId();

        placeAndReserve(orderId, "c-1", "1500.00");

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_FAILED_V1);
        assertThat(decode(saga.publishedFor(orderId).get(0), PaymentFailed.class).getReason())
                .isEqualTo(PaymentFailureReason.AMOUNT_OVER_LIMIT);
        assertThat(onlyCharge(orderId)).containsEntry("status", "declined").containsEntry("reason", "AMOUNT_OVER_LIMIT");
    }

    @Test
    void duplicateAndRepublishedInventoryReservedChargeOnce() {
        String orderId = newOrderId();
        placeAndAwaitPayment(orderId, "40.00"); // so every copy below meets the payment, none is parked
        ProducerRecord<String, byte[]> reserved = record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1);

        saga.send(reserved);
        saga.send(reserved); // redelivery: same ce_id
        saga.send(withNewId(reserved)); // republished: new ce_id, same sequence
        // a second reservation fact (next sequence): the payment is already captured
        RecordMetadata last = saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 2));
        saga.awaitConsumed(last);
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        assertThat(onlyCharge(orderId)).containsEntry("status", "captured");
    }

    @Test
    void chargeThatTimesOutIsRecoveredWithTheSameKeyNotChargedTwice() {
        // The provider commits the charge, then never answers: the dangerous case.
        provider.setFaults(0, 0, 1.0);
        String orderId = newOrderId();

        RecordMetadata reserved = placeAndReserve(orderId, "c-1", "55.00");

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        saga.awaitConsumed(reserved);
        awaitOutboxDrained();
        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        Map<String, Object> charge = onlyCharge(orderId);
        assertThat(charge).containsEntry("status", "captured");
        assertThat(decode(saga.publishedFor(orderId).get(0), PaymentCaptured.class).getProviderChargeId())
                .isEqualTo(charge.get("chargeId"));
        assertThat(payment(orderId).getString("status")).isEqualTo("CAPTURED");
    }

    @Test
    void providerErrorsAreRetriedUntilItRecoversThenCapturedOnce() {
        provider.setFaults(0, 1.0, 0);
        String orderId = newOrderId();
        double retriesBefore = transientRetries();

        // the order first, so the capture runs on the delivery itself (a parked one is retried by the sweep instead)
        placeAndAwaitPayment(orderId, "18.00");
        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        // the capture was refused at least once (503) and is being retried on the same record
        await().atMost(Duration.ofSeconds(60)).until(() -> transientRetries() > retriesBefore);
        assertThat(provider.chargesOf(orderId)).isEmpty();
        assertThat(saga.publishedFor(orderId)).isEmpty();

        provider.noFaults();

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        assertThat(onlyCharge(orderId)).containsEntry("status", "captured");
    }

    @Test
    void captureRefusedWithA401IsDeadLetteredNotRetriedAndItsReplayAfterTheFixCapturesOnce() {
        String orderId = newOrderId();
        placeAndAwaitPayment(orderId, "21.00");
        provider.refuseTheApiKey();
        double retriesBefore = transientRetries();

        saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> SagaEvents.readTopic(Topics.INVENTORY + ".dlq", orderId), records -> !records.isEmpty());
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).headers().headers(MessagingHeaders.DEAD_LETTER_REASON))
                .extracting(h -> new String(h.value()))
                .anyMatch(reason -> reason.contains("401"));
        // Permanent: dead-lettered on the first answer, never retried; nothing charged, nothing published.
        assertThat(transientRetries()).isEqualTo(retriesBefore);
        assertThat(provider.chargesOf(orderId)).isEmpty();
        assertThat(saga.publishedFor(orderId)).isEmpty();
        assertThat(payment(orderId).getString("status")).isEqualTo("PENDING");

        // The key is fixed; the operator replays the dead letter under its original ce_id.
        provider.noFaults();
        try (DeadLetterReplay replay = new DeadLetterReplay(TestInfra.shared().kafkaBootstrapServers())) {
            DeadLetterRecord letter = replay.list(List.of(Topics.INVENTORY + ".dlq"), Duration.ofSeconds(10)).stream()
                    .filter(l -> orderId.equals(l.subject())).findFirst().orElseThrow();
            replay.replay(letter);
        }

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.PAYMENT_CAPTURED_V1);
        assertThat(onlyCharge(orderId)).containsEntry("status", "captured");
        assertThat(payment(orderId).getString("status")).isEqualTo("CAPTURED");
    }

    @Test
    void refundsOnceWhenShipmentIsCancelledAfterCapture() {
        String orderId = newOrderId();
        placeAndReserve(orderId, "c-1", "70.00");
        saga.awaitPublishedTypes(orderId, 1);

        ProducerRecord<String, byte[]> cancelled = record(shipmentCancelled(orderId), SHIPPING_SERVICE, orderId, 1);
        saga.send(cancelled);
        saga.send(cancelled); // redelivery
        saga.awaitConsumed(saga.send(withNewId(cancelled))); // republished
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId)))
                .containsExactly(EventTypes.PAYMENT_CAPTURED_V1, EventTypes.PAYMENT_REFUNDED_V1);
        PaymentRefunded refunded = decode(saga.publishedFor(orderId).get(1), PaymentRefunded.class);
        assertThat(refunded.getAmount().getAmount()).isEqualByComparingTo("70.00");
        Map<String, Object> charge = onlyCharge(orderId);
        @SuppressWarnings("unchecked")
        Map<String, Object> refund = (Map<String, Object>) charge.get("refund");
        assertThat(refund).containsEntry("amount", "70.00").containsEntry("idempotencyKey", "order-" + orderId + "-refund");
        assertThat(refunded.getProviderRefundId()).isEqualTo(refund.get("refundId"));
        JsonPath payment = payment(orderId);
        assertThat(payment.getString("status")).isEqualTo("REFUNDED");
        assertThat(payment.getString("providerRefundId")).isEqualTo(refund.get("refundId"));
    }

    @Test
    void cancellationBeforeInventoryReservedNeverCharges() {
        String orderId = newOrderId();
        placeAndAwaitPayment(orderId, "20.00");
        saga.awaitConsumed(saga.send(record(shipmentCancelled(orderId), SHIPPING_SERVICE, orderId, 1)));
        assertThat(payment(orderId).getString("status")).isEqualTo("CANCELLED");

        saga.awaitConsumed(saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1)));
        awaitOutboxDrained();

        assertThat(provider.chargesOf(orderId)).isEmpty();
        assertThat(saga.publishedFor(orderId)).isEmpty();
        assertThat(payment(orderId).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void cancellationOfACaptureInDoubtResolvesItWithTheSameKeyAndRefunds() {
        String orderId = newOrderId();
        placeAndAwaitPayment(orderId, "33.00");

        // The capture is sent, the provider charges and never answers: payment-service cannot know.
        provider.setFaults(0, 0, 1.0);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> payments.capture(UUID.fromString(orderId))))
                .isInstanceOf(ProviderUnavailable.class);
        assertThat(onlyCharge(orderId)).containsEntry("status", "captured");
        assertThat(payment(orderId).getString("status")).isEqualTo("PENDING");
        provider.noFaults();

        // The cancellation wins now; a plain "mark it cancelled" would keep the customer's money.
        PaymentOutcome outcome = QuarkusTransaction.requiringNew().call(() -> payments.cancel(UUID.fromString(orderId)));

        assertThat(outcome).isEqualTo(PaymentOutcome.REFUNDED);
        Map<String, Object> charge = onlyCharge(orderId);
        assertThat(charge.get("refund")).isNotNull();
        assertThat(payment(orderId).getString("status")).isEqualTo("REFUNDED");
        assertThat(saga.awaitPublishedTypes(orderId, 2))
                .containsExactly(EventTypes.PAYMENT_CAPTURED_V1, EventTypes.PAYMENT_REFUNDED_V1);
    }

    @Test
    void cancellationAfterADeclineChangesNothing() {
        String orderId = newOrderId();
        placeAndReserve(orderId, "decline-ann", "9.00");
        saga.awaitPublishedTypes(orderId, 1);

        saga.awaitConsumed(saga.send(record(shipmentCancelled(orderId), SHIPPING_SERVICE, orderId, 1)));
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(EventTypes.PAYMENT_FAILED_V1);
        assertThat(onlyCharge(orderId)).containsEntry("status", "declined").containsEntry("refund", null);
        assertThat(payment(orderId).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void orderWithoutAnythingToChargeIsDeadLettered() {
        String orderId = newOrderId();
        ProducerRecord<String, byte[]> placed =
                record(orderPlaced(orderId, "c-1", new BigDecimal("0.00"), "KB-001", 1), ORDER_SERVICE, orderId, 1);

        saga.awaitConsumed(saga.send(placed));

        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> SagaEvents.readTopic("orders.events.dlq", orderId), records -> !records.isEmpty());
        assertThat(deadLetters.get(0).headers().headers(MessagingHeaders.DEAD_LETTER_REASON))
                .extracting(h -> new String(h.value()))
                .anyMatch(reason -> reason.contains("nothing to charge"));
        assertThat(paymentStatusCode(orderId)).isEqualTo(404);
    }

    /** The other services' part of the happy path: order-service places the order, inventory reserves it. */
    private RecordMetadata placeAndReserve(String orderId, String customerId, String total) {
        place(orderId, customerId, total);
        return saga.send(record(inventoryReserved(orderId, "KB-001", 1), INVENTORY_SERVICE, orderId, 1));
    }

    /** Places the order and waits until payment-service knows it (PENDING), so what follows is not parked. */
    private void placeAndAwaitPayment(String orderId, String total) {
        place(orderId, "c-1", total);
        await().atMost(Duration.ofSeconds(60)).until(() -> paymentStatusCode(orderId) == 200);
    }

    private RecordMetadata place(String orderId, String customerId, String total) {
        return saga.send(record(orderPlaced(orderId, customerId, new BigDecimal(total), "KB-001", 1), ORDER_SERVICE, orderId, 1));
    }

    private Map<String, Object> onlyCharge(String orderId) {
        List<Map<String, Object>> charges = provider.chargesOf(orderId);
        assertThat(charges).as("the provider's charges for order %s", orderId).hasSize(1);
        return charges.get(0);
    }

    private static JsonPath payment(String orderId) {
        return given().queryParam("orderId", orderId).when().get("/payments").then().statusCode(200).extract().jsonPath();
    }

    private static int paymentStatusCode(String orderId) {
        return given().queryParam("orderId", orderId).when().get("/payments").statusCode();
    }

    private double transientRetries() {
        return metrics.count("orderflow.consumer.transient.retries", "consumer", "payment-service");
    }

    private void awaitOutboxDrained() {
        Outboxes.awaitDrained(dataSource);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return SagaEvents.decode(record, type);
    }

    private static String newOrderId() {
        return UUID.randomUUID().toString();
    }
}
