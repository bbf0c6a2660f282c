package dev.orderflow.shipping.domain;

import static dev.orderflow.shipping.domain.ShippingStatus.AWAITING_PAYMENT;
import static dev.orderflow.shipping.domain.ShippingStatus.CANCELLED;
import static dev.orderflow.shipping.domain.ShippingStatus.SCHEDULED;
import static dev.orderflow.statemachine.TransitionVerdict.APPLY;
import static dev.orderflow.statemachine.TransitionVerdict.IGNORE;
import static dev.orderflow.statemachine.TransitionVerdict.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.statemachine.TransitionVerdict;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShippingStatusTest {

    private record Pair(ShippingStatus from, ShippingStatus to) {}

    /** The saga's rules: one decision from AWAITING_PAYMENT; a decided order never goes back; every other pair is a late or repeated fact. */
    private static final Set<Pair> ALLOWED_PAIRS = Set.of(new Pair(AWAITING_PAYMENT, SCHEDULED), new Pair(AWAITING_PAYMENT, CANCELLED));
    private static final Set<Pair> DEAD_LETTERED_PAIRS = Set.of(new Pair(SCHEDULED, AWAITING_PAYMENT), new Pair(CANCELLED, AWAITING_PAYMENT));

    private static TransitionVerdict expected(ShippingStatus from, ShippingStatus to) {
        Pair pair = new Pair(from, to);
        return ALLOWED_PAIRS.contains(pair) ? APPLY : DEAD_LETTERED_PAIRS.contains(pair) ? REFUSE : IGNORE;
    }

    @Test
    void everyTransitionIsAllowedIgnoredOrDeadLetteredExactlyAsTheTableSays() {
        for (ShippingStatus from : ShippingStatus.values()) {
            for (ShippingStatus to : ShippingStatus.values()) {
                TransitionVerdict expected = expected(from, to);
                assertThat(from.verdictFor(to)).as("%s -> %s", from, to).isEqualTo(expected);
                assertThat(from.canMoveTo(to)).as("%s -> %s allowed", from, to).isEqualTo(expected == APPLY);
            }
        }
    }

    @Test
    void everyPairMovesTheOrderOnlyWhenAllowedAndRefusedOnesChangeNothing() {
        for (ShippingStatus from : ShippingStatus.values()) {
            for (ShippingStatus to : ShippingStatus.values()) {
                ShippingOrder order = orderIn(from);
                Instant later = Instant.EPOCH.plusSeconds(60);
                switch (expected(from, to)) {
                    case APPLY -> {
                        assertThat(order.moveTo(to, later)).as("%s -> %s", from, to).isTrue();
                        assertThat(order.status).isEqualTo(to);
                        assertThat(order.updatedAt).isEqualTo(later);
                    }
                    case IGNORE -> {
                        assertThat(order.moveTo(to, later)).as("%s -> %s", from, to).isFalse();
                        assertThat(order.status).isEqualTo(from);
                        assertThat(order.updatedAt).isEqualTo(Instant.EPOCH);
                    }
                    case REFUSE -> {
                        assertThatThrownBy(() -> order.moveTo(to, later))
                                .as("%s -> %s", from, to)
                                .isInstanceOf(IllegalShippingTransition.class)
                                .hasMessageContaining(from + " to " + to);
                        assertThat(order.status).isEqualTo(from);
                        assertThat(order.updatedAt).isEqualTo(Instant.EPOCH);
                    }
                }
            }
        }
    }

    @Test
    void onlyAwaitingPaymentMovesOnScheduledAndCancelledAreTerminal() {
        assertThat(EnumSet.allOf(ShippingStatus.class).stream().filter(ShippingStatus::isTerminal))
                .containsExactlyInAnyOrder(SCHEDULED, CANCELLED);
    }

    @Test
    void cancellationThatLostTheRaceKeepsTheShipmentAndNoReason() {
        ShippingOrder order = orderIn(SCHEDULED);

        assertThat(order.cancel("changed my mind", Instant.EPOCH.plusSeconds(5))).isFalse();
        assertThat(order.status).isEqualTo(SCHEDULED);
        assertThat(order.cancelReason).isNull();
    }

    @Test
    void cancellationThatWonKeepsTheCustomersReason() {
        ShippingOrder order = orderIn(AWAITING_PAYMENT);

        assertThat(order.cancel("changed my mind", Instant.EPOCH.plusSeconds(5))).isTrue();
        assertThat(order.status).isEqualTo(CANCELLED);
        assertThat(order.cancelReason).isEqualTo("changed my mind");
    }

    @Test
    void repeatedOrderPlacedWithAnotherAddressIsAContradiction() {
        ShippingOrder order = orderIn(AWAITING_PAYMENT);

        order.requireSameShipTo(address("1 Way"));
        assertThatThrownBy(() -> order.requireSameShipTo(address("2 Other Road")))
                .isInstanceOf(ShippingContradiction.class)
                .hasMessageContaining("2 Other Road");
        assertThat(order.shipTo.street).isEqualTo("1 Way");
    }

    @Test
    void addressNobodyCouldShipToIsRefused() {
        assertThatThrownBy(() -> new ShipTo("Ada", " ", "London", "N1", "GB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShipTo("Ada", "1 Way", "London", "N1", "GBR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ShipTo("Ada", "1 Way", "London", "N1", "GB")).isEqualTo(address("1 Way"));
    }

    @Test
    void shipmentGoesToTheAddressTheOrderWasPlacedWith() {
        ShippingOrder order = orderIn(SCHEDULED);

        Shipment shipment = Shipment.scheduledFor(order, Instant.EPOCH.plusSeconds(1));

        assertThat(shipment.orderId).isEqualTo(order.orderId);
        assertThat(shipment.status).isEqualTo(Shipment.SCHEDULED);
        assertThat(shipment.shipTo).isEqualTo(order.shipTo).isNotSameAs(order.shipTo);
        assertThat(shipment.scheduledAt).isEqualTo(Instant.EPOCH.plusSeconds(1));
    }

    private static ShippingOrder orderIn(ShippingStatus status) {
        ShippingOrder order = ShippingOrder.awaitingPayment(UUID.randomUUID(), address("1 Way"), Instant.EPOCH);
        order.status = status;
        return order;
    }

    private static ShipTo address(String street) {
        return new ShipTo("Ada", street, "London", "N1", "GB");
    }
}
