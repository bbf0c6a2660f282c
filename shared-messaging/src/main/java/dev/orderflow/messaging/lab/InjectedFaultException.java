package dev.orderflow.messaging.lab;

/** Thrown at a fault point configured with {@code fail}; classified as transient (the operation is retried). */
public class InjectedFaultException extends dev.orderflow.messaging.failure.TransientFailureException {
    public InjectedFaultException(FaultPoint point) {
        super("injected fault at " + point.key());
    }
}
