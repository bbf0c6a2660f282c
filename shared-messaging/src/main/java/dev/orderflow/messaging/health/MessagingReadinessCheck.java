package dev.orderflow.messaging.health;

import dev.orderflow.messaging.relay.OutboxRelayService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer retries a transient failure, the outbox relay cannot publish, or the
 * schema registry refused an event this service wrote (its aggregate's events wait for a fixed
 * release): the service is consistent but not making progress, so it should take no new work.
 */
@Readiness
@ApplicationScoped
public class MessagingReadinessCheck implements HealthCheck {

    @Inject
    ConsumerProgress progress;

    @Inject
    OutboxRelayService relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("orderflow-messaging").up();
        progress.stuckConsumers().forEach((consumer, stuck) -> response.down()
                .withData("consumer " + consumer + " stuck since", stuck.since().toString())
                .withData("consumer " + consumer + " error", stuck.error()));
        if (relay.failingSince() != null) {
            response.down()
                    .withData("outbox relay failing since", relay.failingSince().toString())
                    .withData("outbox relay error", String.valueOf(relay.lastError()));
        }
        relay.refusedBySchemaRegistry().forEach((aggregate, reason) -> response.down()
                .withData("outbox held by the schema registry: aggregate " + aggregate, reason));
        response.withData("outbox relay leader", relay.isLeader());
        return response.build();
    }
}
