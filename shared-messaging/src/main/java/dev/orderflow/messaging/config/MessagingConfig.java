package dev.orderflow.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every {@code orderflow.messaging.*} key, with its default. See shared-messaging/README.md. */
@ConfigMapping(prefix = "orderflow.messaging")
public interface MessagingConfig {

    /** This service's name: dead-letter headers, producer client ids, the default {@code ce_source}. */
    @WithDefault("${quarkus.application.name}")
    String service();

    /** {@code ce_source} of the events this service publishes; defaults to {@code /orderflow/<service>}. */
    Optional<String> source();

    /**
     * {@code off} leaves {@code EventsConsumer} (the {@code events-in} channel's {@code @Incoming})
     * out of the build, for an application that declares its own channels. Read at build time
     * ({@code @IfBuildProperty}); declared here so the key is known.
     */
    @WithDefault("on")
    String eventsChannel();

    Relay relay();

    Consumer consumer();

    Metrics metrics();

    default String effectiveSource() {
        return source().orElse("/orderflow/" + service());
    }

    interface Relay {
        /** Run the outbox relay in this process (every instance runs one; one leads). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** Longest wait between rounds when no NOTIFY arrives (the polling fallback). */
        @WithDefault("2s")
        Duration pollInterval();

        @WithDefault("1s")
        Duration standbyRetry();

        /** Published rows older than this are deleted. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("10m")
        Duration cleanupInterval();

        /** Longest wait between retries of a row the broker rejected; its aggregate's later rows wait for it. */
        @WithDefault("1m")
        Duration failedRowMaxBackoff();
    }

    interface Metrics {
        /** How often {@code OutboxBacklogProbe} measures the outbox backlog (pending rows, oldest age). */
        @WithDefault("5s")
        Duration outboxBacklogInterval();
    }

    interface Consumer {
        /** How long an event may stay parked (gap or prerequisite) before it is dead-lettered. */
        @WithDefault("10m")
        Duration parkedTimeout();

        /** How often parked events are re-examined and expired ones dead-lettered. */
        @WithDefault("10s")
        Duration sweepInterval();

        /**
         * Inbox rows older than this are deleted (longer than any redelivery or replay window; an
         * older redelivery is still caught by the sequence check, as stale or a duplicate of the last sequence).
         */
        @WithDefault("30d")
        Duration inboxRetention();

        /** How often the inbox retention runs. */
        @WithDefault("1h")
        Duration inboxCleanupInterval();

        @WithDefault("100ms")
        Duration initialBackoff();

        @WithDefault("5s")
        Duration maxBackoff();

        /** Attempts for an unclassified exception before it is treated as permanent. */
        @WithDefault("3")
        int maxUnknownAttempts();
    }
}
