package dev.orderflow.inventory.domain;

/** A requested transition that {@link ReservationStatus#verdictFor} dead-letters. Nothing was changed. */
public class IllegalReservationTransition extends RuntimeException {
    public final String orderId;
    public final ReservationStatus from;
    public final ReservationStatus to;

    public IllegalReservationTransition(String orderId, ReservationStatus from, ReservationStatus to) {
        super("reservation of order " + orderId + " cannot move from " + from + " to " + to);
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }
}
