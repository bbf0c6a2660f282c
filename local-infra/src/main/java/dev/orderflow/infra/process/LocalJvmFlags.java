package dev.orderflow.infra.process;

import java.nio.file.Path;
import java.util.ArrayList;
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

    /** C1 only and one GC thread. */
    public static final List<String> LEAN = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * {@link #LEAN} plus a class-data archive at {@code archive}, written by the first graceful stop
     * after the jars change; later starts are cheaper. Quiet about it: a stale archive and options the
     * JDK's base archive was not made with each log an [error] that only disables one optimisation.
     */
    public static List<String> leanWithClassDataArchive(Path archive) {
        List<String> flags = new ArrayList<>(LEAN);
        flags.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                "-Xlog:cds=off"));
        return List.copyOf(flags);
    }
}
