package dev.orderflow.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The schema registry every service publishes and consumes through ({@code orderflow.registry.*}).
 * The URL is required: without a registry the relay could not register what it publishes and
 * consumers could not read the writer's schema, so a service without it does not start (SmallRye
 * Config names the missing key). {@code ./orderflow up} and the test resource set it; elsewhere set
 * {@code ORDERFLOW_REGISTRY_URL}.
 */
@ConfigMapping(prefix = "orderflow.registry")
public interface RegistryConfig {

    /** The registry's v3 REST API, e.g. {@code http://127.0.0.1:18080/apis/registry/v3}. */
    String url();

    /** The artifact group of the platform's contracts; one artifact per {@code ce_type}. */
    @WithDefault("orderflow")
    String group();
}
