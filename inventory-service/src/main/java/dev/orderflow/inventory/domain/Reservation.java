package dev.orderflow.inventory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock an order holds. Its status changes only through {@link #moveTo}, which applies
 * {@link ReservationStatus}'s transition table; the stock itself is moved by the service.
 */
@Entity
@Table(name = "reservation")
public class Reservation {
    @Id
    @Column(name = "order_id")
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReservationStatus status;

    /** The {@link RejectionReason} or {@link ReleaseReason}, if any. */
    public String reason;

    @ElementCollection
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("sku")
    public List<ReservationLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    protected Reservation() {}

    public static Reservation reserved(String orderId, List<ReservationLine> lines, Instant now) {
        return create(orderId, ReservationStatus.RESERVED, null, lines, now);
    }

    public static Reservation rejected(String orderId, RejectionReason reason, List<ReservationLine> lines, Instant now) {
        return create(orderId, ReservationStatus.REJECTED, reason.name(), lines, now);
    }

    private static Reservation create(
            String orderId, ReservationStatus status, String reason, List<ReservationLine> lines, Instant now) {
        Reservation reservation = new Reservation();
        reservation.orderId = orderId;
        reservation.status = status;
        reservation.reason = reason;
        reservation.lines = new ArrayList<>(lines);
        reservation.createdAt = now;
        reservation.updatedAt = now;
        return reservation;
    }

    /**
     * Moves to {@code target} if the table allows it.
     *
     * @return true when it moved; false when the transition is ignored (nothing changed)
     * @throws IllegalReservationTransition when it is dead-lettered (nothing changed)
     */
    public boolean moveTo(ReservationStatus target, String newReason, Instant now) {
        switch (status.verdictFor(target)) {
            case APPLY -> {
                status = target;
                reason = newReason;
                updatedAt = now;
                return true;
            }
            case IGNORE -> {
                return false;
            }
            default -> throw new IllegalReservationTransition(orderId, status, target);
        }
    }
}
