package dev.orderflow.messaging.failure;

public enum FailureKind {
    /** Retry with backoff, forever; the service reports itself not ready meanwhile. */
    TRANSIENT,
    /** Dead-letter at once. */
    PERMANENT,
    /** A bug or something unforeseen: retried a few times, then treated as permanent. */
    UNKNOWN
}
