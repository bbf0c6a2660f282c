package dev.orderflow.messaging.failure;

/** Processing may succeed later (a dependency is down or slow): retry the same record, never skip it. */
public class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
