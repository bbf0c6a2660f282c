package dev.orderflow.shipping.messaging;

import static dev.orderflow.testing.SagaEvents.ORDER_SERVICE;
import static dev.orderflow.testing.SagaEvents.PAYMENT_SERVICE;
import static dev.orderflow.testing.SagaEvents.asConsumerRecord;
import static dev.orderflow.testing.SagaEvents.cancellationRequested;
import static dev.orderflow.testing.SagaEvents.orderPlaced;
import static dev.orderflow.testing.SagaEvents.paymentCaptured;
import static dev.orderflow.testing.SagaEvents.record;
import static dev.orderflow.testing.SagaEvents.withNewId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.adapters.PaymentCapturedV1ToV2;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.events.shipping.v1.ShipmentScheduled;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.messaging.consumer.ConsumeResult;
import dev.orderflow.messaging.consumer.IdempotentConsumer;
import dev.orderflow.shipping.testing.ShippingFixtures;
import dev.orderflow.testing.SagaEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * shipping-service as the saga participant that settles the cancel race, against real Kafka and
 * PostgreSQL: the other services' events go in on their topics, facts come out on
 * {@code shipping.events} through the outbox.
 */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class ShippingSagaTest {
    private static final BigDecimal TOTAL = new BigDecimal("30.00");
    private static final String SCHEDULED = EventTypes.SHIPMENT_SCHEDULED_V1;
    private static final String CANCELLED = EventTypes.SHIPMENT_CANCELLED_V1;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ShippingEventHandler handler;

    ShippingFixtures fixtures;
    SagaEvents saga;

    @BeforeEach
    void setUp() {
        fixtures = new ShippingFixtures(dataSource);
        saga = new SagaEvents("shipping-service", Topics.SHIPPING);
    }

    @AfterEach
    void tearDown() {
        saga.close();
    }

    @Test
    void paidOrderShipsExactlyOnceHoweverOftenThePaymentArrives() {
        String orderId = newOrderId();
        saga.awaitConsumed(saga.send(placed(orderId)));

        ProducerRecord<String, byte[]> captured = captured(orderId);
        saga.send(captured);
        saga.send(captured); // redelivery: same ce_id
        saga.send(withNewId(captured)); // republished: new ce_id, same sequence
        // the same capture in v2, which payment publishes alongside v1 while it migrates
        RecordMetadata last = saga.send(record(PaymentCapturedV1ToV2.adapt(paymentCaptured(orderId, TOTAL)), PAYMENT_SERVICE, orderId, 2));
        saga.awaitConsumed(last);
        awaitOutboxDrained(orderId);

        assertThat(fixtures.shipmentIds(orderId)).hasSize(1);
        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(SCHEDULED);
        ShipmentScheduled scheduled = decode(saga.publishedFor(orderId).get(0), ShipmentScheduled.class);
        assertThat(scheduled.getOrderId()).isEqualTo(orderId);
        assertThat(scheduled.getShipmentId()).isEqualTo(fixtures.shipmentIds(orderId).get(0));
        assertThat(fixtures.status(orderId)).isEqualTo("SCHEDULED");
    }

    @Test
    void paymentCapturedBeforeOrderPlacedIsParkedThenScheduled() {
        String orderId = newOrderId();

        // payments.events and orders.events are consumed independently: the capture can come first
        saga.awaitConsumed(saga.send(captured(orderId)));
        assertThat(fixtures.status(orderId)).isNull();
        assertThat(fixtures.shipmentIds(orderId)).isEmpty();
        assertThat(fixtures.parkedReasons(orderId)).containsExactly("PREREQUISITE");

        saga.send(placed(orderId));

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(SCHEDULED);
        assertThat(fixtures.shipmentIds(orderId)).hasSize(1);
        assertThat(fixtures.status(orderId)).isEqualTo("SCHEDULED");
        assertThat(fixtures.parkedReasons(orderId)).isEmpty();
    }

    @Test
    void cancellationBeforePaymentCancelsAndALaterCaptureShipsNothing() {
        String orderId = newOrderId();
        saga.send(placed(orderId));
        OrderCancellationRequested request = OrderCancellationRequested.newBuilder(cancellationRequested(orderId))
                .setReason("changed my mind")
                .build();
        saga.send(record(request, ORDER_SERVICE, orderId, 2));

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(CANCELLED);
        ShipmentCancelled cancelled = decode(saga.publishedFor(orderId).get(0), ShipmentCancelled.class);
        assertThat(cancelled.getOrderId()).isEqualTo(orderId);
        assertThat(cancelled.getReason()).isEqualTo("changed my mind");

        // payment captured anyway (it had not seen the cancellation): it refunds on ShipmentCancelled
        saga.awaitConsumed(saga.send(captured(orderId)));
        awaitOutboxDrained(orderId);

        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(CANCELLED);
        assertThat(fixtures.shipmentIds(orderId)).isEmpty();
        assertThat(fixtures.status(orderId)).isEqualTo("CANCELLED");
    }

    @Test
    void cancellationAfterSchedulingLostTheRaceAndChangesNothing() {
        String orderId = newOrderId();
        saga.awaitConsumed(saga.send(placed(orderId)));
        saga.send(captured(orderId));
        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(SCHEDULED);

        saga.awaitConsumed(saga.send(record(cancellationRequested(orderId), ORDER_SERVICE, orderId, 2)));
        awaitOutboxDrained(orderId);

        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(SCHEDULED);
        assertThat(fixtures.shipmentIds(orderId)).hasSize(1);
        assertThat(fixtures.status(orderId)).isEqualTo("SCHEDULED");
    }

    @Test
    void captureAndCancellationAtTheSameMomentEndInExactlyOneDecision() throws Exception {
        Map<String, List<String>> decidedByOrder = new LinkedHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String orderId = newOrderId();
                assertThat(consumer.process(asConsumerRecord(placed(orderId)), handler).outcome())
                        .isEqualTo(ConsumeResult.Outcome.APPLIED);
                // Two deliveries of one order processed at the same moment, as the two channels would.
                List<ConsumerRecord<String, byte[]>> deliveries = List.of(
                        asConsumerRecord(captured(orderId)),
                        asConsumerRecord(record(cancellationRequested(orderId), ORDER_SERVICE, orderId, 2)));
                CyclicBarrier start = new CyclicBarrier(deliveries.size());
                List<Future<ConsumeResult>> results = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> delivery : deliveries) {
                    results.add(threads.submit(() -> {
                        start.await();
                        return consumer.process(delivery, handler);
                    }));
                }
                for (Future<ConsumeResult> result : results) {
                    assertThat(result.get().outcome()).isEqualTo(ConsumeResult.Outcome.APPLIED);
                }

                List<String> decided = fixtures.outboxTypes(orderId);
                assertThat(decided).as("round %d: one decision, never both, never neither", round).hasSize(1);
                if (decided.get(0).equals(SCHEDULED)) {
                    assertThat(fixtures.status(orderId)).isEqualTo("SCHEDULED");
                    assertThat(fixtures.shipmentIds(orderId)).hasSize(1);
                } else {
                    assertThat(decided).containsExactly(CANCELLED);
                    assertThat(fixtures.status(orderId)).isEqualTo("CANCELLED");
                    assertThat(fixtures.shipmentIds(orderId)).isEmpty();
                }
                decidedByOrder.put(orderId, decided);
            }
        } finally {
            threads.shutdownNow();
        }
        // and exactly that decision reached shipping.events
        for (var decided : decidedByOrder.entrySet()) {
            awaitOutboxDrained(decided.getKey());
            assertThat(SagaEvents.types(saga.publishedFor(decided.getKey()))).isEqualTo(decided.getValue());
        }
    }

    @Test
    void orderPlacedContradictingTheRememberedAddressIsDeadLetteredNotApplied() {
        String orderId = newOrderId();
        assertThat(consumer.process(asConsumerRecord(placed(orderId)), handler).outcome())
                .isEqualTo(ConsumeResult.Outcome.APPLIED);
        OrderPlaced elsewhere = orderPlaced(orderId, "KB-001", 3);
        elsewhere.getShippingAddress().setStreet("2 Other Road");

        ConsumeResult result = consumer.process(asConsumerRecord(record(elsewhere, ORDER_SERVICE, orderId, 2)), handler);

        assertThat(result.outcome()).isEqualTo(ConsumeResult.Outcome.DEAD_LETTER);
        assertThat(result.deadLetter().reason()).contains("2 Other Road");
        assertThat(fixtures.status(orderId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(fixtures.outboxTypes(orderId)).isEmpty();
    }

    private static ProducerRecord<String, byte[]> placed(String orderId) {
        return record(orderPlaced(orderId, "KB-001", 3), ORDER_SERVICE, orderId, 1);
    }

    private static ProducerRecord<String, byte[]> captured(String orderId) {
        return record(paymentCaptured(orderId, TOTAL), PAYMENT_SERVICE, orderId, 1);
    }

    private void awaitOutboxDrained(String orderId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.unpublishedOutboxRows(orderId) == 0);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return SagaEvents.decode(record, type);
    }

    private static String newOrderId() {
        return UUID.randomUUID().toString();
    }
}
