package dev.orderflow.messaging.relay;

/**
 * A row can never be published as it is (e.g. the schema registry refused its schema): thrown by
 * a {@link PayloadEncoder}. Its aggregate is held, the row stays unpublished, the relay reports it.
 */
public class PayloadRefusedException extends RuntimeException {
    private final String type;

    public PayloadRefusedException(String type, String message, Throwable cause) {
        super(type + ": " + message, cause);
        this.type = type;
    }

    /** The {@code ce_type} of the refused event. */
    public String type() {
        return type;
    }
}
