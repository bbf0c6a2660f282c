package dev.orderflow.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CPU attribution on the real /proc: each component's time counted once. */
class ProcessCpuTest {

    @Test
    void aComponentThatStartedAnotherDoesNotCountItsCpuTwice() throws Exception {
        // A child that burns a second or more of CPU, then execs sleep: same pid, its CPU time kept.
        Process busy = new ProcessBuilder("bash", "-c", "i=0; while ((i < 1500000)); do ((i++)); done; exec sleep 60")
                .redirectErrorStream(true)
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> busy.info().command().orElse("").endsWith("sleep"));
            long childTicks = ProcessCpu.ticks(busy.pid());
            assertThat(childTicks).as("the child's own CPU").isGreaterThanOrEqualTo(20);
            Map<String, ProcessHandle> components = new LinkedHashMap<>();
            components.put("parent", ProcessHandle.current());
            components.put("child", busy.toHandle());

            ProcessCpu.Sample sample = ProcessCpu.sample(components);
            long parentOwnTicksAfter = ProcessCpu.ticks(ProcessHandle.current().pid());

            assertThat(sample.ticks().get("child")).isEqualTo(childTicks);
            assertThat(sample.ticks().get("parent"))
                    .as("the parent's ticks are its own, not its own plus the child's")
                    .isLessThanOrEqualTo(parentOwnTicksAfter);
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }
}
