package dev.orderflow.provider;

import java.util.Objects;

/**
 * How to start the stub.
 *
 * @param host    the address to bind: 127.0.0.1 locally, 0.0.0.0 in a container
 * @param port    0 for a free port
 * @param jdbcUrl an existing database; the stub creates its tables itself
 * @param threads request threads (a request hanging in {@code chargeThenTimeout} holds one)
 * @param faults  the fault knobs at start; changeable at runtime through {@code PUT /v1/admin/faults}
 */
public record ProviderConfig(String host, int port, String jdbcUrl, String user, String password, int threads, FaultSettings faults) {
    public static final int DEFAULT_THREADS = 32;

    public ProviderConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        host = host == null || host.isBlank() ? PaymentProvider.LOOPBACK : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        faults = faults == null ? FaultSettings.NONE : faults;
    }

    /** A free port, no faults. */
    public static ProviderConfig of(String jdbcUrl, String user, String password) {
        return new ProviderConfig(PaymentProvider.LOOPBACK, 0, jdbcUrl, user, password, DEFAULT_THREADS, FaultSettings.NONE);
    }

    public ProviderConfig withPort(int newPort) {
        return new ProviderConfig(host, newPort, jdbcUrl, user, password, threads, faults);
    }

    public ProviderConfig withFaults(FaultSettings newFaults) {
        return new ProviderConfig(host, port, jdbcUrl, user, password, threads, newFaults);
    }
}
