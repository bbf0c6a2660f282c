package dev.orderflow.messaging.lab;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Named, off-by-default crash hooks for tests and the chaos sandbox. The lab's decorators call
 * {@link #reach(FaultPoint)} at each dangerous moment; it does nothing unless configured.
 */
public final class FaultPoints {
    /** Exit status of a halted process, so a test can tell an injected crash from a real one. */
    public static final int HALT_STATUS = 86;

    /** Configuration prefix, e.g. {@code orderflow.messaging.faults.after-publish-before-mark=halt}. */
    public static final String CONFIG_PREFIX = "orderflow.messaging.faults.";

    private static final Logger LOG = Logger.getLogger(FaultPoints.class);

    private final Map<FaultPoint, FaultAction> actions;
    private final java.util.Set<FaultPoint> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public FaultPoints(Map<FaultPoint, FaultAction> actions) {
        this.actions = actions.isEmpty() ? new EnumMap<>(FaultPoint.class) : new EnumMap<>(actions);
    }

    public static FaultPoints none() {
        return new FaultPoints(Map.of());
    }

    public static FaultPoints of(FaultPoint point, FaultAction action) {
        return new FaultPoints(Map.of(point, action));
    }

    /** Reads {@code <prefix><key>} for every fault point from any configuration source (system properties, MicroProfile Config). */
    public static FaultPoints fromConfig(Function<String, Optional<String>> config) {
        Map<FaultPoint, FaultAction> actions = new EnumMap<>(FaultPoint.class);
        for (FaultPoint point : FaultPoint.values()) {
            config.apply(CONFIG_PREFIX + point.key())
                    .map(value -> FaultAction.valueOf(value.trim().toUpperCase(Locale.ROOT)))
                    .ifPresent(action -> actions.put(point, action));
        }
        return new FaultPoints(actions);
    }

    /** Whether reaching {@code point} does anything (halt or fail). */
    public boolean armed(FaultPoint point) {
        return actions.getOrDefault(point, FaultAction.NONE) != FaultAction.NONE;
    }

    public void reach(FaultPoint point) {
        FaultAction action = actions.getOrDefault(point, FaultAction.NONE);
        switch (action) {
            case NONE -> {}
            case HALT -> {
                LOG.warnf("fault point %s: halting the process", point.key());
                System.out.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
            case FAIL -> {
                // Once per process: the operation is retried and must then get past the point.
                if (failed.add(point)) {
                    LOG.warnf("fault point %s: failing the operation", point.key());
                    throw new InjectedFaultException(point);
                }
            }
        }
    }
}
