package dev.orderflow.messaging.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.messaging.ordering.SequenceGate.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every case of docs/patterns/per-aggregate-ordering.md, as the rule decides it: no Kafka, no
 * PostgreSQL. A wrong row here is an event applied twice, rolled back, applied too early, or the
 * twin a consumer needs lost.
 */
class SequenceGateTest {

    @ParameterizedTest(name = "last {0} (skipped {1}), incoming {2} -> {3}: {4}")
    @CsvSource(textBlock = """
            0, false, 1, NEXT,  the first event of a stream is applied
            1, false, 2, NEXT,  the next sequence is applied
            41, false, 42, NEXT, the next sequence is applied at any position
            3, true, 4, NEXT,  the next sequence after a skipped one is applied
            2, false, 1, STALE, an older sequence (a replay) is ignored
            2, true, 1, STALE,  an older sequence is ignored after a skipped one too
            5, false, 0, STALE, a sequence below the first is never applied
            0, false, 0, STALE, sequence 0 of a new stream is never applied
            0, false, 2, GAP,   a stream starting past its first event waits for it
            1, false, 3, GAP,   a missing sequence parks the later one
            1, false, 4, GAP,   a larger gap parks too
            """)
    void decidesStaleGapOrNext(long last, boolean lastSkipped, long incoming, Decision expected, String why) {
        assertThat(SequenceGate.decide(last, lastSkipped, incoming)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "last {0} (skipped {1}), incoming {2} -> {3}: {4}")
    @CsvSource(textBlock = """
            1, false, 1, TWIN_OF_APPLIED, the second record of an applied sequence is a duplicate and never applied again
            7, false, 7, TWIN_OF_APPLIED, a redelivery of the last sequence whose inbox row expired is a duplicate
            1, true, 1, TWIN_OF_SKIPPED, the twin of a skipped version is offered to the handler instead of being lost as stale
            7, true, 7, TWIN_OF_SKIPPED, at any position
            """)
    void secondRecordOfTheLastSequenceIsATwinNotStale(long last, boolean lastSkipped, long incoming, Decision expected, String why) {
        assertThat(SequenceGate.decide(last, lastSkipped, incoming)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "1, 3, 4 then 2 from last applied {0}")
    @CsvSource({"0"})
    void gapClosesInSequenceOrderOnceTheMissingEventArrives(long start) {
        long last = start;
        // 1 applied; 3 and 4 wait; 2 arrives and is applied; then 3 and 4 become the next ones.
        assertThat(SequenceGate.decide(last, false, 1)).isEqualTo(Decision.NEXT);
        last = 1;
        assertThat(SequenceGate.decide(last, false, 3)).isEqualTo(Decision.GAP);
        assertThat(SequenceGate.decide(last, false, 4)).isEqualTo(Decision.GAP);
        assertThat(SequenceGate.decide(last, false, 2)).isEqualTo(Decision.NEXT);
        last = 2;
        assertThat(SequenceGate.decide(last, false, 3)).isEqualTo(Decision.NEXT);
        last = 3;
        assertThat(SequenceGate.decide(last, false, 4)).isEqualTo(Decision.NEXT);
        last = 4;
        assertThat(SequenceGate.decide(last, false, 2)).as("a redelivery of 2 after the gap closed").isEqualTo(Decision.STALE);
    }
}
