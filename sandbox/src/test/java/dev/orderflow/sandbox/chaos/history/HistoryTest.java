package dev.orderflow.sandbox.chaos.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.chaos.history.HistoryEntry.Type;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @Test
    void historyFileReadsBackEntryForEntry(@TempDir Path dir) {
        Path file = dir.resolve("history.jsonl");
        try (History history = History.startingNow(file)) {
            history.record("client-1", Type.INVOKE, "place", "wl-7-1", null, null);
            history.record("nemesis", Type.FAULT_START, "db-cut", "postgres", null, null);
            history.record("client-1", Type.UNKNOWN, "place", "wl-7-1", null, "timed out");
            history.record("nemesis", Type.FAULT_STOP, "db-cut", "postgres", null, "cut 12 connections");

            History read = History.read(file);
            assertThat(read.entries()).isEqualTo(history.entries());
            assertThat(read.entries()).extracting(HistoryEntry::type)
                    .containsExactly(Type.INVOKE, Type.FAULT_START, Type.UNKNOWN, Type.FAULT_STOP);
        }
    }

    @Test
    void timestampsNeverGoBackwards() {
        try (History history = History.startingNow(null)) {
            for (int i = 0; i < 100; i++) {
                history.record("client-1", Type.INVOKE, "place", "k" + i, null, null);
            }
            var times = history.entries().stream().mapToLong(HistoryEntry::atMillis).toArray();
            for (int i = 1; i < times.length; i++) {
                assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
            }
        }
    }
}
