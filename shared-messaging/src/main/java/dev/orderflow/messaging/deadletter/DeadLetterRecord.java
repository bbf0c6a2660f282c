package dev.orderflow.messaging.deadletter;

import dev.orderflow.events.CloudEventHeaders;
import dev.orderflow.messaging.envelope.MessagingHeaders;
import java.util.Map;

/**
 * A record read back from a dead-letter topic: where it sits there ({@link #reference()}), where
 * it came from, why it was given up on, and the original record (key, value, headers) to replay.
 */
public record DeadLetterRecord(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] value) {

    /** How an operator names it: {@code <dead-letter topic>:<partition>:<offset>}. */
    public String reference() {
        return topic + ":" + partition + ":" + offset;
    }

    public static String referenceOf(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    /** The topic it was consumed from (the header, else the dead-letter topic without its suffix). */
    public String originalTopic() {
        String header = headers.get(MessagingHeaders.DEAD_LETTER_TOPIC);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String suffix = DeadLetterTopics.of("");
        return topic.endsWith(suffix) ? topic.substring(0, topic.length() - suffix.length()) : topic;
    }

    /** {@code topic-partition@offset} of the original record, as far as the headers tell. */
    public String originalPosition() {
        return originalTopic() + "-" + headers.getOrDefault(MessagingHeaders.DEAD_LETTER_PARTITION, "?")
                + "@" + headers.getOrDefault(MessagingHeaders.DEAD_LETTER_OFFSET, "?");
    }

    public String eventId() {
        return headers.get(CloudEventHeaders.ID);
    }

    public String eventType() {
        return headers.get(CloudEventHeaders.TYPE);
    }

    public String subject() {
        return headers.get(CloudEventHeaders.SUBJECT);
    }

    public String failure() {
        return headers.get(MessagingHeaders.DEAD_LETTER_FAILURE);
    }

    public String reason() {
        return headers.get(MessagingHeaders.DEAD_LETTER_REASON);
    }

    public String consumer() {
        return headers.get(MessagingHeaders.DEAD_LETTER_CONSUMER);
    }
}
