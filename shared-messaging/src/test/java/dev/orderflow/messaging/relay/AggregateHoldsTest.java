package dev.orderflow.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay's per-aggregate hold on a clock the test moves: no Kafka, no PostgreSQL. A wrong hold
 * lets a later event of a rejected aggregate overtake it, or stops every other aggregate.
 */
class AggregateHoldsTest {
    private final MovableClock clock = new MovableClock();
    private final AggregateHolds holds = new AggregateHolds(clock, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void heldAggregateIsNotReadDuringItsBackoffWhileOthersFlow() {
        holds.hold("order-1");

        assertThat(holds.waiting()).containsExactly("order-1");
        assertThat(holds.probesAlone(List.of(row(1, "order-2"), row(2, "order-2")))).extracting(OutboxRow::id).containsExactly(1L, 2L);
    }

    @Test
    void afterItsBackoffAHeldAggregateSendsItsFailedRowAlone() {
        holds.hold("order-1");
        clock.advance(Duration.ofSeconds(1));

        assertThat(holds.waiting()).isEmpty();
        assertThat(holds.probesAlone(List.of(row(1, "order-1"), row(2, "order-2"), row(3, "order-1"))))
                .extracting(OutboxRow::id)
                .containsExactly(1L, 2L);
    }

    @Test
    void backoffDoublesPerFailureUpToTheMaximum() {
        assertThat(holds.hold("order-1")).isEqualTo(1);
        assertThat(waitsFor("order-1")).isEqualTo(Duration.ofSeconds(1));
        holds.hold("order-1");
        assertThat(waitsFor("order-1")).isEqualTo(Duration.ofSeconds(2));
        holds.hold("order-1");
        assertThat(waitsFor("order-1")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 30; i++) {
            holds.hold("order-1");
        }
        assertThat(waitsFor("order-1")).as("capped, and no overflow after many failures").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void acceptedRowReleasesItsAggregateAndClearsARefusal() {
        holds.refuse("order-1", "incompatible schema");
        assertThat(holds.refusedBySchemaRegistry()).containsEntry("order-1", "incompatible schema");

        holds.accepted("order-1");

        assertThat(holds.waiting()).isEmpty();
        assertThat(holds.refusedBySchemaRegistry()).isEmpty();
        assertThat(holds.probesAlone(List.of(row(1, "order-1"), row(2, "order-1")))).hasSize(2);
    }

    /** How long {@code aggregate} stays out of reads from now, to the second. */
    private Duration waitsFor(String aggregate) {
        Instant start = clock.instant();
        Duration waited = Duration.ZERO;
        while (holds.waiting().contains(aggregate)) {
            clock.advance(Duration.ofSeconds(1));
            waited = waited.plusSeconds(1);
        }
        clock.set(start);
        return waited;
    }

    private static OutboxRow row(long id, String aggregate) {
        return new OutboxRow(id, aggregate, "orders.events", aggregate, new byte[0], "{}");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
