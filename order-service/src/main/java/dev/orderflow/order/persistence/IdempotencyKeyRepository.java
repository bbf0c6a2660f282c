package dev.orderflow.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code idempotency_key} table: which order a client's key created, and from what request. */
@ApplicationScoped
public class IdempotencyKeyRepository {
    private final EntityManager entityManager;

    IdempotencyKeyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Claim(UUID orderId, String fingerprint) {}

    /**
     * Claims the key for a new order, or returns the claim that holds it. The unique key, not code,
     * decides between two concurrent requests: PostgreSQL makes the second INSERT wait until the
     * first commits, then it inserts nothing and the winner's claim is read.
     */
    public Optional<Claim> claimOrGetHolder(String key, String fingerprint, UUID newOrderId) {
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO idempotency_key (idempotency_key, fingerprint, order_id)
                        VALUES (:key, :fingerprint, :orderId)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("orderId", newOrderId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT order_id, fingerprint FROM idempotency_key WHERE idempotency_key = :key")
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new Claim((UUID) row[0], (String) row[1]));
    }
}
