package dev.orderflow.messaging.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.EventTypes;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.Money;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderLine;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.schema.SchemaHistory;
import dev.orderflow.infra.TestInfra;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import dev.orderflow.messaging.jdbc.JdbcTransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.outbox.OutboxEvent;
import dev.orderflow.messaging.outbox.OutboxRecords;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.relay.OutboxRelay;
import dev.orderflow.messaging.relay.RelayProducers;
import dev.orderflow.messaging.testing.ContractsApp;
import dev.orderflow.messaging.testing.ContractsApp.ContractsHandler;
import dev.orderflow.messaging.testing.Events;
import dev.orderflow.messaging.testing.ProxiedInfraResource;
import dev.orderflow.messaging.testing.Relays;
import dev.orderflow.messaging.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The schema registry in the path at runtime, all real: Apicurio Registry 3.3, Kafka and
 * PostgreSQL from local-infra. A producer is an outbox relay over its own database, built with a
 * given writer schema per {@code ce_type} (the current build's, an older revision, or the committed
 * breaking fixture); the consumers are {@link ContractsApp}'s, built against other schemas.
 */
@QuarkusTest
@QuarkusTestResource(value = ProxiedInfraResource.class, restrictToAnnotatedClass = false)
class SchemaRegistryRuntimeTest {
    private static final String PRODUCER = "/orderflow/test-producer";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The committed breaking change (shared-events' gate fixture): renames the required customerId to buyerId. */
    private static final Path BREAKING_FIXTURE =
            Path.of("../shared-events/src/test/resources/breaking-fixture/order/OrderPlaced/v1/next.avsc");

    private static final ApicurioSchemas SCHEMAS = ApicurioSchemas.connect(RegistrySettings.of(TestInfra.shared().registryUrl()));

    @Inject
    ContractsHandler consumer;

    @AfterAll
    static void closeRegistryClient() {
        SCHEMAS.close();
    }

    @Test
    void incompatibleSchemaIsRefusedByTheRegistryItsRowStaysUnpublishedAndOtherAggregatesFlow() throws IOException {
        Schema breaking = new Schema.Parser().parse(Files.readString(BREAKING_FIXTURE));
        TestDatabase db = TestDatabase.create();
        String held = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        append(db, held, EventTypes.ORDER_PLACED_V1, AvroCodec.encode(copy(orderPlaced(held, null), breaking, "buyerId", "customerId")));
        append(db, held, EventTypes.ORDER_CANCELLATION_REQUESTED_V1, AvroCodec.encode(cancellation(held)));
        append(db, other, EventTypes.ORDER_CANCELLATION_REQUESTED_V1, AvroCodec.encode(cancellation(other)));
        WriterSchemas builtWithTheBreakingChange =
                type -> type.equals(EventTypes.ORDER_PLACED_V1) ? breaking : WriterSchemas.current().of(type);
        MessagingMetrics metrics = MessagingMetrics.inMemory();

        try (OutboxRelay relay = relay(db, builtWithTheBreakingChange, metrics)) {
            relay.start();
            await().atMost(TIMEOUT).until(() -> consumer.other().containsKey(other) && relay.refusedBySchemaRegistry().containsKey(held));

            assertThat(relay.refusedBySchemaRegistry().get(held))
                    .contains(EventTypes.ORDER_PLACED_V1)
                    .contains("Incompatible artifact")
                    .contains("customerId");
        }
        assertThat(metrics.count("orderflow.outbox.schema.refused", "type", EventTypes.ORDER_PLACED_V1)).isPositive();
        assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = '" + held + "' AND published_at IS NULL"))
                .as("the refused row and the later row of its aggregate stay in the outbox")
                .isEqualTo(2);
        assertThat(db.queryLong("SELECT count(*) FROM messaging_outbox WHERE aggregate_id = '" + held
                        + "' AND last_error LIKE '%refused%' AND attempts > 0"))
                .isOne();
        assertThat(Events.readAll(ContractsApp.TOPIC)).noneMatch(record -> held.equals(record.key()));
    }

    @Test
    void concurrentFirstPublicationsOfANewContractAreAllFramedNotRefused() throws Exception {
        // A group of its own: the contract is new to the registry, as on a fresh platform.
        int threads = 8;
        try (ApicurioSchemas fresh = ApicurioSchemas.connect(
                        new RegistrySettings(TestInfra.shared().registryUrl(), "race-" + UUID.randomUUID()));
                var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<byte[]>> framed = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                byte[] avro = AvroCodec.encode(orderPlaced(UUID.randomUUID().toString(), null));
                framed.add(pool.submit(() -> {
                    start.await();
                    return fresh.serialize(ContractsApp.TOPIC, EventTypes.ORDER_PLACED_V1,
                            WriterSchemas.current().of(EventTypes.ORDER_PLACED_V1), avro);
                }));
            }
            start.countDown();
            List<Schema> writers = new java.util.ArrayList<>();
            for (var payload : framed) {
                writers.add(fresh.writerSchema(payload.get(60, java.util.concurrent.TimeUnit.SECONDS)));
            }
            assertThat(writers).hasSize(threads).containsOnly(WriterSchemas.current().of(EventTypes.ORDER_PLACED_V1));
        }
    }

