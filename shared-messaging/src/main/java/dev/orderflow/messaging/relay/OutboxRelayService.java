package dev.orderflow.messaging.relay;

import dev.orderflow.messaging.config.MessagingConfig;
import dev.orderflow.messaging.jdbc.ConnectionFactory;
import dev.orderflow.messaging.metrics.MessagingMetrics;
import dev.orderflow.messaging.tracing.MessagingSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link OutboxRelay} inside a Quarkus service: started with the application, stopped
 * (leader lock released) on shutdown. Uses its own unpooled connections: the leader lock must
 * live exactly as long as one database session, which a pool would recycle.
 */
@ApplicationScoped
public class OutboxRelayService {

    @Inject
    MessagingConfig config;

    @Inject
    OutboxStoreDecorator storeDecorator;

    @Inject
    MessagingMetrics metrics;

    @Inject
    PayloadEncoder encoder;

    @Inject
    OpenTelemetry openTelemetry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The connector's kafka.* settings: the relay takes its security settings from them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientConfig;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile OutboxRelay relay;

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        MessagingConfig.Relay settings = config.relay();
        relay = OutboxRelay.builder(
                        config.service(),
                        ConnectionFactory.driverManager(jdbcUrl, username.orElse(null), password.orElse(null)),
                        () -> RelayProducers.create(bootstrapServers, config.service() + "-outbox-relay", kafkaClientConfig))
                .encoder(encoder)
                .settings(new RelaySettings(
                        settings.batchSize(),
                        settings.pollInterval(),
                        settings.standbyRetry(),
                        settings.retention(),
                        settings.cleanupInterval(),
                        "orderflow.outbox.relay",
                        settings.failedRowMaxBackoff()))
                .metrics(metrics)
                .spans(new MessagingSpans(openTelemetry))
                .decorateStore(storeDecorator)
                .build();
        relay.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        OutboxRelay current = relay;
        if (current != null) {
            current.close();
        }
    }

    public boolean isRunning() {
        return relay != null;
    }

    public boolean isLeader() {
        return relay != null && relay.isLeader();
    }

    /** Null while the relay makes progress (or is a healthy standby). */
    public Instant failingSince() {
        return relay == null ? null : relay.failingSince();
    }

    public String lastError() {
        return relay == null ? null : relay.lastError();
    }

    /** Aggregates held because the schema registry refused a row: aggregate id → reason. */
    public Map<String, String> refusedBySchemaRegistry() {
        return relay == null ? Map.of() : relay.refusedBySchemaRegistry();
    }
}
