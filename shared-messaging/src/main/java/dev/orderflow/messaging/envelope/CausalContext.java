package dev.orderflow.messaging.envelope;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The event being handled on this thread. Events appended to the outbox while it is set inherit
 * its correlation id and trace, and name it as their cause — so a saga reads as one chain.
 */
public final class CausalContext {
    private static final ThreadLocal<EventEnvelope> CURRENT = new ThreadLocal<>();

    public static Optional<EventEnvelope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callWithin(EventEnvelope cause, Supplier<T> work) {
        EventEnvelope previous = CURRENT.get();
        CURRENT.set(cause);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    private CausalContext() {}
}
