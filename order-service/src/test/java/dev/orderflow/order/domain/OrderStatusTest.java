package dev.orderflow.order.domain;

import static dev.orderflow.order.domain.OrderFact.INVENTORY_REJECTED;
import static dev.orderflow.order.domain.OrderFact.INVENTORY_RELEASED;
import static dev.orderflow.order.domain.OrderFact.INVENTORY_RESERVED;
import static dev.orderflow.order.domain.OrderFact.PAYMENT_CAPTURED;
import static dev.orderflow.order.domain.OrderFact.SHIPMENT_SCHEDULED;
import static dev.orderflow.order.domain.OrderStatus.CANCELLED;
import static dev.orderflow.order.domain.OrderStatus.PAID;
import static dev.orderflow.order.domain.OrderStatus.PLACED;
import static dev.orderflow.order.domain.OrderStatus.REJECTED;
import static dev.orderflow.order.domain.OrderStatus.RESERVED;
import static dev.orderflow.order.domain.OrderStatus.SHIPPED;
import static dev.orderflow.statemachine.TransitionVerdict.APPLY;
import static dev.orderflow.statemachine.TransitionVerdict.IGNORE;
import static dev.orderflow.statemachine.TransitionVerdict.PARK;
import static dev.orderflow.statemachine.TransitionVerdict.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.statemachine.TransitionVerdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED = Map.of(
            PLACED, EnumSet.of(RESERVED, REJECTED),
            RESERVED, EnumSet.of(PAID, CANCELLED),
            PAID, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class));

    /** Rows: the order's status; columns: RESERVED, REJECTED, CAPTURED, SCHEDULED, RELEASED (docs/saga.md). */
    private static final Map<OrderStatus, List<TransitionVerdict>> REACTIONS = Map.of(
            PLACED, List.of(APPLY, APPLY, PARK, PARK, REFUSE),
            RESERVED, List.of(IGNORE, REFUSE, APPLY, PARK, APPLY),
            PAID, List.of(IGNORE, REFUSE, IGNORE, APPLY, APPLY),
            SHIPPED, List.of(IGNORE, REFUSE, IGNORE, IGNORE, REFUSE),
            REJECTED, List.of(REFUSE, IGNORE, REFUSE, REFUSE, REFUSE),
            CANCELLED, List.of(IGNORE, REFUSE, IGNORE, REFUSE, IGNORE));
    private static final List<OrderFact> COLUMNS =
            List.of(INVENTORY_RESERVED, INVENTORY_REJECTED, PAYMENT_CAPTURED, SHIPMENT_SCHEDULED, INVENTORY_RELEASED);

    private static final OrderTransition.Cause CAUSE = new OrderTransition.Cause(UUID.randomUUID(), "test", 1);

    @Test
    void everyTransitionIsAllowedOrRefusedExactlyAsTheSagaSays() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void everyFactInEveryStatusIsAppliedParkedIgnoredOrRefusedAsTheSagaSays() {
        assertThat(COLUMNS).containsExactlyInAnyOrder(OrderFact.values());
        for (OrderStatus status : OrderStatus.values()) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                assertThat(status.verdictFor(COLUMNS.get(i)))
                        .as("%s in %s", COLUMNS.get(i), status)
                        .isEqualTo(REACTIONS.get(status).get(i));
            }
        }
    }

    @Test
    void shipmentAfterCancellationIsRefusedNotApplied() {
        assertThat(CANCELLED.verdictFor(SHIPMENT_SCHEDULED)).isEqualTo(REFUSE);
        assertThat(SHIPPED.verdictFor(INVENTORY_RELEASED)).isEqualTo(REFUSE);
    }

    @Test
    void terminalStatesAreShippedRejectedAndCancelled() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
                .containsExactlyInAnyOrder(SHIPPED, REJECTED, CANCELLED);
    }

    @Test
    void refusedTransitionLeavesTheOrderAndItsHistoryUnchanged() {
        Order order = newOrder();
        order.moveTo(RESERVED, CAUSE, Instant.now());

        assertThatThrownBy(() -> order.moveTo(PLACED, CAUSE, Instant.now())).isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("RESERVED to PLACED");
        assertThat(order.status).isEqualTo(RESERVED);
        assertThat(order.history).extracting(t -> t.to).containsExactly(RESERVED);
    }

    @Test
    void cancellationIsRefusedOnceNothingIsLeftToCancelAndRecordedOnlyOnce() {
        Order order = newOrder();
        assertThat(order.requestCancellation("changed my mind", Instant.now())).isTrue();
        assertThat(order.requestCancellation("again", Instant.now())).isFalse();
        assertThat(order.cancelReason).isEqualTo("changed my mind");

        for (OrderStatus terminal : List.of(SHIPPED, REJECTED, CANCELLED)) {
            Order ended = newOrder();
            ended.status = terminal;
            assertThatThrownBy(() -> ended.requestCancellation(null, Instant.now()))
                    .isInstanceOf(CancellationRefused.class).hasMessageContaining(terminal.name());
            assertThat(ended.cancelRequestedAt).isNull();
        }
    }

    private static Order newOrder() {
        return Order.place(UUID.randomUUID(), "c-1", new ShippingAddress("A", "B", "C", "D", "NL"), "EUR", Instant.now());
    }
}
