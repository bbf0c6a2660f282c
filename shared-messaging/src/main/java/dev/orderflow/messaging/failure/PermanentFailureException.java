package dev.orderflow.messaging.failure;

/**
 * Processing can never succeed for this record (undecodable payload, missing headers, a state
 * transition that can never become valid). Throw it from a handler: the record is dead-lettered
 * and the partition moves on.
 */
public class PermanentFailureException extends RuntimeException {
    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
