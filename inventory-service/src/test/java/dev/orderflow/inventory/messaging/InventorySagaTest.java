package dev.orderflow.inventory.messaging;

import static dev.orderflow.testing.SagaEvents.ORDER_SERVICE;
import static dev.orderflow.testing.SagaEvents.PAYMENT_SERVICE;
import static dev.orderflow.testing.SagaEvents.SHIPPING_SERVICE;
import static dev.orderflow.testing.SagaEvents.cancellationRequested;
import static dev.orderflow.testing.SagaEvents.orderPlaced;
import static dev.orderflow.testing.SagaEvents.paymentFailed;
import static dev.orderflow.testing.SagaEvents.record;
import static dev.orderflow.testing.SagaEvents.shipmentCancelled;
import static dev.orderflow.testing.SagaEvents.shipmentScheduled;
import static dev.orderflow.testing.SagaEvents.withNewId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.Topics;
import dev.orderflow.events.inventory.v1.InventoryCommitted;
import dev.orderflow.events.inventory.v1.InventoryRejected;
import dev.orderflow.events.inventory.v1.InventoryReleased;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.inventory.v1.RejectionReason;
import dev.orderflow.events.inventory.v1.ReleaseReason;
import dev.orderflow.infra.quarkus.OrderflowInfraResource;
import dev.orderflow.testing.SagaEvents;
import dev.orderflow.inventory.testing.StockFixtures;
import dev.orderflow.inventory.testing.StockFixtures.Stock;
import dev.orderflow.messaging.consumer.ConsumeResult;
import dev.orderflow.messaging.consumer.IdempotentConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * inventory-service as a saga participant, against real Kafka and PostgreSQL: events of the other
 * services go in on their topics, facts come out on {@code inventory.events} through the outbox.
 */
