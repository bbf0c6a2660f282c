package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.sandbox.platform.RunningPlatform;

/** kill -9 of a service at whatever it was doing; heal starts it again and waits until it is ready. */
final class ServiceKill extends BaseFault {
    private final RunningPlatform platform;

    ServiceKill(RunningPlatform platform, String service) {
        super(FaultType.SERVICE_KILL, service);
        this.platform = platform;
    }

    @Override
    void start() {
        long pid = platform.process(target()).pid();
        platform.kill(target());
        detail("killed " + target() + " with SIGKILL (pid " + pid + "): no shutdown, in-flight work lost");
    }

    @Override
    void end() {
        platform.restart(target());
        detail(detail() + "; restarted, ready again (pid " + platform.process(target()).pid() + ")");
    }
}
