package dev.orderflow.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.inbox.DuplicateDetector;
import dev.orderflow.messaging.ordering.Admission;
import dev.orderflow.messaging.ordering.OrderingGate;
import dev.orderflow.messaging.ordering.ParkReason;
import dev.orderflow.messaging.ordering.SequenceGate;
import dev.orderflow.messaging.ordering.StreamKey;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer chain's steps and their order, without Kafka or PostgreSQL: in-memory stand-ins for
 * the inbox and the stream positions, the real {@link SequenceGate} rule.
 */
class DeliveryChainTest {
    private static final String SOURCE = "/orderflow/test-producer";

    private final Set<UUID> inbox = new HashSet<>();
    private final Map<StreamKey, Long> positions = new HashMap<>();
    private final List<Long> applied = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private String awaiting;

    private final DuplicateDetector memoryInbox = (connection, consumer, eventId) -> inbox.add(eventId);
    private final OrderingGate memoryGate = new OrderingGate() {
        @Override
        public Admission admit(Connection connection, StreamKey stream, long sequence) {
            long last = positions.getOrDefault(stream, 0L);
            return new Admission(SequenceGate.decide(last, sequence), last);
        }

        @Override
        public void advance(Connection connection, StreamKey stream, long sequence) {
            positions.put(stream, sequence);
        }
    };
    private final EventHandler handler = new EventHandler() {
        @Override
        public String consumer() {
            return "test-consumer";
        }

        @Override
        public HandlerOutcome handle(IncomingEvent event) {
            if (awaiting != null) {
                return HandlerOutcome.awaiting(awaiting);
            }
            applied.add(event.sequence());
            return HandlerOutcome.applied();
        }
    };
    private final DeliveryChain live = DeliveryChain.live(memoryInbox, memoryGate, handler);

    @Test
    void redeliveredEventIdStopsAtTheInboxAndIsAppliedOnce() throws Exception {
        IncomingEvent event = event("order-1", 1);
        assertThat(live.deliver(context(event))).isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event))).isEqualTo(Outcome.DUPLICATE);
        assertThat(applied).containsExactly(1L);
    }

    @Test
    void staleEventWithANewIdIsIgnoredByTheGate() throws Exception {
        live.deliver(context(event("order-1", 1)));
        live.deliver(context(event("order-1", 2)));
        assertThat(live.deliver(context(event("order-1", 1)))).isEqualTo(Outcome.STALE);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void gapIsParkedAndDoesNotAdvanceTheStream() throws Exception {
        live.deliver(context(event("order-1", 1)));
        assertThat(live.deliver(context(event("order-1", 3)))).isEqualTo(Outcome.PARKED);
        assertThat(parked).containsExactly("GAP waiting for sequence 2");
        assertThat(positions).containsValue(1L);
        assertThat(live.deliver(context(event("order-1", 2)))).isEqualTo(Outcome.APPLIED);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void missingPrerequisiteParksWithoutConsumingTheSequence() throws Exception {
        awaiting = "OrderPlaced order-1";
        assertThat(live.deliver(context(event("order-1", 1)))).isEqualTo(Outcome.PARKED);
        assertThat(parked).containsExactly("PREREQUISITE OrderPlaced order-1");
        assertThat(positions).isEmpty();

        awaiting = null;
        DeliveryChain release = DeliveryChain.release(memoryGate, handler);
        assertThat(release.deliver(context(event("order-1", 1)))).as("released: no inbox step on release").isEqualTo(Outcome.APPLIED);
        assertThat(positions).containsValue(1L);
    }

    @Test
    void streamsOfOtherAggregatesDoNotBlockEachOther() throws Exception {
        live.deliver(context(event("order-1", 1)));
        assertThat(live.deliver(context(event("order-2", 1)))).isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event("order-2", 3)))).isEqualTo(Outcome.PARKED);
        assertThat(live.deliver(context(event("order-1", 2)))).isEqualTo(Outcome.APPLIED);
    }

    private DeliveryContext context(IncomingEvent event) {
        return new DeliveryContext(null, "test-consumer", event, (ParkReason reason, String detail) -> parked.add(reason + " " + detail));
    }

    private static IncomingEvent event(String subject, long sequence) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(), "dev.orderflow.test.Happened.v1", SOURCE, subject, Instant.now(), sequence,
                null, null, null, "application/avro");
        return new IncomingEvent(envelope, new InboundRecord("test.events", 0, sequence, subject, Map.of(), new byte[0]), null);
    }
}
