package dev.orderflow.messaging.envelope;

/**
 * Header names this library adds beyond the CloudEvents ones in
 * {@link dev.orderflow.events.CloudEventHeaders}. The dead-letter names reuse SmallRye's own
 * ({@code dead-letter-*}) so records dead-lettered by SmallRye and by this library look alike.
 */
public final class MessagingHeaders {
    // Written by SmallRye's dead-letter-queue strategy, and by DeadLetterPublisher for parked events.
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";
    // Added by this library.
    public static final String DEAD_LETTER_SERVICE = "dead-letter-service";
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    public static final String DEAD_LETTER_FAILURE = "dead-letter-failure";

    private MessagingHeaders() {}
}
