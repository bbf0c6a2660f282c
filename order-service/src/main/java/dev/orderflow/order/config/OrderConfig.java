package dev.orderflow.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** order-service's own settings ({@code order.*}). */
@ConfigMapping(prefix = "order")
public interface OrderConfig {

    /** An order not terminal this long after its last transition is a stuck saga (metric, endpoint, log). */
    @WithDefault("5m")
    Duration stuckAfter();

    /** How often the stuck-saga check runs. */
    @WithDefault("30s")
    Duration stuckCheckInterval();

    /** How often the orders-per-state gauges ({@code orderflow.orders{status}}) are counted. */
    @WithDefault("15s")
    Duration metricsInterval();
}
