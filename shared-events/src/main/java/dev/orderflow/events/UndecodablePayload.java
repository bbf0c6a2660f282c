package dev.orderflow.events;

/**
 * Bytes that cannot be decoded as the expected event with the given writer schema: corrupt,
 * truncated, trailing garbage, or written with another schema than the one claimed.
 * Permanent: a consumer dead-letters the message with this reason and keeps going.
 */
public class UndecodablePayload extends RuntimeException {
    public UndecodablePayload(String message, Throwable cause) {
        super(message, cause);
    }
}
