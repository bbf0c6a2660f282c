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
     * Starts the service again with extra configuration for this one start (e.g. a fault point
     * armed) and waits until it is ready; the next plain {@link #restart(String)} drops it. The
     * new process replaces the old one before it is awaited: if it dies during start-up, {@link
     * #process} still shows it, with its exit status.
     */
    public void restart(String service, Map<String, String> extraConfig) {
        restart(List.of(service), extraConfig);
    }

    /**
     * {@link #restart(String, Map)} for several services at once: all are stopped, all started,
     * then each awaited, so their start-ups overlap instead of queueing.
     */
    public void restart(List<String> names, Map<String, String> extraConfig) {
        Map<ChildProcess, ServiceSpec> started = new LinkedHashMap<>();
        for (String service : names) {
            ChildProcess old = process(service);
            old.stop();
            ServiceSpec spec = layout.service(service);
            Map<String, String> config = new LinkedHashMap<>(spec.extraConfig());
            config.putAll(extraConfig);
            ServiceSpec configured = new ServiceSpec(spec.name(), spec.port(), spec.database(), Map.copyOf(config));
            ChildProcess process = Platform.launchService(layout, infra, configured);
            services.set(services.indexOf(old), process);
            started.put(process, configured);
        }
        started.forEach(Platform::awaitService);
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
