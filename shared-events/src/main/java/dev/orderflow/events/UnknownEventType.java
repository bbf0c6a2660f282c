package dev.orderflow.events;

/**
 * A message carried a {@code ce_type} that no contract in {@link EventCatalog} has (or none at all).
 * Permanent: retrying cannot help, so a consumer dead-letters the message with this reason.
 */
public class UnknownEventType extends RuntimeException {
    private final String type;

    public UnknownEventType(String type) {
        super(type == null ? "message has no ce_type header" : "unknown ce_type '" + type + "'");
        this.type = type;
    }

    /** The offending {@code ce_type}, or {@code null} when the header was missing. */
    public String type() {
        return type;
    }
}
