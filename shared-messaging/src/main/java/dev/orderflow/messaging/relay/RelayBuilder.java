package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.tracing.MessagingSpans;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/** Assembles an {@link OutboxRelay}; every part not set is the template's default. */
public final class RelayBuilder {
    private static final Duration FAILED_ROW_INITIAL_BACKOFF = Duration.ofSeconds(1);

    final String name;
    final ConnectionFactory connections;
    final Supplier<Producer<String, byte[]>> producers;
    RelaySettings settings = RelaySettings.defaults();
    Clock clock = Clock.systemUTC();
    private PayloadEncoder encoder = PayloadEncoder.unchanged();
    private MessagingMetrics metrics = MessagingMetrics.inMemory();
    private MessagingSpans spans = MessagingSpans.noop();
    private OutboxStoreDecorator storeDecorator = OutboxStoreDecorator.none();

    RelayBuilder(String name, ConnectionFactory connections, Supplier<Producer<String, byte[]>> producers) {
        this.name = name;
        this.connections = connections;
        this.producers = producers;
    }

    /** What a row's payload is published as (the registry's wire format in a service). */
    public RelayBuilder encoder(PayloadEncoder encoder) {
        this.encoder = encoder;
        return this;
    }

    public RelayBuilder settings(RelaySettings settings) {
        this.settings = settings;
        return this;
    }

    public RelayBuilder metrics(MessagingMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** The PRODUCER span of each publish, continuing the trace stored with the row. */
    public RelayBuilder spans(MessagingSpans spans) {
        this.spans = spans;
        return this;
    }

    /** The time of holds, retention and health. */
    public RelayBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public RelayBuilder decorateStore(OutboxStoreDecorator decorator) {
        this.storeDecorator = decorator;
        return this;
    }

    public OutboxRelay build() {
        OutboxStore store = storeDecorator.decorate(new JdbcOutboxStore());
        AggregateHolds holds = new AggregateHolds(clock, FAILED_ROW_INITIAL_BACKOFF, settings.failedRowMaxBackoff());
        return new OutboxRelay(this, store, holds, new BatchPublisher(name, store, encoder, holds, metrics, spans));
    }
}
