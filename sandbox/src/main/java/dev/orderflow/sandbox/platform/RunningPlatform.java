package dev.orderflow.sandbox.platform;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.process.ChildProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform as started: infrastructure, the payment provider stub and the four service processes.
 * Services can be killed and restarted (fault injection); {@link #services()} is the current set.
 */
public record RunningPlatform(PlatformLayout layout, RunningInfra infra, ChildProcess provider, List<ChildProcess> services)
        implements AutoCloseable {

    public RunningPlatform {
        services = new CopyOnWriteArrayList<>(services);
    }

    /** The running process of one service. */
    public ChildProcess process(String service) {
        return services.stream().filter(p -> p.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running process for " + service));
    }

    /** SIGKILL, as a crash would: no shutdown hooks, nothing flushed. */
    public void kill(String service) {
        process(service).kill();
    }

    /** Starts the service again (after {@link #kill} or a crash) and waits until it is ready. */
    public void restart(String service) {
        restart(service, Map.of());
    }

    /**
     * Stops the service and starts it again with {@code config} added to its configuration (e.g. the
     * naive flags), then waits until it is ready. Later plain restarts go back to the layout's configuration.
     */
    public void restart(String service, Map<String, String> config) {
        ChildProcess old = process(service);
        old.stop();
        ChildProcess started = Platform.startService(layout, infra, layout.withServiceConfig(config).service(service), (c, d, t) -> {});
        services.set(services.indexOf(old), started);
    }

    /** Component name → where it listens, in start order. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("kafka", infra.kafkaBootstrapServers());
        endpoints.put("postgres", infra.postgres().jdbcUrl("<service>_db"));
        infra.registry().ifPresent(r -> endpoints.put("registry", r.apiUrl()));
        endpoints.put(PlatformLayout.PROVIDER, layout.providerUrl());
        layout.services().forEach(s -> endpoints.put(s.name(), s.url()));
        return endpoints;
    }

    public String url(String service) {
        return layout.service(service).url();
    }

    /** Stops services, then infrastructure. */
    @Override
    public void close() {
        services.parallelStream().forEach(ChildProcess::stop);
        provider.stop();
        if (layout.infra().owned()) {
            infra.close();
        } else {
            Platform.down(layout);
        }
    }
}