@QuarkusTest
@QuarkusTestResource(OrderflowInfraResource.class)
class InventorySagaTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    InventoryEventHandler handler;

    StockFixtures fixtures;
    SagaEvents saga;

    @BeforeEach
    void setUp() {
        fixtures = new StockFixtures(dataSource);
        saga = new SagaEvents("inventory-service", Topics.INVENTORY);
    }

    @AfterEach
    void tearDown() {
        saga.close();
    }

    @Test
    void reservesAllLinesOrNone() {
        String keyboard = fixtures.sku(10);
        String mouse = fixtures.sku(5);
        String orderId = newOrderId();

        saga.send(record(orderPlaced(orderId, keyboard, 3, mouse, 5), ORDER_SERVICE, orderId, 1));

        assertThat(saga.awaitPublishedTypes(orderId, 1)).containsExactly(EventTypes.INVENTORY_RESERVED_V1);
        InventoryReserved reserved = decode(only(orderId), InventoryReserved.class);
        assertThat(reserved.getLines()).extracting(l -> l.getSku() + "x" + l.getQuantity())
                .containsExactlyInAnyOrder(keyboard + "x3", mouse + "x5");
        assertThat(fixtures.stock(keyboard)).isEqualTo(new Stock(7, 3, 0));
        assertThat(fixtures.stock(mouse)).isEqualTo(new Stock(0, 5, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("RESERVED");
    }

    @Test
    void rejectsWhenAnyLineIsShort() {
        String plenty = fixtures.sku(10);
        String scarce = fixtures.sku(1);
        String shortOrder = newOrderId();
        String unknownSkuOrder = newOrderId();

        saga.send(record(orderPlaced(shortOrder, plenty, 3, scarce, 2), ORDER_SERVICE, shortOrder, 1));
        saga.send(record(orderPlaced(unknownSkuOrder, plenty, 1, "NO-SUCH-SKU", 1), ORDER_SERVICE, unknownSkuOrder, 1));

        assertThat(saga.awaitPublishedTypes(shortOrder, 1)).containsExactly(EventTypes.INVENTORY_REJECTED_V1);
        InventoryRejected outOfStock = decode(only(shortOrder), InventoryRejected.class);
        assertThat(outOfStock.getReason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
        assertThat(outOfStock.getUnavailableLines()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo(scarce);
            assertThat(line.getRequested()).isEqualTo(2);
            assertThat(line.getAvailable()).isEqualTo(1);
        });

        assertThat(saga.awaitPublishedTypes(unknownSkuOrder, 1)).containsExactly(EventTypes.INVENTORY_REJECTED_V1);
        InventoryRejected unknown = decode(only(unknownSkuOrder), InventoryRejected.class);
        assertThat(unknown.getReason()).isEqualTo(RejectionReason.UNKNOWN_SKU);
        assertThat(unknown.getUnavailableLines()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo("NO-SUCH-SKU");
            assertThat(line.getAvailable()).isZero();
        });

        // none of the lines that were available was reserved
        assertThat(fixtures.stock(plenty)).isEqualTo(new Stock(10, 0, 0));
        assertThat(fixtures.stock(scarce)).isEqualTo(new Stock(1, 0, 0));
        assertThat(fixtures.reservationStatus(shortOrder)).isEqualTo("REJECTED");
    }

    @Test
    void duplicateOrderPlacedReservesOnce() {
        String sku = fixtures.sku(10);
        String orderId = newOrderId();
        ProducerRecord<String, byte[]> placed = record(orderPlaced(orderId, sku, 4), ORDER_SERVICE, orderId, 1);

        saga.send(placed);
        saga.send(placed); // redelivery: same ce_id
        saga.send(placed);
        RecordMetadata last = saga.send(withNewId(placed)); // republished: new ce_id, same sequence
        saga.awaitConsumed(last);
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId))).containsExactly(EventTypes.INVENTORY_RESERVED_V1);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(6, 4, 0));
    }

    @Test
    void lastUnitGoesToExactlyOneOfTwoConcurrentOrders() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String lastUnit = fixtures.sku(1);
                List<String> orders = List.of(newOrderId(), newOrderId());
                CyclicBarrier start = new CyclicBarrier(orders.size());
                List<Future<ConsumeResult>> results = new ArrayList<>();
                for (String orderId : orders) {
                    // Two deliveries processed at the same moment, as two consumer instances would.
                    ConsumerRecord<String, byte[]> delivery = SagaEvents.asConsumerRecord(
                            record(orderPlaced(orderId, lastUnit, 1), ORDER_SERVICE, orderId, 1));
                    results.add(threads.submit(() -> {
                        start.await();
                        return consumer.process(delivery, handler);
                    }));
                }
                for (Future<ConsumeResult> result : results) {
                    assertThat(result.get().outcome()).isEqualTo(ConsumeResult.Outcome.APPLIED);
                }

                assertThat(fixtures.stock(lastUnit)).isEqualTo(new Stock(0, 1, 0));
                assertThat(orders.stream().map(fixtures::reservationStatus))
                        .containsExactlyInAnyOrder("RESERVED", "REJECTED");
                List<String> published = new ArrayList<>();
                for (String orderId : orders) {
                    published.addAll(saga.awaitPublishedTypes(orderId, 1));
                }
                assertThat(published).containsExactlyInAnyOrder(
                        EventTypes.INVENTORY_RESERVED_V1, EventTypes.INVENTORY_REJECTED_V1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void releaseAfterPaymentFailedRestoresStockOnce() {
        String sku = fixtures.sku(5);
        String orderId = newOrderId();
        saga.send(record(orderPlaced(orderId, sku, 2), ORDER_SERVICE, orderId, 1));
        saga.awaitPublishedTypes(orderId, 1);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(3, 2, 0));

        ProducerRecord<String, byte[]> failed = record(paymentFailed(orderId), PAYMENT_SERVICE, orderId, 1);
        saga.send(failed);
        saga.send(failed); // redelivery
        saga.awaitConsumed(saga.send(record(paymentFailed(orderId), PAYMENT_SERVICE, orderId, 2))); // a second failure fact
        saga.awaitConsumed(saga.send(record(shipmentCancelled(orderId), SHIPPING_SERVICE, orderId, 1))); // and a cancel
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId)))
                .containsExactly(EventTypes.INVENTORY_RESERVED_V1, EventTypes.INVENTORY_RELEASED_V1);
        InventoryReleased released = decode(saga.publishedFor(orderId).get(1), InventoryReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.PAYMENT_FAILED);
        assertThat(released.getLines()).singleElement().satisfies(l -> assertThat(l.getQuantity()).isEqualTo(2));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("RELEASED");
    }

    @Test
    void cancellationThatWonTheRaceReleasesTheReservation() {
        String sku = fixtures.sku(5);
        String orderId = newOrderId();
        saga.send(record(orderPlaced(orderId, sku, 2), ORDER_SERVICE, orderId, 1));
        // the request alone releases nothing: shipping-service has not settled the race yet
        saga.awaitConsumed(saga.send(record(cancellationRequested(orderId), ORDER_SERVICE, orderId, 2)));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(3, 2, 0));
        saga.send(record(shipmentCancelled(orderId), SHIPPING_SERVICE, orderId, 1));

        assertThat(saga.awaitPublishedTypes(orderId, 2))
                .containsExactly(EventTypes.INVENTORY_RESERVED_V1, EventTypes.INVENTORY_RELEASED_V1);
        InventoryReleased released = decode(saga.publishedFor(orderId).get(1), InventoryReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.ORDER_CANCELLED);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0, 0));
    }

    @Test
    void commitAfterShipmentMovesReservedToShipped() {
        String sku = fixtures.sku(5);
        String orderId = newOrderId();
        saga.send(record(orderPlaced(orderId, sku, 2), ORDER_SERVICE, orderId, 1));
        saga.awaitPublishedTypes(orderId, 1);

        ProducerRecord<String, byte[]> scheduled = record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1);
        saga.send(scheduled);
        saga.awaitConsumed(saga.send(scheduled)); // redelivery
        // the customer's cancellation request arrives after the shipment: it changes nothing here
        saga.awaitConsumed(saga.send(record(cancellationRequested(orderId), ORDER_SERVICE, orderId, 2)));
        saga.awaitConsumed(saga.send(withNewId(scheduled))); // republished shipment fact
        awaitOutboxDrained();

        assertThat(SagaEvents.types(saga.publishedFor(orderId)))
                .containsExactly(EventTypes.INVENTORY_RESERVED_V1, EventTypes.INVENTORY_COMMITTED_V1);
        InventoryCommitted committed = decode(saga.publishedFor(orderId).get(1), InventoryCommitted.class);
        assertThat(committed.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getSku()).isEqualTo(sku);
            assertThat(l.getQuantity()).isEqualTo(2);
        });
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(3, 0, 2));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("COMMITTED");
    }

    @Test
    void shipmentArrivingBeforeItsOrderIsParkedUntilTheReservationExists() {
        String sku = fixtures.sku(5);
        String orderId = newOrderId();

        // e.g. a new consumer group replaying shipping.events ahead of orders.events
        saga.awaitConsumed(saga.send(record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1)));
        assertThat(fixtures.reservationStatus(orderId)).isNull();
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0, 0));

        saga.send(record(orderPlaced(orderId, sku, 2), ORDER_SERVICE, orderId, 1));

        assertThat(saga.awaitPublishedTypes(orderId, 2))
                .containsExactly(EventTypes.INVENTORY_RESERVED_V1, EventTypes.INVENTORY_COMMITTED_V1);
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(3, 0, 2));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("COMMITTED");
    }

    @Test
    void shipmentOfReleasedStockIsDeadLetteredNotApplied() {
        String sku = fixtures.sku(5);
        String orderId = newOrderId();
        saga.send(record(orderPlaced(orderId, sku, 2), ORDER_SERVICE, orderId, 1));
        saga.send(record(paymentFailed(orderId), PAYMENT_SERVICE, orderId, 1));
        saga.awaitPublishedTypes(orderId, 2);

        ProducerRecord<String, byte[]> scheduled = record(shipmentScheduled(orderId), SHIPPING_SERVICE, orderId, 1);
        saga.awaitConsumed(saga.send(scheduled));

        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> SagaEvents.readTopic("shipping.events.dlq", orderId), records -> !records.isEmpty());
        assertThat(deadLetters.get(0).headers().headers("dead-letter-reason"))
                .extracting(h -> new String(h.value()))
                .anyMatch(reason -> reason.contains("RELEASED to COMMITTED"));
        assertThat(SagaEvents.header(deadLetters.get(0), CloudEventHeaders.ID))
                .isEqualTo(new String(scheduled.headers().lastHeader(CloudEventHeaders.ID).value()));
        assertThat(fixtures.stock(sku)).isEqualTo(new Stock(5, 0, 0));
        assertThat(fixtures.reservationStatus(orderId)).isEqualTo("RELEASED");
    }

    private void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(60)).until(() -> fixtures.unpublishedOutboxRows() == 0);
    }

    private ConsumerRecord<String, byte[]> only(String orderId) {
        List<ConsumerRecord<String, byte[]>> records = saga.publishedFor(orderId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return SagaEvents.decode(record, type);
    }

    private static String newOrderId() {
        return UUID.randomUUID().toString();
    }
}
