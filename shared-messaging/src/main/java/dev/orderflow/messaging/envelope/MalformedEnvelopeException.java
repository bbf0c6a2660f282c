package dev.orderflow.messaging.envelope;

import dev.orderflow.messaging.failure.PermanentFailureException;

/** A record whose CloudEvents headers are missing or invalid: retrying cannot fix it. */
public class MalformedEnvelopeException extends PermanentFailureException {
    public MalformedEnvelopeException(String message) {
        super(message);
    }

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
