package dev.orderflow.inventory.domain;

import static dev.orderflow.inventory.domain.ReservationStatus.COMMITTED;
import static dev.orderflow.inventory.domain.ReservationStatus.REJECTED;
import static dev.orderflow.inventory.domain.ReservationStatus.RELEASED;
import static dev.orderflow.inventory.domain.ReservationStatus.RESERVED;
import static dev.orderflow.statemachine.TransitionVerdict.APPLY;
import static dev.orderflow.statemachine.TransitionVerdict.IGNORE;
import static dev.orderflow.statemachine.TransitionVerdict.REFUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.statemachine.TransitionVerdict;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationStatusTest {

    /** The whole table, every (from, to) pair: what the saga allows, ignores and dead-letters. */
    private static final Map<ReservationStatus, Map<ReservationStatus, TransitionVerdict>> EXPECTED = new EnumMap<>(Map.of(
            RESERVED, Map.of(RESERVED, IGNORE, REJECTED, IGNORE, RELEASED, APPLY, COMMITTED, APPLY),
            REJECTED, Map.of(RESERVED, IGNORE, REJECTED, IGNORE, RELEASED, IGNORE, COMMITTED, REFUSE),
            RELEASED, Map.of(RESERVED, IGNORE, REJECTED, IGNORE, RELEASED, IGNORE, COMMITTED, REFUSE),
            COMMITTED, Map.of(RESERVED, IGNORE, REJECTED, IGNORE, RELEASED, IGNORE, COMMITTED, IGNORE)));

    @Test
    void everyTransitionIsAllowedIgnoredOrDeadLetteredExactlyAsTheTableSays() {
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                TransitionVerdict expected = EXPECTED.get(from).get(to);
                assertThat(from.verdictFor(to)).as("%s -> %s", from, to).isEqualTo(expected);
                assertThat(from.canMoveTo(to)).as("%s -> %s allowed", from, to).isEqualTo(expected == APPLY);
            }
        }
    }

    @Test
    void onlyReservedMovesOnEveryOtherStatusIsTerminal() {
        assertThat(EnumSet.allOf(ReservationStatus.class).stream().filter(ReservationStatus::isTerminal))
                .containsExactlyInAnyOrder(REJECTED, RELEASED, COMMITTED);
    }

    @Test
    void allowedTransitionMovesTheReservation() {
        for (ReservationStatus target : List.of(RELEASED, COMMITTED)) {
            Reservation reservation = reserved();
            assertThat(reservation.moveTo(target, "why", Instant.EPOCH.plusSeconds(1))).isTrue();
            assertThat(reservation.status).isEqualTo(target);
            assertThat(reservation.updatedAt).isEqualTo(Instant.EPOCH.plusSeconds(1));
        }
    }

    @Test
    void ignoredTransitionChangesNothing() {
        Reservation reservation = reserved();
        reservation.moveTo(RELEASED, ReleaseReason.PAYMENT_FAILED.name(), Instant.EPOCH);

        assertThat(reservation.moveTo(RELEASED, ReleaseReason.ORDER_CANCELLED.name(), Instant.EPOCH.plusSeconds(5))).isFalse();
        assertThat(reservation.status).isEqualTo(RELEASED);
        assertThat(reservation.reason).isEqualTo("PAYMENT_FAILED");
        assertThat(reservation.updatedAt).isEqualTo(Instant.EPOCH);
    }

    @Test
    void deadLetteredTransitionIsRefusedAndChangesNothing() {
        Reservation reservation = reserved();
        reservation.moveTo(RELEASED, ReleaseReason.PAYMENT_FAILED.name(), Instant.EPOCH);

        assertThatThrownBy(() -> reservation.moveTo(COMMITTED, null, Instant.EPOCH.plusSeconds(5)))
                .isInstanceOf(IllegalReservationTransition.class)
                .hasMessageContaining("RELEASED to COMMITTED");
        assertThat(reservation.status).isEqualTo(RELEASED);

        Reservation rejected = Reservation.rejected("o-2", RejectionReason.OUT_OF_STOCK, List.of(new ReservationLine("A", 1)), Instant.EPOCH);
        assertThatThrownBy(() -> rejected.moveTo(COMMITTED, null, Instant.EPOCH)).isInstanceOf(IllegalReservationTransition.class);
        assertThat(rejected.status).isEqualTo(REJECTED);
    }

    @Test
    void stockNeverGoesNegativeAndIsConserved() {
        StockItem item = new StockItem("A", "a", 2);
        assertThatThrownBy(() -> item.reserve(3)).isInstanceOf(IllegalStateException.class);
        item.reserve(2);
        assertThatThrownBy(() -> item.reserve(1)).isInstanceOf(IllegalStateException.class);
        item.ship(1);
        item.release(1);
        assertThatThrownBy(() -> item.release(1)).isInstanceOf(IllegalStateException.class);
        assertThat(List.of(item.available, item.reserved, item.shipped)).containsExactly(1, 0, 1);
        assertThat(item.available + item.reserved + item.shipped).isEqualTo(2);
    }

    private static Reservation reserved() {
        return Reservation.reserved("o-1", List.of(new ReservationLine("A", 1)), Instant.EPOCH);
    }
}
