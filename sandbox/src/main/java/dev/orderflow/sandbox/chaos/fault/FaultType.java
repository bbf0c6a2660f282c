package dev.orderflow.sandbox.chaos.fault;

import java.util.Arrays;
import java.util.Locale;

/** The faults the chaos sandbox injects; each is also a scenario name ({@code --scenario db-cut}). */
public enum FaultType {
    /** Records re-published with their original event id: consumers must apply them once. */
    DUPLICATE_DELIVERY,
    /** The delivery forwarder holds records and releases them shuffled per key, late. */
    REORDER_DELAY,
    /** A consumer halts after its business commit, before its offset commit; restarted, it sees the record again. */
    CONSUMER_CRASH,
    /** The relay halts after the broker's ack, before marking the outbox row; restarted, it publishes the row again. */
    RELAY_CRASH,
    /** kill -9 of a service at a random moment, then a restart. */
    SERVICE_KILL,
    /** kill -9 of one of three Kafka brokers (leader failover), then a restart. */
    BROKER_KILL,
    /** Every database connection through the TCP proxy cut, new ones refused, then restored. */
    DB_CUT,
    /** SIGSTOP of a service (a long GC pause, a frozen VM), then SIGCONT. */
    CONSUMER_PAUSE,
    /** Records no consumer can decode: they must end on the dead-letter topic, and nothing else. */
    POISON,
    /** A schema change that breaks compatibility, attempted against the registry: it must be refused. */
    INCOMPATIBLE_SCHEMA,
    /** The payment provider charges, then times out the response: the capture outcome is unknown. */
    PROVIDER_CHARGE_TIMEOUT;

    /** The scenario name: {@code DB_CUT} → {@code db-cut}. */
    public String scenario() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FaultType fromScenario(String name) {
        return Arrays.stream(values()).filter(t -> t.scenario().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + name + "'; known: all, "
                        + String.join(", ", Arrays.stream(values()).map(FaultType::scenario).toList())));
    }
}
