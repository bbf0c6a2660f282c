package dev.orderflow.messaging.consumer;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one {@code @Incoming} of a service: the {@value #CHANNEL} channel reads every topic the
 * service follows ({@code mp.messaging.incoming.events-in.topics}) and hands each record through the
 * inbox to the service's {@link EventHandler}. A service writes no consumer class: it declares its
 * topics and its handler. One consumer name for all topics, so a fact parked on one topic is
 * released by a fact on another.
 *
 * <p>Records of one partition are processed one at a time, in offset order ({@code @Blocking} is
 * ordered); {@code mp.messaging.incoming.events-in.concurrency=N} runs N Kafka consumers of the group,
 * each with its own share of the partitions, so partitions still proceed in parallel.
 */
@ApplicationScoped
@IfBuildProperty(name = "orderflow.messaging.events-channel", stringValue = "on", enableIfMissing = true)
public class EventsConsumer {
    public static final String CHANNEL = "events-in";

    private final IdempotentConsumer consumer;
    private final EventHandler handler;

    EventsConsumer(IdempotentConsumer consumer, EventHandler handler) {
        this.consumer = consumer;
        this.handler = handler;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onEvent(Message<byte[]> message) {
        return consumer.consume(message, handler);
    }
}
