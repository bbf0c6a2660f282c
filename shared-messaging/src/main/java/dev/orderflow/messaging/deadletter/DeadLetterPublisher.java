package dev.orderflow.messaging.deadletter;

import dev.orderflow.messaging.failure.TransientFailureException;
import dev.orderflow.messaging.envelope.InboundRecord;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a dead letter synchronously. Used for records this library gives up on outside of a
 * live delivery (parked events whose bound expired); live deliveries use SmallRye's
 * dead-letter-queue strategy instead, with the same header names.
 */
public final class DeadLetterPublisher {
    private final Producer<String, byte[]> producer;

    public DeadLetterPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    public void publish(InboundRecord record, DeadLetter deadLetter) {
        ProducerRecord<String, byte[]> out =
                new ProducerRecord<>(DeadLetterTopics.of(record.topic()), record.key(), record.payload());
        record.headers().forEach((name, value) -> add(out, name, value));
        deadLetter.allHeaders().forEach((name, value) -> add(out, name, value));
        try {
            producer.send(out).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new TransientFailureException("could not dead-letter to " + out.topic(), e.getCause());
        }
    }

    private static void add(ProducerRecord<String, byte[]> out, String name, String value) {
        if (value != null) {
            out.headers().remove(name);
            out.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
