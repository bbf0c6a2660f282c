package dev.orderflow.messaging.envelope;

import dev.orderflow.messaging.envelope.EventEnvelope;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A received Kafka record, reduced to what processing, parking and dead-lettering need. */
public record InboundRecord(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] payload) {

    public static InboundRecord of(ConsumerRecord<String, byte[]> record) {
        return new InboundRecord(
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                EventEnvelope.headerMap(record.headers()),
                record.value());
    }

    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
