package dev.orderflow.payment.service;

import dev.orderflow.payment.domain.Payment;
import dev.orderflow.payment.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Payment use cases. */
@ApplicationScoped
public class PaymentService {
    private final PaymentRepository payments;

    PaymentService(PaymentRepository payments) {
        this.payments = payments;
    }

    @Transactional
    public List<Payment> paymentsOf(UUID orderId) {
        return payments.findByOrder(orderId);
    }
}
