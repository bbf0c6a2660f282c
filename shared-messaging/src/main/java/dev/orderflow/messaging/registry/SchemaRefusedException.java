package dev.orderflow.messaging.registry;

import dev.orderflow.messaging.relay.PayloadRefusedException;

/**
 * An event cannot be published as it is: the registry refused its schema (the compatibility rule,
 * an invalid schema), its {@code ce_type} is no contract, or its bytes do not match the writer
 * schema. Retrying the same row cannot help; a fixed release (or an operator) must.
 */
public class SchemaRefusedException extends PayloadRefusedException {

    public SchemaRefusedException(String type, String message, Throwable cause) {
        super(type, message, cause);
    }
}
