package dev.orderflow.messaging.faults;

public enum FaultAction {
    NONE,
    /** {@code Runtime.halt}: no shutdown hooks, no finally blocks — what a kill -9 or power cut does. */
    HALT,
    /** Throw {@link InjectedFaultException}: the process survives, the current operation fails. */
    FAIL
}
