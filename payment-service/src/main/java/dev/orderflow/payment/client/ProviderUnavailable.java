package dev.orderflow.payment.client;

import dev.orderflow.messaging.failure.TransientFailureException;

/**
 * The provider did not give an answer we can act on: a timeout, a refused connection or a 5xx. The
 * charge may or may not have happened. Transient on purpose: the inbox transaction rolls back and
 * the same event is retried with backoff, sending the same idempotency key, so the retry returns the
 * first charge if there was one instead of charging again.
 */
public class ProviderUnavailable extends TransientFailureException {
    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
