package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.sandbox.platform.RunningPlatform;
import java.time.Duration;

/**
 * Every service's database connection cut at the TCP proxy and new ones refused, as when the
 * database host drops off the network: transactions in flight fail, retries fail until heal.
 * Heal accepts connections again and waits until every service reports ready.
 */
final class DatabaseCut extends BaseFault {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private final RunningPlatform platform;
    private final DatabaseProxy proxy;

    DatabaseCut(RunningPlatform platform, DatabaseProxy proxy) {
        super(FaultType.DB_CUT, "postgres");
        this.platform = platform;
        this.proxy = proxy;
    }

    @Override
    void start() {
        int open = proxy.connections();
        proxy.cut();
        detail("cut all " + open + " database connections of the services at the proxy and refused new ones");
    }

    @Override
    void end() {
        proxy.restore();
        for (String service : ChaosPlatform.SERVICES) {
            platform.process(service).awaitReady(READY_TIMEOUT, () -> ChaosPlatform.isReady(platform, service));
        }
        detail(detail() + "; connections accepted again, every service ready");
    }
}
