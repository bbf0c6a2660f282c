package dev.orderflow.messaging.deadletter;

import dev.orderflow.messaging.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads dead-letter topics and replays chosen records to the topic they came from, unchanged:
 * same key (same partition, so same order per aggregate), same value, same CloudEvents headers —
 * above all the same {@code ce_id}. Replay is therefore safe by construction: a consumer that
 * already applied the event finds it in its inbox and skips it; one that dead-lettered it applies
 * it once, now that the cause is fixed. Only the {@code dead-letter-*} headers are dropped, and
 * {@value #REPLAYED_FROM} names the dead letter it came from.
 *
 * <p>Plain Kafka clients, no CDI: the {@code orderflow dlq} command uses it from outside the services.
 */
public final class DeadLetterReplay implements AutoCloseable {
    public static final String REPLAYED_FROM = "orderflow-replayed-from";
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private final Map<String, ?> clientSecurity;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterReplay(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** @param clientSecurity security.protocol, sasl.* and ssl.* settings of a secured cluster */
    public DeadLetterReplay(String bootstrapServers, Map<String, ?> clientSecurity) {
        this.bootstrapServers = bootstrapServers;
        this.clientSecurity = clientSecurity;
    }

    /** Every record on these dead-letter topics, oldest first per partition (missing topics are skipped). */
    public List<DeadLetterRecord> list(Collection<String> deadLetterTopics, Duration timeout) {
        List<DeadLetterRecord> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
            for (String topic : deadLetterTopics) {
                existing.getOrDefault(topic, List.of()).forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end, partitions)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("dead-letter topics not read to their end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    letters.add(new DeadLetterRecord(record.topic(), record.partition(), record.offset(), record.key(),
                            EventEnvelope.headerMap(record.headers()), record.value()));
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetterRecord::topic)
                .thenComparingInt(DeadLetterRecord::partition)
                .thenComparingLong(DeadLetterRecord::offset));
        return letters;
    }

    /** One dead letter by its reference ({@code <dead-letter topic>:<partition>:<offset>}). */
    public Optional<DeadLetterRecord> find(String reference, Duration timeout) {
        String[] parts = reference.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a dead letter is named <topic>:<partition>:<offset>, e.g. orders.events.dlq:0:12; was " + reference);
        }
        return list(List.of(parts[0]), timeout).stream().filter(letter -> letter.reference().equals(reference)).findFirst();
    }

    /** Publishes the original record again to its original topic and waits for the broker's ack. */
    public RecordMetadata replay(DeadLetterRecord letter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(letter.originalTopic(), letter.key(), letter.value());
        letter.headers().forEach((name, value) -> {
            if (value != null && !name.startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        record.headers().add(REPLAYED_FROM, letter.reference().getBytes(StandardCharsets.UTF_8));
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + letter.reference(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("replay of " + letter.reference() + " failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, List<TopicPartition> partitions) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.getOrDefault(partition, 0L));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.putAll(clientSecurity);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "orderflow-dlq-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.putAll(clientSecurity);
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "orderflow-dlq-replay");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
