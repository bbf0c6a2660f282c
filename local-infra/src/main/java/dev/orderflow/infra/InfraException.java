package dev.orderflow.infra;

/** A component could not start or stop; the message says what failed and how to fix it. */
public class InfraException extends RuntimeException {
    public InfraException(String message) {
        super(message);
    }

    public InfraException(String message, Throwable cause) {
        super(message, cause);
    }
}
