package dev.orderflow.console.deadletters;

import dev.orderflow.console.config.KafkaAccess;
import dev.orderflow.events.Topics;
import dev.orderflow.messaging.deadletter.DeadLetterRecord;
import dev.orderflow.messaging.deadletter.DeadLetterReplay;
import dev.orderflow.messaging.deadletter.PayloadRendering;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter topics, read and replayed with {@link DeadLetterReplay}: the same code `orderflow
 * dlq list|show|replay` runs, so the console has no second replay (original {@code ce_id} kept,
 * dead-letter headers dropped, {@code orderflow-replayed-from} added).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private final KafkaAccess kafka;

    DeadLetters(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** A dead letter as the page shows it. */
    public record Letter(DeadLetterRecord record, String payload) {}

    /** Every dead letter, newest first. */
    public List<DeadLetterRecord> list() {
        try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrap(), kafka.security())) {
            return dlq.list(Topics.ALL.stream().map(Topics::deadLetterTopicOf).toList(), READ_TIMEOUT).stream()
                    .sorted(Comparator.comparing(DeadLetterRecord::topic).thenComparing(DeadLetterRecord::offset).reversed())
                    .toList();
        }
    }

    public Optional<Letter> find(String reference) {
        try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrap(), kafka.security())) {
            return dlq.find(reference, READ_TIMEOUT)
                    .map(record -> new Letter(record, PayloadRendering.render(record.eventType(), record.value())));
        }
    }

    /** Replays one; returns where it went ({@code topic-partition@offset}), empty when there is no such dead letter. */
    public Optional<String> replay(String reference) {
        try (DeadLetterReplay dlq = new DeadLetterReplay(kafka.bootstrap(), kafka.security())) {
            return dlq.find(reference, READ_TIMEOUT).map(letter -> {
                var sent = dlq.replay(letter);
                return sent.topic() + "-" + sent.partition() + "@" + sent.offset();
            });
        }
    }
}
