package dev.orderflow.messaging.registry;

/**
 * An event cannot be published as it is: the registry refused its schema (the compatibility rule,
 * an invalid schema), its {@code ce_type} is no contract, or its bytes do not match the writer
 * schema. Retrying the same row cannot help; a fixed release (or an operator) must.
 */
public class SchemaRefusedException extends RuntimeException {
    private final String type;

    public SchemaRefusedException(String type, String message, Throwable cause) {
        super(type + ": " + message, cause);
        this.type = type;
    }

    /** The {@code ce_type} of the refused event. */
    public String type() {
        return type;
    }
}
