package dev.orderflow.order.service;

import dev.orderflow.messaging.outbox.Outbox;
import dev.orderflow.order.domain.CatalogueItem;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderNotFound;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.domain.UnknownSku;
import dev.orderflow.order.persistence.CatalogueRepository;
import dev.orderflow.order.persistence.OrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The order use cases. Each one commits the order and its events together (transactional outbox). */
@ApplicationScoped
public class OrderService {
    private final OrderRepository orders;
    private final CatalogueRepository catalogue;
    private final Outbox outbox;

    OrderService(OrderRepository orders, CatalogueRepository catalogue, Outbox outbox) {
        this.orders = orders;
        this.catalogue = catalogue;
        this.outbox = outbox;
    }

    /** Prices the lines from the catalogue, stores the order PLACED and appends {@code OrderPlaced}. */
    @Transactional
    public Order placeOrder(PlaceOrder command) {
        Map<String, CatalogueItem> items = catalogue.findBySkus(command.lines().stream().map(PlaceOrder.Line::sku).toList())
                .stream().collect(Collectors.toMap(item -> item.sku, Function.identity()));
        var unknown = command.lines().stream().map(PlaceOrder.Line::sku).filter(sku -> !items.containsKey(sku)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSku(unknown);
        }
        PlaceOrder.Address a = command.shippingAddress();
        String currency = items.get(command.lines().get(0).sku()).currency;
        Order order = Order.place(command.customerId(),
                new ShippingAddress(a.name(), a.street(), a.city(), a.postalCode(), a.country()),
                currency, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        command.lines().forEach(line -> order.addLine(line.sku(), line.quantity(), items.get(line.sku()).unitPrice));
        orders.persist(order);
        outbox.append(OrderEvents.orderPlaced(order));
        return order;
    }

    @Transactional
    public Order find(UUID orderId) {
        Order order = orders.findById(orderId);
        if (order == null) {
            throw new OrderNotFound(orderId);
        }
        order.lines.size();
        return order;
    }
}
