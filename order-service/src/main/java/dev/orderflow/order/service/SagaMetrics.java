package dev.orderflow.order.service;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.persistence.OrderRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The saga as numbers: {@code orderflow.saga.duration{outcome}} (placed → terminal, a histogram)
 * and {@code orderflow.orders{status}} (orders per state, counted from the table).
 */
@ApplicationScoped
public class SagaMetrics {
    private final MeterRegistry registry;
    private final OrderRepository orders;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<OrderStatus, AtomicLong> byStatus = new EnumMap<>(OrderStatus.class);

    SagaMetrics(MeterRegistry registry, OrderRepository orders, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.orders = orders;
        this.transactions = transactions;
        for (OrderStatus status : OrderStatus.values()) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("orderflow.orders", count, AtomicLong::get)
                    .description("orders per state")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    /**
     * The order reached a terminal state in the current transaction: its saga duration is recorded
     * once that transaction commits (a rolled-back or retried delivery records nothing).
     */
    void sagaEnded(Order order, Instant at) {
        Duration took = Duration.between(order.placedAt, at);
        String outcome = order.status.name();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Timer.builder("orderflow.saga.duration")
                            .description("time from OrderPlaced to a terminal state")
                            .tag("outcome", outcome)
                            .publishPercentileHistogram()
                            .register(registry)
                            .record(took);
                }
            }
        });
    }

    @Scheduled(every = "${order.metrics-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void countOrdersByStatus() {
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.get(status).set(orders.count("status", status));
        }
    }
}
