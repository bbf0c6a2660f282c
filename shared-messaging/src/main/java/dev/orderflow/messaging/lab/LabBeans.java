package dev.orderflow.messaging.lab;

import dev.orderflow.messaging.config.MessagingConfig;
import dev.orderflow.messaging.config.MessagingProducer;
import dev.orderflow.messaging.consumer.DeliveryAttempt;
import dev.orderflow.messaging.external.IdempotencyKeys;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.outbox.EventAppender;
import dev.orderflow.messaging.outbox.OutboxWriter;
import dev.orderflow.messaging.relay.OutboxStoreDecorator;
import dev.orderflow.messaging.relay.PayloadEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Where the lab takes the place of template parts, chosen by configuration at startup: the template
 * part when its switch is off, the lab's variant when it is on. The template's producers are
 * default beans, so deleting this package leaves the template wired as before.
 */
@ApplicationScoped
public class LabBeans {
    private static final Logger LOG = Logger.getLogger(LabBeans.class);

    @Produces
    @Singleton
    NaiveMode naiveMode(NaiveConfig config) {
        NaiveMode mode = new NaiveMode(config.dualWrite(), config.noInbox(), config.noSequenceChecks(), config.noIdempotencyKeys());
        if (mode.anyEnabled()) {
            LOG.warnf("NAIVE MESSAGING MODE ENABLED: %s — patterns are switched off for a demonstration", mode);
        }
        return mode;
    }

    @Produces
    @Singleton
    FaultPoints faultPoints(FaultsConfig config) {
        return FaultPoints.fromConfig(
                key -> Optional.ofNullable(config.points().get(key.substring(FaultPoints.CONFIG_PREFIX.length()))));
    }

    @Produces
    @Singleton
    DuplicateDetector duplicateDetector(NaiveMode naive) {
        return naive.duplicateDetector();
    }

    @Produces
    @Singleton
    OrderingGate orderingGate(NaiveMode naive) {
        return naive.orderingGate();
    }

    @Produces
    @Singleton
    DeliveryAttempt.Decorator consumerAttempts(FaultPoints faults, NaiveConfig naive) {
        DeliveryAttempt.Decorator fault = faults.armed(FaultPoint.AFTER_CONSUMER_COMMIT_BEFORE_OFFSET_COMMIT)
                ? new FaultAfterConsumerCommit(faults)
                : DeliveryAttempt.Decorator.none();
        if (naive.noFailureClassification()) {
            LOG.warn("NAIVE FAILURE HANDLING ENABLED: every consumer failure is retried as transient: a poison record blocks its partition instead of being dead-lettered");
            DeliveryAttempt.Decorator everyFailureTransient = new EveryFailureTransient();
            return attempt -> everyFailureTransient.decorate(fault.decorate(attempt));
        }
        return fault;
    }

    @Produces
    @Singleton
    EventAppender eventAppender(
            MessagingConfig config,
            NaiveMode naive,
            FaultPoints faults,
            @MessagingProducer Instance<Producer<String, byte[]>> producer,
            PayloadEncoder encoder) {
        OutboxWriter outbox = new OutboxWriter(config.effectiveSource());
        EventAppender appender = naive.dualWrite()
                ? new DualWriteAppender(outbox, producer.get(), encoder)
                : outbox;
        return faults.armed(FaultPoint.AFTER_COMMIT_BEFORE_PUBLISH) ? new FaultAfterCommit(appender, faults) : appender;
    }

    @Produces
    @Singleton
    OutboxStoreDecorator relayStore(FaultPoints faults, NaiveConfig naive) {
        OutboxStoreDecorator fault = faults.armed(FaultPoint.AFTER_PUBLISH_BEFORE_MARK)
                ? store -> new FaultBeforeMark(store, faults)
                : OutboxStoreDecorator.none();
        if (naive.noTracePropagation()) {
            LOG.warn("NAIVE TRACING ENABLED: the outbox relay publishes without the trace stored with each row");
            return store -> new TraceDroppingStore(fault.decorate(store));
        }
        return fault;
    }

    @Produces
    @Singleton
    IdempotencyKeys idempotencyKeys(NaiveMode naive) {
        return naive.noIdempotencyKeys() ? new FreshKeyPerAttempt() : IdempotencyKeys.stable();
    }
}
