package dev.orderflow.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment-provider stub, started in this JVM (tests) or by {@link PaymentProviderMain} (a process).
 *
 * <pre>{@code
 * try (PaymentProvider provider = PaymentProvider.start(ProviderConfig.of(jdbcUrl, user, password))) {
 *     client.post(provider.url() + "/v1/charges", ...);
 * }
 * }</pre>
 */
public final class PaymentProvider implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Faults faults;

    private PaymentProvider(HttpServer server, ExecutorService threads, Faults faults) {
        this.server = server;
        this.threads = threads;
        this.faults = faults;
    }

    /** Creates the ledger tables if needed, binds the configured host (127.0.0.1 by default) and serves until {@link #close()}. */
    public static PaymentProvider start(ProviderConfig config) {
        Ledger ledger = new Ledger(config.jdbcUrl(), config.user(), config.password());
        ledger.createTables();
        Faults faults = new Faults(config.faults());
        AtomicInteger counter = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(config.threads(), task -> {
            Thread thread = new Thread(task, "payment-provider-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 128);
            server.createContext("/", new ProviderApi(ledger, faults));
            server.setExecutor(threads);
            server.start();
            return new PaymentProvider(server, threads, faults);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("payment-provider cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://" + LOOPBACK + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FaultSettings faults() {
        return faults.settings();
    }

    /** The same as {@code PUT /v1/admin/faults} with every field. */
    public void setFaults(FaultSettings settings) {
        faults.set(settings);
    }

    /** Stops listening and interrupts requests still running (including hung ones). */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
