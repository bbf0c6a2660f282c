package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.ordering.Admission;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.SequenceGate;
import dev.orderflow.messaging.ordering.StreamKey;
import java.sql.Connection;

/**
 * Lab variant of the ordering gate ({@code orderflow.messaging.naive.no-sequence-checks}): every
 * event is applied in arrival order, so a stale one is re-applied and a gap applied out of order.
 */
public final class UncheckedOrderingGate implements OrderingGate {

    @Override
    public Admission admit(Connection connection, StreamKey stream, long sequence) {
        return new Admission(SequenceGate.Decision.NEXT, sequence - 1);
    }

    @Override
    public void advance(Connection connection, StreamKey stream, long sequence) {}

    @Override
    public void skip(Connection connection, StreamKey stream, long sequence) {}
}
