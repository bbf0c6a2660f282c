package dev.orderflow.testing;

import static org.awaitility.Awaitility.await;

import dev.orderflow.events.AvroCodec;
import dev.orderflow.events.EventDescriptor;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.consumer.IncomingEvent;
import dev.orderflow.messaging.registry.ApicurioSchemas;
import dev.orderflow.messaging.registry.RegistryEventDecoder;
import dev.orderflow.messaging.registry.RegistrySettings;
import dev.orderflow.messaging.registry.WriterSchemas;
import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.EventCatalog;
import dev.orderflow.events.order.v1.Address;
import dev.orderflow.events.order.v1.Money;
import dev.orderflow.events.order.v1.OrderCancellationRequested;
import dev.orderflow.events.order.v1.OrderLine;
import dev.orderflow.events.order.v1.OrderPlaced;
import dev.orderflow.events.inventory.v1.InventoryCommitted;
import dev.orderflow.events.inventory.v1.InventoryRejected;
import dev.orderflow.events.inventory.v1.InventoryReleased;
import dev.orderflow.events.inventory.v1.InventoryReserved;
import dev.orderflow.events.inventory.v1.RejectionReason;
import dev.orderflow.events.inventory.v1.ReleaseReason;
import dev.orderflow.events.inventory.v1.StockLine;
import dev.orderflow.events.inventory.v1.UnavailableLine;
import dev.orderflow.events.payment.v1.PaymentCaptured;
import dev.orderflow.events.payment.v1.PaymentFailed;
import dev.orderflow.events.payment.v1.PaymentFailureReason;
import dev.orderflow.events.payment.v1.PaymentRefunded;
import dev.orderflow.events.shipping.v1.ShipmentCancelled;
import dev.orderflow.events.shipping.v1.ShipmentScheduled;
import dev.orderflow.infra.TestInfra;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services of the saga on real Kafka for the service under test: builds their
 * events as CloudEvents records (binary mode, Avro payload, per-order sequence), waits until the
 * service's consumer group is past a record, and reads what the service published.
 */
public final class SagaEvents implements AutoCloseable {
    public static final String ORDER_SERVICE = "/orderflow/order-service";
    public static final String INVENTORY_SERVICE = "/orderflow/inventory-service";
    public static final String PAYMENT_SERVICE = "/orderflow/payment-service";
    public static final String SHIPPING_SERVICE = "/orderflow/shipping-service";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final String consumerGroup;
    private final String publishedTopic;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    /**
     * @param consumerGroup the group id of the service under test (see {@link #awaitConsumed})
     * @param publishedTopic the topic the service under test publishes to (see {@link #publishedFor})
     */
    public SagaEvents(String consumerGroup, String publishedTopic) {
        this.consumerGroup = consumerGroup;
        this.publishedTopic = publishedTopic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    private static String bootstrap() {
        return TestInfra.shared().kafkaBootstrapServers();
    }

    // ---- payloads, as the other services publish them ----

    /** An order of customer {@code c-1} with every line at 10.00 EUR. @param lines sku, quantity, sku, quantity ... */
    public static OrderPlaced orderPlaced(String orderId, Object... lines) {
        return orderPlaced(orderId, "c-1", new BigDecimal("10.00"), lines);
    }

    /** @param lines sku, quantity, sku, quantity ... (each line priced 10.00; {@code total} is what payment charges) */
    public static OrderPlaced orderPlaced(String orderId, String customerId, BigDecimal total, Object... lines) {
        List<OrderLine> orderLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            orderLines.add(OrderLine.newBuilder()
                    .setSku((String) lines[i])
                    .setQuantity((Integer) lines[i + 1])
                    .setUnitPrice(new BigDecimal("10.00"))
                    .build());
        }
        return OrderPlaced.newBuilder()
                .setOrderId(orderId)
                .setCustomerId(customerId)
                .setLines(orderLines)
                .setTotal(Money.newBuilder().setAmount(total).setCurrency("EUR").build())
                .setShippingAddress(Address.newBuilder().setName("Ada").setStreet("1 Way").setCity("London")
                        .setPostalCode("N1").setCountry("GB").build())
                .setPlacedAt(now())
                .build();
    }

    public static OrderCancellationRequested cancellationRequested(String orderId) {
        return OrderCancellationRequested.newBuilder()
                .setOrderId(orderId).setCustomerId("c-1").setRequestedAt(now()).build();
    }

    /** @param lines sku, quantity, sku, quantity ... */
    public static InventoryReserved inventoryReserved(String orderId, Object... lines) {
        return InventoryReserved.newBuilder()
                .setOrderId(orderId).setLines(stockLines(lines)).setReservedAt(now()).build();
    }

    public static InventoryRejected inventoryRejected(String orderId, String sku, int requested, int available) {
        return InventoryRejected.newBuilder()
                .setOrderId(orderId)
                .setReason(RejectionReason.OUT_OF_STOCK)
                .setUnavailableLines(List.of(new UnavailableLine(sku, requested, available)))
                .setRejectedAt(now())
                .build();
    }

    /** @param lines sku, quantity, sku, quantity ... */
    public static InventoryReleased inventoryReleased(String orderId, ReleaseReason reason, Object... lines) {
        return InventoryReleased.newBuilder()
                .setOrderId(orderId).setReason(reason).setLines(stockLines(lines)).setReleasedAt(now()).build();
    }