    @Test
    void additiveRevisionFromANewProducerIsReadByAConsumerBuiltAgainstRevisionOne() {
        TestDatabase db = TestDatabase.create();
        String orderId = UUID.randomUUID().toString();
        append(db, orderId, EventTypes.ORDER_PLACED_V1, AvroCodec.encode(orderPlaced(orderId, "leave it with the neighbour")));

        try (OutboxRelay relay = relay(db, WriterSchemas.current(), MessagingMetrics.inMemory())) {
            relay.start();
            await().atMost(TIMEOUT).until(() -> consumer.orderPlacedAsRevision1().containsKey(orderId));
        }
        GenericRecord asRevision1 = consumer.orderPlacedAsRevision1().get(orderId);
        assertThat(asRevision1.getSchema().getField("customerNote")).as("revision 1 has no customerNote").isNull();
        assertThat(asRevision1.get("orderId")).hasToString(orderId);
        assertThat(asRevision1.get("customerId")).hasToString("customer-7");
        assertThat(((GenericRecord) asRevision1.get("total")).get("amount")).isEqualTo(new BigDecimal("89.90"));
        assertThat(consumer.orderPlacedAsCurrent().get(orderId).getCustomerNote()).isEqualTo("leave it with the neighbour");
    }

    @Test
    void eventsOfAnOldProducerAreReadByTheCurrentConsumerWithTheDefault() {
        Schema revision1 = SchemaHistory.revision(EventCatalog.of(OrderPlaced.class), 1).schema();
        TestDatabase db = TestDatabase.create();
        String orderId = UUID.randomUUID().toString();
        append(db, orderId, EventTypes.ORDER_PLACED_V1, AvroCodec.encode(copy(orderPlaced(orderId, null), revision1)));
        WriterSchemas builtAgainstRevision1 =
                type -> type.equals(EventTypes.ORDER_PLACED_V1) ? revision1 : WriterSchemas.current().of(type);

        try (OutboxRelay relay = relay(db, builtAgainstRevision1, MessagingMetrics.inMemory())) {
            relay.start();
            await().atMost(TIMEOUT).until(() -> consumer.orderPlacedAsCurrent().containsKey(orderId));
        }
        OrderPlaced read = consumer.orderPlacedAsCurrent().get(orderId);
        assertThat(read.getCustomerId()).isEqualTo("customer-7");
        assertThat(read.getCustomerNote()).as("the default of the field revision 1 did not have").isNull();
    }

