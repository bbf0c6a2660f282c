package dev.orderflow.messaging.lab;

public enum FaultAction {
    NONE,
    /** {@code Runtime.halt}: no shutdown hooks, no finally blocks — what a kill -9 or power cut does. */
    HALT,
    /** Throw {@link InjectedFaultException} the first time the point is reached: the process survives, the operation is retried. */
    FAIL
}
