package dev.orderflow.messaging.registry;

import dev.orderflow.messaging.failure.PermanentFailureException;

/**
 * A record names a schema id the registry does not have (written against another registry, or its
 * data was lost): its bytes can never be read. Permanent: dead-lettered with this reason.
 */
public class UnknownSchemaIdException extends PermanentFailureException {
    public UnknownSchemaIdException(String id, Throwable cause) {
        super("the schema registry has no schema with " + id, cause);
    }
}
