package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records no consumer can decode, published as a broken producer would: valid CloudEvents headers
 * (a new {@code ce_id}, a real {@code ce_type}, the topic's producer as {@code ce_source}) around a payload that is not in the registry's wire
 * format. Every consumer of the topic that handles that type must dead-letter them and go on (one
 * that ignores the type skips them); their ids are remembered so the checker can expect exactly
 * them on the dead-letter topic.
 */
final class PoisonRecords extends BaseFault {
    private static final int COUNT = 3;
    // Not the registry's magic byte 0: no consumer can even look the schema up.
    private static final byte[] GARBAGE = "\u007fpoison from the orderflow chaos sandbox: not Avro".getBytes(StandardCharsets.UTF_8);
    private final String bootstrapServers;
    private final String type;
    private final String key; // null: a new random subject per record
    private final int count;
    private final Consumer<String> published;
    private final List<String> eventIds = new ArrayList<>();

    PoisonRecords(String bootstrapServers, String topic, String type, Consumer<String> published) {
        this(bootstrapServers, topic, type, null, COUNT, published);
    }

    /** {@code count} records keyed (and with subject) {@code key}, or a random subject each when it is null. */
    PoisonRecords(String bootstrapServers, String topic, String type, String key, int count, Consumer<String> published) {
        super(FaultType.POISON, topic);
        this.bootstrapServers = bootstrapServers;
        this.type = type;
        this.key = key;
        this.count = count;
        this.published = published;
    }

    synchronized List<String> eventIds() {
        return List.copyOf(eventIds);
    }

    @Override
    void start() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String subject = key != null ? key : UUID.randomUUID().toString();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(target(), subject, GARBAGE);
                header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
                header(record, CloudEventHeaders.ID, id);
                // The topic's own producer: a record from any other source is refused before it is decoded.
                header(record, CloudEventHeaders.SOURCE, Topics.producerSource(target()).orElseThrow());
                header(record, CloudEventHeaders.TYPE, type);
                header(record, CloudEventHeaders.SUBJECT, subject);
                header(record, CloudEventHeaders.TIME, Instant.now().toString());
                header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.AVRO_BINARY);
                header(record, CloudEventHeaders.SEQUENCE, "1");
                header(record, CloudEventHeaders.CORRELATION_ID, subject);
                producer.send(record).get();
                eventIds.add(id);
                published.accept(id);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish poison records to " + target() + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing poison records", e);
        }
        detail("published " + count + " undecodable record(s) (ce_type " + type + ", garbage payload) to " + target()
                + "; every consumer that handles " + type + " must dead-letter them to " + Topics.deadLetterTopicOf(target()));
    }

    @Override
    void end() {
        // Published is published: the consumers deal with them.
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
