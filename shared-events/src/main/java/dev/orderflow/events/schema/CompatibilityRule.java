package dev.orderflow.events.schema;

/**
 * Which readers must be able to read which writers, across every earlier revision of a major
 * version ("transitive"). The constant names are the registry's own compatibility levels
 * (Apicurio {@code CompatibilityLevel}), so {@code PROJECT_RULE.name()} configures the registry
 * with the same rule the build gate enforces.
 */
public enum CompatibilityRule {
    /** A consumer on the new revision reads everything written with any earlier one (consumers deploy first). */
    BACKWARD_TRANSITIVE(true, false),
    /** A consumer on any earlier revision reads what the new one writes (producers deploy first). */
    FORWARD_TRANSITIVE(false, true),
    /** Both: producers and consumers deploy independently, in any order, and topics can be replayed. */
    FULL_TRANSITIVE(true, true);

    /**
     * The platform's rule, for the build gate and the runtime registry alike. Services deploy
     * independently and in either order, old events are replayed (dead letters, new consumer
     * groups, rebuilt read models), so a new revision must be readable by old consumers and must
     * read old events: see docs/patterns/schema-evolution.md.
     */
    public static final CompatibilityRule PROJECT_RULE = FULL_TRANSITIVE;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;

    CompatibilityRule(boolean newReadsOld, boolean oldReadsNew) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
    }

    /** Whether a reader on the new revision must read data written with earlier ones (backward). */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Whether readers on earlier revisions must read data written with the new one (forward). */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }
}
