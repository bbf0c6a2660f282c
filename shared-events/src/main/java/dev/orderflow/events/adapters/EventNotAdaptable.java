package dev.orderflow.events.adapters;

/**
 * An event cannot be translated to another major version without losing information (e.g. an
 * amount the target version cannot represent exactly). Permanent: dead-letter it, never round.
 */
public class EventNotAdaptable extends IllegalArgumentException {
    public EventNotAdaptable(String message) {
        super(message);
    }

    public EventNotAdaptable(String message, Throwable cause) {
        super(message, cause);
    }
}
