package dev.orderflow.provider;

import java.util.Random;

/** The current knobs and their seeded random source; draws are serialised so a seed replays the same sequence. */
final class Faults {
    private FaultSettings settings;
    private Random random;

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

    synchronized boolean failWithError() {
        return draw(settings.errorRate());
    }

    synchronized boolean chargeThenTimeout() {
        return draw(settings.chargeThenTimeoutRate());
    }

    private boolean draw(double rate) {
        // Draw only when the knob is on: turning one knob on must not shift the other's sequence.
        return rate > 0 && random.nextDouble() < rate;
    }
}
