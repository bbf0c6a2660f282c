package dev.orderflow.sandbox.chaos.fault;

/**
 * The inject/heal bookkeeping every fault shares: one injection per instance, heal idempotent and
 * a no-op before inject. A fault counts as injected as soon as its injection starts, so a partial
 * injection that failed is still healed.
 */
abstract class BaseFault implements Fault {
    private final FaultType type;
    private final String target;
    private boolean injected;
    private boolean used;
    private volatile String detail = "";

    BaseFault(FaultType type, String target) {
        this.type = type;
        this.target = target;
    }

    @Override
    public final FaultType type() {
        return type;
    }

    @Override
    public final String target() {
        return target;
    }

    @Override
    public final synchronized void inject() {
        if (used) {
            throw new IllegalStateException(this + " was injected already; create a new fault instance");
        }
        used = true;
        injected = true;
        start();
    }

    @Override
    public final synchronized void heal() {
        if (!injected) {
            return;
        }
        end();
        injected = false;
    }

    synchronized boolean injected() {
        return injected;
    }

    @Override
    public String detail() {
        return detail;
    }

    void detail(String text) {
        detail = text;
    }

    /** Puts the fault in effect. */
    abstract void start();

    /** Ends it and waits until the target is back. */
    abstract void end();

    @Override
    public String toString() {
        return type.scenario() + " on " + target;
    }
}
