package dev.orderflow.infra.containers;

import dev.orderflow.infra.InfraSpec;
import dev.orderflow.infra.registry.SchemaRegistry;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** Apicurio Registry in a container, the same version the local distribution runs. */
public final class ContainerRegistry implements SchemaRegistry {
    private final GenericContainer<?> container;

    private ContainerRegistry(GenericContainer<?> container) {
        this.container = container;
    }

    public static ContainerRegistry start(String marker) {
        GenericContainer<?> container = new GenericContainer<>(ContainerImages.registry())
                .withLabel(InfraSpec.CONTAINER_MARKER_LABEL, marker)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forPort(8080));
        container.start();
        return new ContainerRegistry(container);
    }

    @Override
    public String apiUrl() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080) + "/apis/registry/v3";
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public void close() {
        container.stop();
    }
}
