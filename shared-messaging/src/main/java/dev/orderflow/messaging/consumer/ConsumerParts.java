package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.deadletter.DeadLetterPublisher;
import dev.orderflow.messaging.health.ConsumerProgress;
import dev.orderflow.messaging.jdbc.TransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;

/**
 * What the live path and the release of parked events of one consumer share.
 *
 * @param deadLetters publishes parked events that expire; null to leave them parked
 */
record ConsumerParts(
        String consumer,
        TransactionRunner transactions,
        ConsumerSettings settings,
        EventDecoder decoder,
        MessagingMetrics metrics,
        ConsumerProgress progress,
        DeadLetterPublisher deadLetters) {}
