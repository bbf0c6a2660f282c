package dev.orderflow.messaging.ordering;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ordering step of a consumer, inside the delivery's transaction. The template's gate is
 * {@link SequenceOrderingGate}; the lab swaps in one that lets everything through.
 */
public interface OrderingGate {

    /**
     * Decides whether the event at {@code sequence} may be applied now. Guarantee: the stream stays
     * locked until the transaction ends, so two deliveries of one stream never interleave (even
     * across instances), and the decision is still true when {@link #advance} runs.
     */
    Admission admit(Connection connection, StreamKey stream, long sequence) throws SQLException;

    /** Records that the event at {@code sequence} was applied, in the same transaction as its effect. */
    void advance(Connection connection, StreamKey stream, long sequence) throws SQLException;

    /**
     * Records that the event at {@code sequence} was consumed without effect (a type this consumer
     * does not handle): the stream moves past it, and a twin of it (same sequence) may still apply.
     */
    void skip(Connection connection, StreamKey stream, long sequence) throws SQLException;
}
