package dev.orderflow.payment.persistence;

import dev.orderflow.payment.domain.Payment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public Optional<Payment> findByOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /**
     * The order's payment, row-locked ({@code SELECT ... FOR UPDATE}) until the transaction ends:
     * a capture (inventory.events) and a cancellation (shipping.events) of one order arrive on
     * different channels at the same time and must be decided one after the other.
     */
    public Optional<Payment> lock(UUID orderId) {
        return find("orderId", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Records that a capture of the order is about to be sent; a second record changes nothing. */
    public void recordCaptureAttempt(UUID orderId, Instant at) {
        getEntityManager()
                .createNativeQuery("INSERT INTO payment_capture_attempt (order_id, first_attempt_at) VALUES (?1, ?2)"
                        + " ON CONFLICT (order_id) DO NOTHING")
                .setParameter(1, orderId)
                .setParameter(2, at)
                .executeUpdate();
    }

    public boolean captureWasAttempted(UUID orderId) {
        return !getEntityManager()
                .createNativeQuery("SELECT 1 FROM payment_capture_attempt WHERE order_id = ?1")
                .setParameter(1, orderId)
                .getResultList()
                .isEmpty();
    }
}
