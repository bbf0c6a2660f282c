package dev.orderflow.infra.registry;

/** A running Apicurio Registry, local child JVM or container. */
public interface SchemaRegistry extends AutoCloseable {

    /** Base URL of the v3 REST API, e.g. {@code http://127.0.0.1:18080/apis/registry/v3}. */
    String apiUrl();

    /** Pid of the registry process, or -1 for a container. */
    long pid();

    @Override
    void close();
}
