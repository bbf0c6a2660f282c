package dev.orderflow.payment.persistence;

import dev.orderflow.payment.domain.Payment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    public List<Payment> findByOrder(UUID orderId) {
        return list("orderId", orderId);
    }
}
