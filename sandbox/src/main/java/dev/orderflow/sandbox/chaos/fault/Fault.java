package dev.orderflow.sandbox.chaos.fault;

/**
 * One fault instance: injected, held for a while by the schedule, then healed. Implementations
 * act on the real processes and traffic (signals, a TCP proxy, a Kafka forwarder, fault points).
 */
public interface Fault {

    FaultType type();

    /** What it hits, e.g. {@code payment-service}, {@code kafka-2}, {@code orders.events}. */
    String target();

    /** Starts the fault. Returns once it is in effect. */
    void inject();

    /**
     * Ends the fault and waits until the target is back (a restarted service ready, a broker in
     * the cluster again). Idempotent: called again at the end of a run to heal whatever is left.
     */
    void heal();

    /** What happened, for the history and the report, e.g. "halted at after-publish-before-mark (exit 86)". */
    default String detail() {
        return "";
    }
}
