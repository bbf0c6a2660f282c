package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The most recent records of a topic delivered to its consumers once more, with their key and
 * original headers (the same {@code ce_id}): what a producer retry or a consumer rebalance does.
 * They go through the delivery forwarder, so the topic itself keeps each event once.
 */
final class DuplicateDelivery extends BaseFault {
    private static final int PER_PARTITION = 3;
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_DEADLINE = Duration.ofSeconds(90);
    private final DeliveryForwarder forwarder;
    private final String bootstrapServers;
    private volatile List<String> eventIds = List.of();
    private int timedOutReads;

    DuplicateDelivery(DeliveryForwarder forwarder, String bootstrapServers, String topic) {
        super(FaultType.DUPLICATE_DELIVERY, topic);
        this.forwarder = forwarder;
        this.bootstrapServers = bootstrapServers;
    }

    /** The ce_id of every record delivered again. */
    List<String> eventIds() {
        return eventIds;
    }

    @Override
    void start() {
        List<ConsumerRecord<byte[], byte[]>> recent = recentRecords();
        forwarder.deliverAgain(recent);
        eventIds = recent.stream().map(r -> header(r, CloudEventHeaders.ID)).toList();
        detail((recent.isEmpty() ? target() + " had no records yet: nothing delivered again"
                : "delivered the " + recent.size() + " most recent records of " + target()
                        + " to its consumers again, with their original event ids (ce_id)")
                + (timedOutReads == 0 ? "" : " (after " + timedOutReads + " read(s) of the topic timed out)"));
    }

    @Override
    void end() {
        // Nothing to undo: the copies are delivered.
    }

    /**
     * On a loaded cluster that has just failed over (a broker killed or restarted by another fault),
     * an offset lookup can time out; each attempt starts with a fresh consumer, so with fresh metadata
     * and connections, rather than give up the fault.
     */
    private List<ConsumerRecord<byte[], byte[]>> recentRecords() {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return readRecentRecords();
            } catch (TimeoutException e) {
                timedOutReads = attempt;
                // The last attempt may start just before the deadline: report the time it really took.
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (elapsed.compareTo(READ_DEADLINE) > 0) {
                    throw new IllegalStateException("could not read the recent records of " + target() + " in "
                            + elapsed.toSeconds() + " s (" + attempt + " attempts): " + e.getMessage(), e);
                }
            }
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readRecentRecords() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(target(), LOOKUP_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOOKUP_TIMEOUT);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, LOOKUP_TIMEOUT);
            partitions.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - PER_PARTITION)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                });
            }
            records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            return records;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
