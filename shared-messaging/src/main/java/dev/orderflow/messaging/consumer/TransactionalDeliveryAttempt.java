package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.jdbc.TransactionRunner;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.ordering.ParkingLot;

/** The template's attempt: inbox row, sequence check and business change commit together or not at all. */
final class TransactionalDeliveryAttempt implements DeliveryAttempt {
    private final String consumer;
    private final TransactionRunner transactions;
    private final DeliveryChain chain;
    private final MessagingMetrics metrics;

    TransactionalDeliveryAttempt(String consumer, TransactionRunner transactions, DeliveryChain chain, MessagingMetrics metrics) {
        this.consumer = consumer;
        this.transactions = transactions;
        this.chain = chain;
        this.metrics = metrics;
    }

    /**
     * Asks for parked events inside the delivery's own transaction: most applied events find none,
     * and a second transaction per delivery only to learn that is wasted work. An event parked by
     * a concurrent transaction that commits after this check waits for the periodic sweep.
     */
    @Override
    public Attempted attempt(IncomingEvent event) {
        return transactions.inNewTransaction(connection -> {
            Parking parking = (reason, detail) -> {
                ParkingLot.park(connection, consumer, event.envelope(), event.record(), reason, detail);
                metrics.parked(consumer, reason.name());
            };
            Outcome outcome = chain.deliver(new DeliveryContext(connection, consumer, event, parking));
            boolean advanced = outcome == Outcome.APPLIED || outcome == Outcome.SKIPPED;
            return new Attempted(outcome, advanced && ParkingLot.anyOf(connection, consumer, event.subject()));
        });
    }
}
