package dev.orderflow.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.messaging.consumer.ConsumeResult.Outcome;
import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.envelope.InboundRecord;
import dev.orderflow.messaging.failure.PermanentFailureException;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer chain's steps and their order, without Kafka or PostgreSQL: in-memory stand-ins for
 * the inbox and the stream positions, the real {@link SequenceGate} rule.
 */
class DeliveryChainTest {
    private static final String SOURCE = "/orderflow/test-producer";
    private static final String TOPIC = "test.events";
    private static final String HAPPENED = "dev.orderflow.test.Happened.v1";
    private static final String HAPPENED_V2 = "dev.orderflow.test.Happened.v2";
    private static final String INVENTED_LATER = "dev.orderflow.test.SomethingNew.v1";

    private final Set<UUID> inbox = new HashSet<>();
    private final Map<StreamKey, Long> positions = new HashMap<>();
    private final Set<StreamKey> skippedLast = new HashSet<>();
    private final List<Long> applied = new ArrayList<>();
    private final List<String> appliedTypes = new ArrayList<>();
    /** The types the handler acts on; every other one it hands back as not handled. */
    private Set<String> handles = Set.of(HAPPENED);
    private final List<String> parked = new ArrayList<>();
    private String awaiting;

    private final DuplicateDetector memoryInbox = (connection, consumer, eventId) -> inbox.add(eventId);
    private final OrderingGate memoryGate = new OrderingGate() {
        @Override
        public Admission admit(Connection connection, StreamKey stream, long sequence) {
            long last = positions.getOrDefault(stream, 0L);
            return new Admission(SequenceGate.decide(last, skippedLast.contains(stream), sequence), last);
        }

        @Override
        public void advance(Connection connection, StreamKey stream, long sequence) {
            positions.put(stream, sequence);
            skippedLast.remove(stream);
        }

        @Override
        public void skip(Connection connection, StreamKey stream, long sequence) {
            positions.put(stream, sequence);
            skippedLast.add(stream);
        }
    };
    private final EventHandler handler = new EventHandler() {
        @Override
        public String consumer() {
            return "test-consumer";
        }

        @Override
        public HandlerOutcome handle(IncomingEvent event) {
            if (!handles.contains(event.type())) {
                return HandlerOutcome.notHandled();
            }
            if (awaiting != null) {
                return HandlerOutcome.awaiting(awaiting);
            }
            applied.add(event.sequence());
            appliedTypes.add(event.type());
            return HandlerOutcome.applied();
        }
    };
    private final KnownProducers producers = topic -> topic.equals(TOPIC) ? Optional.of(SOURCE) : Optional.empty();
    private final DeliveryChain live = DeliveryChain.live(memoryInbox, producers, memoryGate, handler);

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
        DeliveryChain release = DeliveryChain.release(producers, memoryGate, handler);
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

    @Test
    void typeNewerThanThisConsumerFromTheTopicsProducerIsSkippedSoTheNextEventIsNotStuckBehindAGap() throws Exception {
        assertThat(live.deliver(context(event("order-1", 1)))).isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event(INVENTED_LATER, SOURCE, "order-1", 2)))).isEqualTo(Outcome.SKIPPED);
        assertThat(live.deliver(context(event("order-1", 3)))).as("not parked behind 2").isEqualTo(Outcome.APPLIED);
        assertThat(applied).containsExactly(1L, 3L);
        assertThat(parked).isEmpty();
    }

    @Test
    void recordFromASourceThatIsNotTheTopicsProducerIsDeadLetteredNotSkipped() throws Exception {
        assertThatThrownBy(() -> live.deliver(context(event(INVENTED_LATER, "/somewhere/else", "order-1", 1))))
                .isInstanceOf(PermanentFailureException.class)
                .hasMessageContaining("unknown ce_source '/somewhere/else'")
                .hasMessageContaining(SOURCE);
        assertThatThrownBy(() -> live.deliver(context(event(HAPPENED, "/somewhere/else", "order-2", 1))))
                .as("a type this consumer handles, from a stranger, is refused too")
                .isInstanceOf(PermanentFailureException.class);
        assertThat(applied).isEmpty();
        assertThat(positions).as("no stream opened for a stranger").isEmpty();
    }

    @Test
    void twinThisConsumerHandlesIsAppliedEvenWhenTheVersionItDoesNotHandleArrivedFirst() throws Exception {
        assertThat(live.deliver(context(event(HAPPENED_V2, SOURCE, "order-1", 1)))).isEqualTo(Outcome.SKIPPED);
        assertThat(live.deliver(context(event(HAPPENED, SOURCE, "order-1", 1)))).as("not stale").isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event("order-1", 2)))).isEqualTo(Outcome.APPLIED);
        assertThat(appliedTypes).containsExactly(HAPPENED, HAPPENED);
        assertThat(applied).containsExactly(1L, 2L);
    }

    @Test
    void twinArrivingAfterTheHandledVersionIsADuplicateNotStaleAndNotAppliedTwice() throws Exception {
        handles = Set.of(HAPPENED, HAPPENED_V2);
        assertThat(live.deliver(context(event(HAPPENED, SOURCE, "order-1", 1)))).isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event(HAPPENED_V2, SOURCE, "order-1", 1)))).isEqualTo(Outcome.DUPLICATE);
        assertThat(applied).containsExactly(1L);
    }

    @Test
    void twinsOfAVersionNeitherHandledAreSkippedOnceAndTheStreamMovesOn() throws Exception {
        assertThat(live.deliver(context(event(HAPPENED_V2, SOURCE, "order-1", 1)))).isEqualTo(Outcome.SKIPPED);
        assertThat(live.deliver(context(event(INVENTED_LATER, SOURCE, "order-1", 1)))).isEqualTo(Outcome.DUPLICATE);
        assertThat(live.deliver(context(event("order-1", 2)))).isEqualTo(Outcome.APPLIED);
        assertThat(applied).containsExactly(2L);
    }

    @Test
    void handledTwinWaitingForAPrerequisiteAfterASkippedTwinIsAppliedOnRelease() throws Exception {
        assertThat(live.deliver(context(event(HAPPENED_V2, SOURCE, "order-1", 1)))).isEqualTo(Outcome.SKIPPED);
        awaiting = "OrderPlaced order-1";
        IncomingEvent handled = event(HAPPENED, SOURCE, "order-1", 1);
        assertThat(live.deliver(context(handled))).isEqualTo(Outcome.PARKED);

        awaiting = null;
        assertThat(DeliveryChain.release(producers, memoryGate, handler).deliver(context(handled))).isEqualTo(Outcome.APPLIED);
        assertThat(live.deliver(context(event(HAPPENED_V2, SOURCE, "order-1", 1))))
                .as("a third record of sequence 1 after the applied twin")
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(applied).containsExactly(1L);
    }

    private DeliveryContext context(IncomingEvent event) {
        return new DeliveryContext(null, "test-consumer", event, (ParkReason reason, String detail) -> parked.add(reason + " " + detail));
    }

    private static IncomingEvent event(String subject, long sequence) {
        return event(HAPPENED, SOURCE, subject, sequence);
    }

    private static IncomingEvent event(String type, String source, String subject, long sequence) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(), type, source, subject, Instant.now(), sequence, null, null, null, "application/avro");
        return new IncomingEvent(envelope, new InboundRecord(TOPIC, 0, sequence, subject, Map.of(), new byte[0]), null);
    }
}
