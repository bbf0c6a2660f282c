package dev.orderflow.messaging.ordering;

import java.sql.Connection;
import java.sql.SQLException;

/** The template's gate: {@link SequenceGate} against the last applied sequence in {@link ConsumerStreams}. */
public final class SequenceOrderingGate implements OrderingGate {

    @Override
    public Admission admit(Connection connection, StreamKey stream, long sequence) throws SQLException {
        long lastApplied = ConsumerStreams.lockLastApplied(connection, stream);
        return new Admission(SequenceGate.decide(lastApplied, sequence), lastApplied);
    }

    @Override
    public void advance(Connection connection, StreamKey stream, long sequence) throws SQLException {
        ConsumerStreams.advance(connection, stream, sequence);
    }
}
