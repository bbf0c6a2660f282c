package dev.orderflow.messaging.external;

/**
 * The idempotency key an external side effect (a charge at the payment provider) is requested
 * with. The template's keys are stable: every attempt of one operation sends the operation's own
 * key, so a retry after a timeout is recognised by the provider and not applied twice. The lab
 * swaps in keys that change per attempt, to show what that prevents.
 */
@FunctionalInterface
public interface IdempotencyKeys {

    /** @param operationKey the operation's stable key, e.g. {@code order-<id>-capture} */
    String forAttempt(String operationKey);

    static IdempotencyKeys stable() {
        return operationKey -> operationKey;
    }
}
