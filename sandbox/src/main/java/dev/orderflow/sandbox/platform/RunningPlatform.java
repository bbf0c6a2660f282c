package dev.orderflow.sandbox.platform;

import dev.orderflow.infra.RunningInfra;
import dev.orderflow.infra.process.ChildProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform as started: infrastructure, the payment provider stub and the four service processes. */
public record RunningPlatform(PlatformLayout layout, RunningInfra infra, ChildProcess provider, List<ChildProcess> services)
        implements AutoCloseable {

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
