package dev.orderflow.messaging.relay;

/** Wraps the relay's {@link OutboxStore}, e.g. to act between the broker's ack and the mark. */
@FunctionalInterface
public interface OutboxStoreDecorator {
    OutboxStore decorate(OutboxStore store);

    static OutboxStoreDecorator none() {
        return store -> store;
    }
}
