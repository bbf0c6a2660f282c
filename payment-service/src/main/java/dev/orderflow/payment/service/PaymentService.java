package dev.orderflow.payment.service;

import dev.orderflow.messaging.external.IdempotencyKeys;
import dev.orderflow.messaging.outbox.Outbox;
import dev.orderflow.payment.client.PaymentProviderClient;
import dev.orderflow.payment.client.PaymentProviderClient.Capture;
import dev.orderflow.payment.domain.FailureReason;
import dev.orderflow.payment.domain.IllegalPaymentTransition;
import dev.orderflow.payment.domain.Payment;
import dev.orderflow.payment.domain.PaymentNotFound;
import dev.orderflow.payment.domain.PaymentStatus;
import dev.orderflow.statemachine.TransitionVerdict;
import dev.orderflow.payment.persistence.PaymentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.function.Function;
import java.util.UUID;

/**
 * The saga's payment steps. Each runs in the caller's transaction (the inbox's, when an event
 * triggers it), changes the payment and appends the resulting fact to the outbox: all of it commits
 * together or not at all.
 *
 * <p>Capture and cancellation lock the payment row first, so the two are decided one after the
 * other even though they arrive on different channels. The provider is called while that lock is
 * held: a cancellation waits for the capture's answer (at most the read timeout) instead of racing
 * it. When the provider gives no answer, {@link dev.orderflow.payment.client.ProviderUnavailable}
 * rolls the whole transaction back and the event is retried with the same idempotency key.
 */
@ApplicationScoped
public class PaymentService {
    private final PaymentRepository payments;
    private final CaptureAttempts captureAttempts;
    private final PaymentProviderClient provider;
    private final Outbox outbox;
    private final IdempotencyKeys keys;

    PaymentService(PaymentRepository payments, CaptureAttempts captureAttempts, PaymentProviderClient provider, Outbox outbox,
            IdempotencyKeys keys) {
        this.payments = payments;
        this.captureAttempts = captureAttempts;
        this.provider = provider;
        this.outbox = outbox;
        this.keys = keys;
    }

    /** {@code OrderPlaced}: keep who pays how much, {@code PENDING}. An order is remembered once. */
    @Transactional
    public PaymentOutcome remember(RememberOrder order) {
        if (payments.lock(order.orderId()).isPresent()) {
            return PaymentOutcome.IGNORED;
        }
        payments.persist(Payment.pending(order.orderId(), order.customerId(), order.total(), order.currency(), PaymentEvents.now()));
        return PaymentOutcome.PENDING;
    }

    /**
     * {@code InventoryReserved}: capture the total at the provider → {@code PaymentCaptured}, or
     * {@code PaymentFailed} when it declines. Only a {@code PENDING} payment is captured: a second
     * capture, a capture after a decline or after a cancellation changes nothing.
     */
    @Transactional
    public PaymentOutcome capture(UUID orderId) {
        return withLocked(orderId, payment -> allowed(payment, PaymentStatus.CAPTURED)
                ? captureAtProvider(payment)
                : PaymentOutcome.IGNORED);
    }

    /**
     * {@code ShipmentCancelled} (the cancellation won the race against shipment): refund a captured
     * payment → {@code PaymentRefunded}; mark a pending one {@code CANCELLED} so that a later
     * {@code InventoryReserved} never captures. Exactly once, by state.
     *
     * <p>A pending payment whose capture was sent but never answered (timeout) is in doubt: the
     * provider may have charged. It is resolved by sending the capture again with the same key,
     * which returns the earlier charge if there was one (or charges now), and then refunding it:
     * the customer ends with nothing charged either way.
     */
    @Transactional
    public PaymentOutcome cancel(UUID orderId) {
        return withLocked(orderId, this::cancelLocked);
    }

    private PaymentOutcome cancelLocked(Payment payment) {
        PaymentStatus target = payment.status == PaymentStatus.CAPTURED ? PaymentStatus.REFUNDED : PaymentStatus.CANCELLED;
        if (!allowed(payment, target)) {
            return PaymentOutcome.IGNORED;
        }
        if (target == PaymentStatus.REFUNDED) {
            return refundAtProvider(payment);
        }
        if (!payments.captureWasAttempted(payment.orderId)) {
            payment.cancel(PaymentEvents.now());
            return PaymentOutcome.CANCELLED;
        }
        PaymentOutcome resolved = captureAtProvider(payment);
        return resolved == PaymentOutcome.CAPTURED ? refundAtProvider(payment) : resolved;
    }

    @Transactional
    public Payment paymentOf(UUID orderId) {
        return payments.findByOrder(orderId).orElseThrow(() -> new PaymentNotFound(orderId));
    }

    /** Runs {@code step} on the order's row-locked payment; none yet → {@link PaymentOutcome#NO_PAYMENT}. */
    private PaymentOutcome withLocked(UUID orderId, Function<Payment, PaymentOutcome> step) {
        return payments.lock(orderId).map(step).orElse(PaymentOutcome.NO_PAYMENT);
    }

    private PaymentOutcome captureAtProvider(Payment payment) {
        captureAttempts.record(payment.orderId);
        Capture answer = provider.capture(keys.forAttempt(payment.captureKey()), payment.orderId.toString(), payment.customerId,
                payment.amount, payment.currency);
        Instant now = PaymentEvents.now();
        return switch (answer) {
            case Capture.Captured captured -> {
                payment.capture(captured.chargeId(), now);
                outbox.append(PaymentEvents.paymentCaptured(payment));
                yield PaymentOutcome.CAPTURED;
            }
            case Capture.Declined declined -> {
                payment.fail(declined.chargeId(), FailureReason.ofProvider(declined.reason()), declined.detail(), now);
                outbox.append(PaymentEvents.paymentFailed(payment));
                yield PaymentOutcome.FAILED;
            }
        };
    }

    private PaymentOutcome refundAtProvider(Payment payment) {
        String refundId = provider.refund(payment.refundKey(), payment.providerChargeId);
        payment.refund(refundId, PaymentEvents.now());
        outbox.append(PaymentEvents.paymentRefunded(payment));
        return PaymentOutcome.REFUNDED;
    }

    /** @throws IllegalPaymentTransition when the table dead-letters the transition */
    private static boolean allowed(Payment payment, PaymentStatus target) {
        TransitionVerdict verdict = payment.status.verdictFor(target);
        if (verdict == TransitionVerdict.REFUSE) {
            throw new IllegalPaymentTransition(payment.orderId, payment.status, target);
        }
        return verdict == TransitionVerdict.APPLY;
    }
}
