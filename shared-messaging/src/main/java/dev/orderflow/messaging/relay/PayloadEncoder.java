package dev.orderflow.messaging.relay;

import java.util.Map;

/**
 * Turns a stored outbox payload into the record value the relay publishes, at publish time. In a
 * service that is {@link dev.orderflow.messaging.registry.RegistryPayloadEncoder}: the writer schema
 * is registered (or found) in the schema registry and the payload framed with its id.
 */
@FunctionalInterface
public interface PayloadEncoder {

    /**
     * @param headers the row's CloudEvents headers ({@code ce_type}, {@code content-type}, ...)
     * @throws PayloadRefusedException the row can never be published
     *     as it is: its aggregate is held, the row stays unpublished, the relay reports it
     * @throws RuntimeException anything else is transient (e.g. the registry is unreachable): the
     *     round fails and is retried, nothing is sent
     */
    byte[] encode(String topic, Map<String, String> headers, byte[] stored);

    /** Publishes the stored bytes as they are: for payloads that are not registry-governed contracts (tests of the relay's mechanics). */
    static PayloadEncoder unchanged() {
        return (topic, headers, stored) -> stored;
    }
}
