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

    @Test
    void aServicesRelayThreadIsCountedAsRelayNotAsOther() throws Exception {
        java.util.concurrent.CountDownLatch burned = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // Named like shared-messaging's relay thread; burns 300 ms of its own CPU, then stays alive for the sample.
        Thread relay = new Thread(() -> {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long x = 0;
            while (threads.getCurrentThreadCpuTime() < 300_000_000L) {
                x += System.nanoTime() % 7;
            }
            burned.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "outbox-relay-bench-test");
        Map<String, Long> before = ProcessCpu.threadPartTicks(ProcessHandle.current().pid());
        relay.start();
        try {
            burned.await();
            Map<String, Long> after = ProcessCpu.threadPartTicks(ProcessHandle.current().pid());

            assertThat(after.get("relay") - before.get("relay")).as("relay ticks").isGreaterThanOrEqualTo(20);
            assertThat(after.keySet()).containsAll(ProcessCpu.THREAD_PARTS.keySet()).contains("other");
        } finally {
            release.countDown();
            relay.join();
        }
    }

    @Test
    void cpuPerOrderIsTheTicksBetweenTwoSamplesInMillisecondsOverTheCompletedOrders() {
        ProcessCpu.Sample before = new ProcessCpu.Sample(Map.of("order-service", 100L),
                Map.of("order-service", Map.of("relay", 10L, "other", 5L)), 0, 0);
        ProcessCpu.Sample after = new ProcessCpu.Sample(Map.of("order-service", 350L),
                Map.of("order-service", Map.of("relay", 60L, "other", 5L)), 0, 1);

        // 250 ticks of 10 ms over 100 orders; the relay's 50 ticks likewise.
        assertThat(ProcessCpu.msPerOrder(before, after, 100)).containsEntry("order-service", 25.0);
        assertThat(ProcessCpu.threadMsPerOrder(before, after, 100).get("order-service"))
                .containsEntry("relay", 5.0).containsEntry("other", 0.0);
        assertThat(ProcessCpu.msPerOrder(before, after, 0).get("order-service")).isNaN();
    }
}
