package dev.orderflow.messaging.consumer;

import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.deadletter.DeadLetter;
import dev.orderflow.messaging.failure.PermanentFailureException;

/** The headers of a record this consumer gives up on: the failure code, the root cause, where it came from. */
final class DeadLetterDescriptions {
    private DeadLetterDescriptions() {}

    static DeadLetter describe(InboundRecord record, String failureCode, Throwable failure, String consumer, String service) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof PermanentFailureException)) {
            root = root.getCause();
        }
        return new DeadLetter(
                failureCode,
                String.valueOf(root.getMessage()),
                root.getClass().getName(),
                consumer,
                service,
                record.topic(),
                record.partition(),
                record.offset());
    }
}
