package dev.orderflow.payment.service;

import dev.orderflow.payment.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Remembers, in its own transaction, that a capture is about to be sent (see {@link PaymentService#cancel}). */
@ApplicationScoped
public class CaptureAttempts {
    private final PaymentRepository payments;

    CaptureAttempts(PaymentRepository payments) {
        this.payments = payments;
    }

    /** Commits at once, so the record survives the rollback of a capture that gets no answer. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID orderId) {
        payments.recordCaptureAttempt(orderId, PaymentEvents.now());
    }
}
