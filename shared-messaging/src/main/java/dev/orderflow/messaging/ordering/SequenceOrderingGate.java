package dev.orderflow.messaging.ordering;

import java.sql.Connection;
import java.sql.SQLException;

/** The template's gate: {@link SequenceGate} against the stream position in {@link ConsumerStreams}. */
public final class SequenceOrderingGate implements OrderingGate {

    @Override
    public Admission admit(Connection connection, StreamKey stream, long sequence) throws SQLException {
        StreamPosition position = ConsumerStreams.lock(connection, stream);
        return new Admission(
                SequenceGate.decide(position.lastSequence(), position.lastSkipped(), sequence), position.lastSequence());
    }

    @Override
    public void advance(Connection connection, StreamKey stream, long sequence) throws SQLException {
        ConsumerStreams.advance(connection, stream, sequence, false);
    }

    @Override
    public void skip(Connection connection, StreamKey stream, long sequence) throws SQLException {
        ConsumerStreams.advance(connection, stream, sequence, true);
    }
}
