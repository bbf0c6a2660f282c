package dev.orderflow.messaging.lab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The patterns switched off ({@code orderflow.messaging.naive.*}), for demonstrations only. */
@ConfigMapping(prefix = "orderflow.messaging.naive")
public interface NaiveConfig {
    @WithDefault("false")
    boolean dualWrite();

    @WithDefault("false")
    boolean noInbox();

    @WithDefault("false")
    boolean noSequenceChecks();

    /** External calls get a new idempotency key per attempt (read by the services that make them). */
    @WithDefault("false")
    boolean noIdempotencyKeys();

    /** The relay publishes without the trace stored with each row (lab only; not part of naive mode). */
    @WithDefault("false")
    boolean noTracePropagation();

    /**
     * Every consumer failure is retried as transient, so a poison record blocks its partition instead
     * of going to the dead-letter topic (lab only; not part of naive mode).
     */
    @WithDefault("false")
    boolean noFailureClassification();
}
