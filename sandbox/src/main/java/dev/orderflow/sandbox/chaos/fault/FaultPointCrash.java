package dev.orderflow.sandbox.chaos.fault;

import dev.orderflow.infra.InfraException;
import dev.orderflow.sandbox.platform.RunningPlatform;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A crash at a precise moment, through shared-messaging's fault points: the service is restarted
 * with {@code orderflow.messaging.faults.<point>=halt} and halts (exit 86) the first time it gets
 * there. Heal waits (bounded) for the halt, then starts the service normally: it must find the
 * work it did not finish (the record to consume again, the outbox row to publish again).
 */
final class FaultPointCrash extends BaseFault {
    /** shared-messaging's FaultPoints.HALT_STATUS: an injected crash, not a real one. */
    static final int HALT_STATUS = 86;
    static final String CONSUMER_POINT = "after-consumer-commit-before-offset-commit";
    static final String RELAY_POINT = "after-publish-before-mark";
    /** Naive dual-write mode has no relay: its publish follows the commit, and this is where it crashes. */
    static final String DUAL_WRITE_POINT = "after-commit-before-publish";
    private static final String PREFIX = "orderflow.messaging.faults.";

    private final RunningPlatform platform;
    private final String point;
    private final Duration haltWait;
    private final ProcessDeaths deaths;
    private Integer exitStatus;

    FaultPointCrash(FaultType type, RunningPlatform platform, String service, Duration haltWait, boolean dualWrite,
            ProcessDeaths deaths) {
        super(type, service);
        this.deaths = deaths;
        this.platform = platform;
        this.point = type == FaultType.RELAY_CRASH ? (dualWrite ? DUAL_WRITE_POINT : RELAY_POINT) : CONSUMER_POINT;
        this.haltWait = haltWait;
    }

    String point() {
        return point;
    }

    /** The exit status of the armed process, once it exited; null while it runs. */
    synchronized Integer exitStatus() {
        return exitStatus;
    }

    @Override
    void start() {
        try {
            platform.restart(target(), Map.of(PREFIX + point, "halt"));
            detail(target() + " restarted with the fault point " + point + " armed: it halts the first time it gets there");
        } catch (InfraException exitedDuringStartUp) {
            // Work left over from before (records to consume, rows to publish) reached the point at once.
            // Gone is not yet reaped: the exit status arrives a moment after the process is no longer alive.
            exitStatus = platform.process(target()).awaitExit(Duration.ofSeconds(10)).stream().boxed().findFirst().orElse(null);
            if (!Integer.valueOf(HALT_STATUS).equals(exitStatus)) {
                if (exitStatus != null) {
                    deaths.exitedUnplanned(target(), exitStatus, "exit " + HALT_STATUS + " at " + point);
                }
                throw exitedDuringStartUp;
            }
            detail(target() + " halted at " + point + " (exit " + HALT_STATUS + ") while starting with it armed");
        }
    }

    @Override
    void end() {
        if (exitStatus == null) {
            OptionalInt exit = platform.process(target()).awaitExit(haltWait);
            exitStatus = exit.isPresent() ? exit.getAsInt() : null;
            if (exitStatus == null) {
                detail(target() + " ran with " + point + " armed but never got there within " + haltWait.toSeconds()
                        + " s (no traffic through it); restarted normally");
            } else if (exitStatus == HALT_STATUS) {
                detail(target() + " halted at " + point + " (exit " + HALT_STATUS + "); restarted normally, ready again");
            } else {
                deaths.exitedUnplanned(target(), exitStatus, "exit " + HALT_STATUS + " at " + point);
                detail(target() + " exited with status " + exitStatus + " (not the fault point's " + HALT_STATUS
                        + "): a real crash; restarted normally");
            }
        } else {
            detail(detail() + "; restarted normally, ready again");
        }
        platform.restart(target());
    }
}
