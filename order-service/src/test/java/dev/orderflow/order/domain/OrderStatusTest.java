package dev.orderflow.order.domain;

import static dev.orderflow.order.domain.OrderStatus.CANCELLED;
import static dev.orderflow.order.domain.OrderStatus.PAID;
import static dev.orderflow.order.domain.OrderStatus.PLACED;
import static dev.orderflow.order.domain.OrderStatus.REJECTED;
import static dev.orderflow.order.domain.OrderStatus.RESERVED;
import static dev.orderflow.order.domain.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED = Map.of(
            PLACED, EnumSet.of(RESERVED, REJECTED, CANCELLED),
            RESERVED, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void everyTransitionIsAllowedOrRefusedExactlyAsTheSagaSays() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void terminalStatesAreShippedRejectedAndCancelled() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
                .containsExactlyInAnyOrder(SHIPPED, REJECTED, CANCELLED);
    }

    @Test
    void refusedTransitionLeavesTheOrderUnchanged() {
        Order order = Order.place("c-1", new ShippingAddress("A", "B", "C", "D", "NL"), "EUR", Instant.now());
        order.moveTo(RESERVED);

        assertThatThrownBy(() -> order.moveTo(PLACED)).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("RESERVED to PLACED");
        assertThat(order.status).isEqualTo(RESERVED);
    }
}
