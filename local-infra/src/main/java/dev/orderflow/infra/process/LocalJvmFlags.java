package dev.orderflow.infra.process;

import java.util.List;

/**
 * JVM flags for the long-lived JVMs the local platform starts (brokers, registry, services). A
 * setting of the local platform only, not of production: on a 2-core machine that restarts them
 * under load, CPU is the limit. C1 alone took about half the CPU per order of tiered C1+C2, and
 * C2 compilation was a broker's busiest thread; measurements in docs/chaos.md ("Where a 2000-order
 * run spends its time").
 */
public final class LocalJvmFlags {
    private LocalJvmFlags() {}

    /**
     * C1 only and one GC thread. No class-data archive: with {@code -XX:+AutoCreateSharedArchive}
     * every JVM could rewrite the archive at exit, and in a chaos run two restarted services crashed
     * (SIGSEGV) looking up a lambda in it; docs/chaos.md has the evidence and the start-up cost.
     */
    public static final List<String> LEAN = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
}
