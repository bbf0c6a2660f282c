package dev.orderflow.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds the Kafka record of an event: key = aggregate id, CloudEvents attributes as headers. */
public final class OutboxRecords {
    public static ProducerRecord<String, byte[]> toProducerRecord(
            String topic, String key, byte[] payload, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private OutboxRecords() {}
}
