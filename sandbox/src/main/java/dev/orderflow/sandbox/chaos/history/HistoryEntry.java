package dev.orderflow.sandbox.chaos.history;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One line of a chaos run's history (Jepsen's model): a client operation's invocation and its
 * outcome, or a fault's start and stop.
 *
 * @param atMillis milliseconds since the run started
 * @param process who acted: {@code client-<n>} or {@code nemesis}
 * @param type what happened
 * @param op {@code place}, {@code cancel}, or the fault's scenario name
 * @param key the workload's idempotency key (client operations), or the fault's target
 * @param orderId the order, when known
 * @param value the HTTP status, or what the fault did
 */
public record HistoryEntry(long atMillis, String process, Type type, String op, String key, String orderId, String value) {

    public enum Type {
        INVOKE,
        /** A definite success (2xx): it happened. */
        OK,
        /** A definite refusal (4xx): it did not happen. */
        FAIL,
        /** A timeout, a dropped connection or a 5xx: it may or may not have happened. */
        UNKNOWN,
        FAULT_START,
        FAULT_STOP
    }

    @JsonIgnore
    public boolean isClientOutcome() {
        return type == Type.OK || type == Type.FAIL || type == Type.UNKNOWN;
    }
}
