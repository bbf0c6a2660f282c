package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.external.IdempotencyKeys;
import java.util.UUID;

/**
 * Lab variant of idempotency keys ({@code orderflow.messaging.naive.no-idempotency-keys}): a new key
 * per attempt, so a retry after a timeout is a new charge.
 */
public final class FreshKeyPerAttempt implements IdempotencyKeys {

    @Override
    public String forAttempt(String operationKey) {
        return operationKey + "-" + UUID.randomUUID();
    }
}
