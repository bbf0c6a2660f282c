package dev.orderflow.messaging.relay;

import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Whether the relay makes progress, since when it does not and why: what readiness reports. */
final class RelayHealth {
    private static final Logger LOG = Logger.getLogger(RelayHealth.class);

    private final String name;
    private final Clock clock;
    private volatile Instant failingSince;
    private volatile String lastError;

    RelayHealth(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    void recovered() {
        failingSince = null;
        lastError = null;
    }

    void failed(Exception e) {
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        lastError = e.toString();
        LOG.warnf("outbox relay %s cannot make progress: %s", name, e.toString());
    }

    /** Null while the relay makes progress. */
    Instant failingSince() {
        return failingSince;
    }

    String lastError() {
        return lastError;
    }
}
