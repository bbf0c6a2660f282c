package dev.orderflow.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void processLeftByAKilledRunIsStoppedThroughItsPidFile() throws Exception {
        String marker = "orderflow-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path pidFile = dir.resolve("pids/leftover.pid");
        // Detached (not owned): as if the JVM that started it had been killed.
        ChildProcess leftover = ChildProcess.start("leftover", List.of("bash", "-c", "sleep 300; true", marker), marker, dir,
                dir.resolve("logs/leftover.log"), pidFile, Map.of(), false);
        assertThat(leftover.isAlive()).isTrue();

        assertThat(ChildProcess.stopRecorded(pidFile, Duration.ofSeconds(5))).isTrue();

        assertThat(ProcessHandle.of(leftover.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void pidFileNamingSomeoneElsesProcessDoesNotKillIt() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = dir.resolve("recycled.pid");
            Files.writeString(pidFile, stranger.pid() + "\norderflow-marker-that-is-not-there\n");

            assertThat(ChildProcess.stopRecorded(pidFile, Duration.ofSeconds(5))).isFalse();

            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }

    @Test
    void processThatDiesDuringStartUpFailsWithItsLog() {
        String marker = "orderflow-test-dies-" + System.nanoTime();
        ChildProcess dying = ChildProcess.start("dying", List.of("bash", "-c", "echo cannot bind; exit 3", marker), marker,
                dir, dir.resolve("dying.log"), dir.resolve("dying.pid"), Map.of(), true);
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.awaitReady(Duration.ofSeconds(30), () -> false))
                    .hasMessageContaining("dying exited during start-up")
                    .hasMessageContaining("cannot bind");
        } finally {
            dying.stop();
        }
    }
}
