package dev.orderflow.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The current knobs and their seeded random source; draws are serialised so a seed replays the
 * same sequence. Counts the faults it injected, so a chaos run can tell a fault that hit nothing.
 */
final class Faults {
    private FaultSettings settings;
    private Random random;
    private long errorsInjected;
    private long chargeThenTimeoutsInjected;
    private long unauthorizedInjected;

    Faults(FaultSettings initial) {
        set(initial);
    }

    synchronized FaultSettings settings() {
        return settings;
    }

    /** Replaces the knobs; a new seed restarts the random sequence. */
    synchronized void set(FaultSettings next) {
        if (random == null || settings.seed() != next.seed()) {
            random = new Random(next.seed());
        }
        settings = next;
    }

    /** The knobs and, under {@code injected}, how many faults each knob caused since the start. */
    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("latencyMs", settings.latencyMs());
        view.put("errorRate", settings.errorRate());
        view.put("chargeThenTimeoutRate", settings.chargeThenTimeoutRate());
        view.put("unauthorizedRate", settings.unauthorizedRate());
        view.put("seed", settings.seed());
        view.put("injected", Map.of("errors", errorsInjected, "chargeThenTimeouts", chargeThenTimeoutsInjected,
                "unauthorized", unauthorizedInjected));
        return view;
    }

    synchronized boolean failWithError() {
        boolean fail = draw(settings.errorRate());
        errorsInjected += fail ? 1 : 0;
        return fail;
    }

    synchronized boolean refuseAsUnauthorized() {
        boolean refuse = draw(settings.unauthorizedRate());
        unauthorizedInjected += refuse ? 1 : 0;
        return refuse;
    }

    synchronized boolean chargeThenTimeout() {
        boolean hang = draw(settings.chargeThenTimeoutRate());
        chargeThenTimeoutsInjected += hang ? 1 : 0;
        return hang;
    }

    private boolean draw(double rate) {
        // Draw only when the knob is on: turning one knob on must not shift the other's sequence.
        return rate > 0 && random.nextDouble() < rate;
    }
}
