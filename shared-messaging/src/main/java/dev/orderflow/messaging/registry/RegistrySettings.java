package dev.orderflow.messaging.registry;

import java.util.Objects;

/**
 * Where the schema registry is and which group holds the platform's contracts.
 *
 * @param url the registry's v3 REST API, e.g. {@code http://127.0.0.1:18080/apis/registry/v3}
 *     (config key {@code orderflow.registry.url}, required)
 * @param group the artifact group of the contracts (config key {@code orderflow.registry.group},
 *     default {@code orderflow})
 */
public record RegistrySettings(String url, String group) {
    public static final String DEFAULT_GROUP = "orderflow";

    public RegistrySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(group, "group");
    }

    public static RegistrySettings of(String url) {
        return new RegistrySettings(url, DEFAULT_GROUP);
    }
}
