package dev.orderflow.order.service;

import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.persistence.OrderRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Finds orders the saga left behind: not SHIPPED, REJECTED or CANCELLED long after their last
 * step (a consumer down, a dead-lettered fact, a fault nobody healed). Reported three ways: the
 * gauge {@code orderflow.orders.stuck}, {@code GET /orders/stuck}, and a warning naming them.
 */
@ApplicationScoped
public class StuckSagaMonitor {
    private static final Logger LOG = Logger.getLogger(StuckSagaMonitor.class);
    private static final int LOGGED = 10;

    private final OrderRepository orders;
    private final OrderConfig config;
    private final AtomicLong stuck = new AtomicLong();

    StuckSagaMonitor(OrderRepository orders, OrderConfig config, MeterRegistry registry) {
        this.orders = orders;
        this.config = config;
        Gauge.builder("orderflow.orders.stuck", stuck, AtomicLong::get)
                .description("orders not terminal within order.stuck-after of their last transition")
                .register(registry);
    }

    /** The stuck orders, oldest first (at most {@code limit}). */
    @Transactional
    public List<Order> stuckOrders(int limit) {
        return orders.stuck(cutoff(), limit);
    }

    @Scheduled(every = "${order.stuck-check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void check() {
        long count = orders.countStuck(cutoff());
        stuck.set(count);
        if (count > 0) {
            List<String> ids = orders.stuck(cutoff(), LOGGED).stream().map(o -> o.id + " " + o.status).toList();
            LOG.warnf("%d order(s) stuck for more than %s: %s%s", count, config.stuckAfter(), ids, count > LOGGED ? " ..." : "");
        }
    }

    public java.time.Duration stuckAfter() {
        return config.stuckAfter();
    }

    private Instant cutoff() {
        return Instant.now().minus(config.stuckAfter());
    }
}
