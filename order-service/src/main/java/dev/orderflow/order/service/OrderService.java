package dev.orderflow.order.service;

import dev.orderflow.messaging.envelope.EventEnvelope;
import dev.orderflow.messaging.outbox.Outbox;
import dev.orderflow.messaging.tracing.EventLogContext;
import io.opentelemetry.api.trace.Span;
import org.jboss.logging.Logger;
import dev.orderflow.order.domain.CatalogueItem;
import dev.orderflow.order.domain.IdempotencyKeyReused;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderFact;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.statemachine.TransitionVerdict;
import dev.orderflow.order.domain.OrderTransition;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.domain.UnknownSku;
import dev.orderflow.order.persistence.CatalogueRepository;
import dev.orderflow.order.persistence.IdempotencyKeyRepository;
import dev.orderflow.order.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The order use cases. Each one commits the order and its events together (transactional outbox). */
@ApplicationScoped
public class OrderService {
    private static final Logger LOG = Logger.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final CatalogueRepository catalogue;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final Outbox outbox;
    private final SagaMetrics sagaMetrics;

    OrderService(OrderRepository orders, CatalogueRepository catalogue, IdempotencyKeyRepository idempotencyKeys,
            Outbox outbox, SagaMetrics sagaMetrics) {
        this.sagaMetrics = sagaMetrics;
        this.orders = orders;
        this.catalogue = catalogue;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
    }

    /** A placed order, and whether it was created now or replayed for a repeated Idempotency-Key. */
    public record Placement(Order order, boolean replayed) {}

    /**
     * Prices the lines from the catalogue, stores the order PLACED and appends {@code OrderPlaced}.
     * With an idempotency key, a repeat of the same request returns the order the key created; the
     * same key with another request is refused ({@link IdempotencyKeyReused}).
     */
    @Transactional
    public Placement placeOrder(PlaceOrder command, Optional<String> idempotencyKey) {
        UUID orderId = UUID.randomUUID();
        if (idempotencyKey.isPresent()) {
            String key = idempotencyKey.get();
            String fingerprint = command.fingerprint();
            var holder = idempotencyKeys.claimOrGetHolder(key, fingerprint, orderId);
            if (holder.isPresent()) {
                if (!holder.get().fingerprint().equals(fingerprint)) {
                    throw new IdempotencyKeyReused(key, holder.get().orderId());
                }
                return new Placement(loaded(orders.findById(holder.get().orderId()), holder.get().orderId()), true);
            }
        }
        Map<String, CatalogueItem> items = catalogue.findBySkus(command.lines().stream().map(PlaceOrder.Line::sku).toList())
                .stream().collect(Collectors.toMap(item -> item.sku, Function.identity()));
        var unknown = command.lines().stream().map(PlaceOrder.Line::sku).filter(sku -> !items.containsKey(sku)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku(unknown);
        }
        PlaceOrder.Address a = command.shippingAddress();
        String currency = items.get(command.lines().get(0).sku()).currency;
        Order order = Order.place(orderId, command.customerId(),
                new ShippingAddress(a.name(), a.street(), a.city(), a.postalCode(), a.country()),
                currency, now());
        command.lines().forEach(line -> order.addLine(line.sku(), line.quantity(), items.get(line.sku()).unitPrice));
        orders.persist(order);
        EventEnvelope placed = outbox.append(OrderEvents.orderPlaced(order));
        order.recordPlaced(cause(placed));
        // Written now, not at commit: Hibernate skips its commit-time flush once a stopping service
        // closes the persistence unit, and the order and outbox rows would commit without this step.
        orders.flush();
        try (var logContext = EventLogContext.ofOrder(orderId.toString(), placed.correlationId(), Span.current())) {
            LOG.infof("order %s placed: %d line(s), %s %s, OrderPlaced %s", orderId, order.lines.size(), order.totalAmount, currency, placed.id());
        }
        return new Placement(order, false);
    }

    /**
     * Records the customer's cancel request and publishes {@code OrderCancellationRequested};
     * shipping-service then settles the race (docs/saga.md). Refused once nothing is left to
     * cancel; a repeated request publishes nothing new.
     */
    @Transactional
    public Order requestCancellation(UUID orderId, String reason) {
        Order order = orders.lock(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        if (order.requestCancellation(reason, now())) {
            EventEnvelope requested = outbox.append(OrderEvents.orderCancellationRequested(order));
            try (var logContext = EventLogContext.ofOrder(orderId.toString(), requested.correlationId(), Span.current())) {
                LOG.infof("order %s: cancellation requested, OrderCancellationRequested %s", orderId, requested.id());
            }
            orders.flush(); // as in placeOrder: the event must not commit without the request
        }
        return loaded(order, orderId);
    }

    /**
     * Applies a fact of another service to the order (inside the inbox transaction). Returns what
     * the state table decided; an {@code APPLY} has moved the order and recorded the step.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TransitionVerdict follow(UUID orderId, OrderFact fact, OrderTransition.Cause cause) {
        Order order = orders.lock(orderId).orElseThrow(() -> new OrderNotFound(orderId));
        TransitionVerdict verdict = order.status.verdictFor(fact);
        if (verdict == TransitionVerdict.APPLY) {
            Instant now = now();
            order.moveTo(fact.target, cause, now);
            if (order.status.isTerminal()) {
                sagaMetrics.sagaEnded(order, now);
            }
        }
        return verdict;
    }

    @Transactional
    public Order find(UUID orderId) {
        return loaded(orders.findById(orderId), orderId);
    }

    /**
     * A page of orders in placement order.
     *
     * @param after the last order id of the previous page; an unknown id is refused
     */
    @Transactional
    public List<Order> list(OrderStatus status, UUID after, int limit) {
        Order cursor = after == null ? null : orders.findByIdOptional(after).orElseThrow(() -> new OrderNotFound(after));
        List<Order> page = orders.page(status, cursor, limit);
        page.forEach(order -> order.lines.size());
        return page;
    }

    private static Order loaded(Order order, UUID orderId) {
        if (order == null) {
            throw new OrderNotFound(orderId);
        }
        order.lines.size();
        order.history.size();
        return order;
    }

    private static OrderTransition.Cause cause(EventEnvelope envelope) {
        return new OrderTransition.Cause(envelope.id(), envelope.type(), envelope.sequence());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
