package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.infra.process.ChildProcess;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.time.Duration;

/**
 * SIGSTOP of a service: frozen like a process in a long GC pause or a suspended VM, it holds its
 * connections and partitions but answers nothing. Heal sends SIGCONT and waits until it is ready.
 */
final class ConsumerPause extends BaseFault {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private final RunningPlatform platform;
    private ChildProcess paused;

    ConsumerPause(RunningPlatform platform, String service) {
        super(FaultType.CONSUMER_PAUSE, service);
        this.platform = platform;
    }

    @Override
    void start() {
        paused = platform.process(target());
        paused.pause();
        detail("froze " + target() + " with SIGSTOP (pid " + paused.pid() + "): it consumes and answers nothing");
    }

    @Override
    void end() {
        paused.resume();
        ChildProcess current = platform.process(target());
        current.awaitReady(READY_TIMEOUT, () -> ChaosPlatform.isReady(platform, target()));
        detail(detail() + "; resumed with SIGCONT, ready again");
    }
}
