package dev.orderflow.messaging.deadletter;

import dev.orderflow.messaging.envelope.MessagingHeaders;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a record was given up on, and where it came from: becomes the dead-letter record's headers,
 * so an operator can read, fix and replay it without the logs.
 *
 * @param failure a stable code to route on (PERMANENT, GAP_TIMEOUT, PREREQUISITE_TIMEOUT ...)
 * @param reason human-readable, do not route on it
 */
public record DeadLetter(
        String failure,
        String reason,
        String exceptionClass,
        String consumer,
        String service,
        String topic,
        int partition,
        long offset) {

    /** Headers this library adds; SmallRye's strategy adds reason, exception, topic, partition, offset itself. */
    public Map<String, String> libraryHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(MessagingHeaders.DEAD_LETTER_FAILURE, failure);
        headers.put(MessagingHeaders.DEAD_LETTER_CONSUMER, consumer);
        headers.put(MessagingHeaders.DEAD_LETTER_SERVICE, service);
        return headers;
    }

    /** Every header, for dead letters this library publishes itself (parked events that expired). */
    public Map<String, String> allHeaders() {
        Map<String, String> headers = libraryHeaders();
        headers.put(MessagingHeaders.DEAD_LETTER_REASON, reason == null ? "" : reason);
        headers.put(MessagingHeaders.DEAD_LETTER_EXCEPTION_CLASS, exceptionClass == null ? "" : exceptionClass);
        headers.put(MessagingHeaders.DEAD_LETTER_TOPIC, topic);
        headers.put(MessagingHeaders.DEAD_LETTER_PARTITION, Integer.toString(partition));
        headers.put(MessagingHeaders.DEAD_LETTER_OFFSET, Long.toString(offset));
        return headers;
    }
}
