package dev.orderflow.inventory.persistence;

import dev.orderflow.inventory.domain.Reservation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<Reservation, String> {

    /**
     * The order's reservation, row-locked: events of one order arriving on different topics
     * (a payment failure and a cancellation) are decided one after the other.
     */
    public Optional<Reservation> lock(String orderId) {
        return Optional.ofNullable(findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }
}