    /** @param lines sku, quantity, sku, quantity ... */
    public static InventoryCommitted inventoryCommitted(String orderId, Object... lines) {
        return InventoryCommitted.newBuilder()
                .setOrderId(orderId).setLines(stockLines(lines)).setCommittedAt(now()).build();
    }

    public static PaymentCaptured paymentCaptured(String orderId, BigDecimal amount) {
        return PaymentCaptured.newBuilder()
                .setOrderId(orderId)
                .setPaymentId(UUID.randomUUID().toString())
                .setAmount(paymentMoney(amount))
                .setIdempotencyKey("order-" + orderId + "-capture")
                .setProviderChargeId("ch_" + UUID.randomUUID())
                .setCapturedAt(now())
                .build();
    }

    public static PaymentFailed paymentFailed(String orderId) {
        return PaymentFailed.newBuilder()
                .setOrderId(orderId)
                .setPaymentId(UUID.randomUUID().toString())
                .setAmount(paymentMoney(new BigDecimal("10.00")))
                .setReason(PaymentFailureReason.DECLINED)
                .setFailedAt(now())
                .build();
    }

    public static PaymentRefunded paymentRefunded(String orderId, BigDecimal amount) {
        return PaymentRefunded.newBuilder()
                .setOrderId(orderId)
                .setPaymentId(UUID.randomUUID().toString())
                .setAmount(paymentMoney(amount))
                .setProviderRefundId("re_" + UUID.randomUUID())
                .setRefundedAt(now())
                .build();
    }

    public static ShipmentScheduled shipmentScheduled(String orderId) {
        return ShipmentScheduled.newBuilder()
                .setOrderId(orderId).setShipmentId(UUID.randomUUID().toString()).setScheduledAt(now()).build();
    }

    public static ShipmentCancelled shipmentCancelled(String orderId) {
        return ShipmentCancelled.newBuilder().setOrderId(orderId).setCancelledAt(now()).build();
    }

    private static List<StockLine> stockLines(Object... lines) {
        List<StockLine> stockLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            stockLines.add(new StockLine((String) lines[i], (Integer) lines[i + 1]));
        }
        return stockLines;
    }

    private static dev.orderflow.events.payment.v1.Money paymentMoney(BigDecimal amount) {
        return dev.orderflow.events.payment.v1.Money.newBuilder().setAmount(amount).setCurrency("EUR").build();
    }

    // ---- records ----

    /** A CloudEvents record of {@code event} as its producer publishes it: topic and ce_type from the catalogue. */
    public static ProducerRecord<String, byte[]> record(SpecificRecord event, String source, String orderId, long sequence) {
        var descriptor = EventCatalog.of(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        UUID id = UUID.randomUUID();
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.ID, id.toString());
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TYPE, descriptor.type());
        put(headers, CloudEventHeaders.SUBJECT, orderId);
        put(headers, CloudEventHeaders.TIME, Instant.now().toString());
        put(headers, CloudEventHeaders.SEQUENCE, Long.toString(sequence));
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.AVRO_BINARY);
        put(headers, CloudEventHeaders.CORRELATION_ID, orderId);
        put(headers, CloudEventHeaders.CAUSATION_ID, id.toString());
        return new ProducerRecord<>(descriptor.topic(), null, orderId, inWireFormat(descriptor, event), headers);
    }

    /** The shared real schema registry, as the services under test see it. */
    private static final class Registry {
        static final ApicurioSchemas SCHEMAS = ApicurioSchemas.connect(RegistrySettings.of(TestInfra.shared().registryUrl()));
        static final RegistryEventDecoder DECODER = new RegistryEventDecoder(SCHEMAS);
    }

    /** The payload as the other services' relays publish it: registered in the registry, framed with its schema id. */
    private static byte[] inWireFormat(EventDescriptor<?> descriptor, SpecificRecord event) {
        return Registry.SCHEMAS.serialize(descriptor.topic(), descriptor.type(), WriterSchemas.current().of(descriptor.type()),
                AvroCodec.encode(event));
    }

    /** A record the service under test published, read as {@code type} with the writer's schema from the registry. */
    public static <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        InboundRecord inbound = InboundRecord.of(record);
        return new IncomingEvent(EventEnvelope.fromHeaders(inbound.headers()), inbound, Registry.DECODER).decode(type);
    }

    /** The same fact redelivered under a new event id (e.g. a producer retry that the inbox cannot match by id). */
    public static ProducerRecord<String, byte[]> withNewId(ProducerRecord<String, byte[]> record) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(CloudEventHeaders.ID);
        put(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }

    /** As a consumer would receive it, for calling the inbox directly. */
    public static ConsumerRecord<String, byte[]> asConsumerRecord(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, -1, record.key(), record.value(), record.headers(), Optional.empty());
    }

    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the service under test committed its offset past {@code sent}: every record up to it was processed. */
    public void awaitConsumed(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(consumerGroup).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }

    // ---- what the service under test published ----

    /** Every record the service under test published keyed by the order, in order. */
    public List<ConsumerRecord<String, byte[]>> publishedFor(String orderId) {
        return readTopic(publishedTopic, orderId);
    }

    /** Every record on {@code topic} keyed by the order, in order. */
    public static List<ConsumerRecord<String, byte[]>> readTopic(String topic, String orderId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "saga-events-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (orderId.equals(record.key())) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /** The {@code ce_type}s published for the order, once at least {@code count} arrived. */
    public List<String> awaitPublishedTypes(String orderId, int count) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> types(publishedFor(orderId)), types -> types.size() >= count);
    }

    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