    @Test
    void consumerThatOnlyKnowsV1IsServedFromV2EventsThroughTheAdapter() {
        TestDatabase db = TestDatabase.create();
        String euros = UUID.randomUUID().toString();
        String yen = UUID.randomUUID().toString();
        append(db, euros, EventTypes.PAYMENT_CAPTURED_V2, AvroCodec.encode(paymentCapturedV2(euros, 1234, "EUR")));
        append(db, yen, EventTypes.PAYMENT_CAPTURED_V2, AvroCodec.encode(paymentCapturedV2(yen, 500, "JPY")));

        try (OutboxRelay relay = relay(db, WriterSchemas.current(), MessagingMetrics.inMemory())) {
            relay.start();
            await().atMost(TIMEOUT).until(() -> consumer.paymentCapturedAsV1().containsKey(euros) && consumer.paymentCapturedAsV1().containsKey(yen));
        }
        assertThat(consumer.paymentCapturedAsV1().get(euros).getAmount().getAmount()).isEqualTo(new BigDecimal("12.34"));
        assertThat(consumer.paymentCapturedAsV1().get(euros).getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(consumer.paymentCapturedAsV1().get(yen).getAmount().getAmount()).isEqualTo(new BigDecimal("500.00"));
        assertThat(consumer.paymentCapturedAsV1().get(yen).getProviderChargeId()).isEqualTo("charge-" + yen);
    }

    @Test
    void v2EventThatAV1ConsumerCannotBeGivenExactlyIsDeadLetteredWithTheReason() {
        TestDatabase db = TestDatabase.create();
        String dinars = UUID.randomUUID().toString();
        append(db, dinars, EventTypes.PAYMENT_CAPTURED_V2, AvroCodec.encode(paymentCapturedV2(dinars, 1234, "BHD")));

        try (OutboxRelay relay = relay(db, WriterSchemas.current(), MessagingMetrics.inMemory())) {
            relay.start();
            ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(dinars);
            assertThat(Events.header(deadLetter, MessagingHeaders.DEAD_LETTER_REASON)).contains("1.234 BHD").contains("decimals");
        }
        assertThat(consumer.paymentCapturedAsV1()).doesNotContainKey(dinars);
    }

    @Test
    void undecodablePayloadUnknownSchemaIdAndMissingOrUnknownTypeAreDeadLetteredAndTheConsumerKeepsGoing() {
        String rawAvro = UUID.randomUUID().toString();
        String unknownSchemaId = UUID.randomUUID().toString();
        String corrupt = UUID.randomUUID().toString();
        String wrongContract = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String missingType = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        byte[] framed = framed(orderPlaced(corrupt, null));
        byte[] unknownId = framed.clone();
        unknownId[1] = 0x7f; // content id 0x7fxxxxxx: never issued by this registry

        try (KafkaProducer<String, byte[]> producer = Events.producer()) {
            Events.send(producer, record(rawAvro, EventTypes.ORDER_PLACED_V1, AvroCodec.encode(orderPlaced(rawAvro, null))));
            Events.send(producer, record(unknownSchemaId, EventTypes.ORDER_PLACED_V1, unknownId));
            Events.send(producer, record(corrupt, EventTypes.ORDER_PLACED_V1, Arrays.copyOf(framed, framed.length - 7)));
            Events.send(producer, record(wrongContract, EventTypes.ORDER_CANCELLATION_REQUESTED_V1, framed(orderPlaced(wrongContract, null))));
            Events.send(producer, record(unknownType, "dev.orderflow.order.OrderShredded.v1", framed(orderPlaced(unknownType, null))));
            ProducerRecord<String, byte[]> withoutType = record(missingType, EventTypes.ORDER_PLACED_V1, framed(orderPlaced(missingType, null)));
            withoutType.headers().remove(CloudEventHeaders.TYPE);
            Events.send(producer, withoutType);
            Events.send(producer, record(fine, EventTypes.ORDER_PLACED_V1, framed(orderPlaced(fine, null))));
        }

        await().atMost(TIMEOUT).until(() -> consumer.orderPlacedAsCurrent().containsKey(fine));
        assertThat(reason(awaitDeadLetter(rawAvro))).contains("magic byte");
        assertThat(reason(awaitDeadLetter(unknownSchemaId))).contains("no schema with content id");
        assertThat(reason(awaitDeadLetter(corrupt))).contains("cannot decode");
        assertThat(reason(awaitDeadLetter(wrongContract))).contains("not the contract");
        assertThat(reason(awaitDeadLetter(unknownType))).contains("unknown ce_type 'dev.orderflow.order.OrderShredded.v1'");
        assertThat(reason(awaitDeadLetter(missingType))).contains(CloudEventHeaders.TYPE);
        assertThat(List.of(rawAvro, unknownSchemaId, corrupt, wrongContract, unknownType, missingType))
                .noneMatch(consumer.orderPlacedAsCurrent()::containsKey)
                .noneMatch(consumer.other()::containsKey);
    }

    // ------------------------------------------------------------------ helpers

    private static OutboxRelay relay(TestDatabase db, WriterSchemas writers, MessagingMetrics metrics) {
        String bootstrap = TestInfra.shared().kafkaBootstrapServers();
        String name = "schema-test-" + db.name();
        return OutboxRelay.builder(name, db.connections(), () -> RelayProducers.create(bootstrap, name))
                .encoder(new RegistryPayloadEncoder(SCHEMAS, writers))
                .settings(Relays.testSettings(50))
                .metrics(metrics)
                .build();
    }

    private static void append(TestDatabase db, String aggregate, String type, byte[] avro) {
        new JdbcTransactionRunner(db.connections()).inNewTransaction(connection -> new OutboxWriter(PRODUCER)
                .append(connection, OutboxEvent.of("Order", aggregate, type, ContractsApp.TOPIC, avro)));
    }

    /** An event in the registry's wire format, as the relay publishes it. */
    private static byte[] framed(SpecificRecord event) {
        String type = EventCatalog.typeOf(event);
        return SCHEMAS.serialize(ContractsApp.TOPIC, type, WriterSchemas.current().of(type), AvroCodec.encode(event));
    }

    private static ProducerRecord<String, byte[]> record(String subject, String type, byte[] payload) {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id, type, "/orderflow/tolerance-test", subject, Instant.now(), 1,
                id.toString(), id.toString(), null, CloudEventHeaders.AVRO_BINARY);
        return OutboxRecords.toProducerRecord(ContractsApp.TOPIC, subject, payload, envelope.toHeaders());
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return await().atMost(TIMEOUT).until(
                () -> Events.readAll(ContractsApp.TOPIC + ".dlq").stream().filter(r -> key.equals(r.key())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return Events.header(deadLetter, MessagingHeaders.DEAD_LETTER_REASON);
    }

    static OrderPlaced orderPlaced(String orderId, String note) {
        return OrderPlaced.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("customer-7")
                .setLines(List.of(OrderLine.newBuilder()
                        .setSku("KB-001")
                        .setQuantity(1)
                        .setUnitPrice(new BigDecimal("89.90"))
                        .build()))
                .setTotal(Money.newBuilder().setAmount(new BigDecimal("89.90")).setCurrency("EUR").build())
                .setShippingAddress(Address.newBuilder()
                        .setName("Ada").setStreet("1 Loop Road").setCity("Lyon").setPostalCode("69001").setCountry("FR")
                        .build())
                .setPlacedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCustomerNote(note)
                .build();
    }

    private static OrderCancellationRequested cancellation(String orderId) {
        return OrderCancellationRequested.newBuilder()
                .setOrderId(orderId)
                .setCustomerId("customer-7")
                .setReason("changed my mind")
                .setRequestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    private static dev.orderflow.events.payment.v2.PaymentCaptured paymentCapturedV2(String orderId, long minor, String currency) {
        return dev.orderflow.events.payment.v2.PaymentCaptured.newBuilder()
                .setOrderId(orderId)
                .setPaymentId("payment-" + orderId)
                .setAmount(dev.orderflow.events.payment.v2.Money.newBuilder().setAmountMinor(minor).setCurrency(currency).build())
                .setIdempotencyKey("capture-" + orderId)
                .setProviderChargeId("charge-" + orderId)
                .setCapturedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /**
     * The same fact as a record of another revision's schema (as a producer built against it would
     * write it): fields copied by name, nested records as they are; {@code renamed} pairs are
     * (new name, old name).
     */
    private static GenericRecord copy(SpecificRecord event, Schema schema, String... renamed) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            String source = field.name();
            for (int i = 0; i + 1 < renamed.length; i += 2) {
                if (renamed[i].equals(field.name())) {
                    source = renamed[i + 1];
                }
            }
            record.put(field.name(), event.get(event.getSchema().getField(source).pos()));
        }
        return record;
    }
}
