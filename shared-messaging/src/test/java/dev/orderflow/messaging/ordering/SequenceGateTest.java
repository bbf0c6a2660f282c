package dev.orderflow.messaging.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.ordering.SequenceGate.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every case of docs/patterns/per-aggregate-ordering.md, as the rule decides it: no Kafka, no
 * PostgreSQL. A wrong row here is an event applied twice, rolled back or applied too early.
 */
class SequenceGateTest {

    @ParameterizedTest(name = "last applied {0}, incoming {1} -> {2}: {3}")
    @CsvSource(textBlock = """
            0, 1, NEXT,  the first event of a stream is applied
            1, 2, NEXT,  the next sequence is applied
            41, 42, NEXT, the next sequence is applied at any position
            1, 1, STALE, a redelivery of the last applied sequence is ignored
            2, 1, STALE, an older sequence (a replay) is ignored
            5, 0, STALE, a sequence below the first is never applied
            0, 2, GAP,   a stream starting past its first event waits for it
            1, 3, GAP,   a missing sequence parks the later one
            1, 4, GAP,   a larger gap parks too
            """)
    void decidesStaleGapOrNext(long lastApplied, long incoming, Decision expected, String why) {
        assertThat(SequenceGate.decide(lastApplied, incoming)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "1, 3, 4 then 2 from last applied {0}")
    @CsvSource({"0"})
    void gapClosesInSequenceOrderOnceTheMissingEventArrives(long start) {
        long last = start;
        // 1 applied; 3 and 4 wait; 2 arrives and is applied; then 3 and 4 become the next ones.
        assertThat(SequenceGate.decide(last, 1)).isEqualTo(Decision.NEXT);
        last = 1;
        assertThat(SequenceGate.decide(last, 3)).isEqualTo(Decision.GAP);
        assertThat(SequenceGate.decide(last, 4)).isEqualTo(Decision.GAP);
        assertThat(SequenceGate.decide(last, 2)).isEqualTo(Decision.NEXT);
        last = 2;
        assertThat(SequenceGate.decide(last, 3)).isEqualTo(Decision.NEXT);
        last = 3;
        assertThat(SequenceGate.decide(last, 4)).isEqualTo(Decision.NEXT);
        last = 4;
        assertThat(SequenceGate.decide(last, 2)).as("a redelivery of 2 after the gap closed").isEqualTo(Decision.STALE);
    }
}
