package dev.orderflow.messaging.registry;

import dev.orderflow.messaging.failure.TransientFailureException;

/** The registry could not be asked (unreachable, timing out, 5xx): transient, try again later. */
public class SchemaRegistryUnavailableException extends TransientFailureException {
    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
