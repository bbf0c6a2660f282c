package dev.orderflow.messaging.deadletter;

import dev.orderflow.events.Topics;

/** One naming rule for dead-letter topics, shared with SmallRye's {@code dead-letter-queue.topic} setting. */
public final class DeadLetterTopics {
    public static String of(String topic) {
        return Topics.deadLetterTopicOf(topic);
    }

    private DeadLetterTopics() {}
}
