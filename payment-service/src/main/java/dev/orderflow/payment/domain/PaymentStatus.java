package dev.orderflow.payment.domain;

import dev.orderflow.statemachine.TransitionVerdict;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order's payment as an explicit transition table. {@code OrderPlaced} makes it {@code PENDING};
 * then {@code PENDING → CAPTURED | FAILED | CANCELLED} (the provider captured or declined, or the
 * cancellation won before a capture) and {@code CAPTURED → REFUNDED} (the cancellation won after
 * it). FAILED, CANCELLED and REFUNDED are terminal.
 *
 * <p>A transition the table does not allow is never a silent overwrite: {@link #verdictFor} classifies
 * it as {@link TransitionVerdict#IGNORE} (a repeated or late fact the saga allows, e.g. a second
 * {@code InventoryReserved} after the capture, or a cancellation after a decline) or
 * {@link TransitionVerdict#REFUSE} (it contradicts the money this service has moved).
 */
public enum PaymentStatus {
    PENDING,
    CAPTURED,
    FAILED,
    CANCELLED,
    REFUNDED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(CAPTURED, FAILED, CANCELLED),
            CAPTURED, EnumSet.of(REFUNDED),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            CANCELLED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    /** Refused transitions that need an operator; every other refused one is ignored. */
    private static final Map<PaymentStatus, Set<PaymentStatus>> DEAD_LETTERED = Map.of(
            // a refund of money never captured
            PENDING, EnumSet.of(REFUNDED),
            // captured money declined afterwards, or cancelled without giving it back
            CAPTURED, EnumSet.of(FAILED, CANCELLED),
            FAILED, EnumSet.noneOf(PaymentStatus.class),
            CANCELLED, EnumSet.noneOf(PaymentStatus.class),
            REFUNDED, EnumSet.noneOf(PaymentStatus.class));

    public boolean canMoveTo(PaymentStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * What to do when an event asks for {@code target}. Ignored, among others: any state asked for
     * again, a late {@code OrderPlaced} ({@code PENDING}), a capture after a decline, a cancellation
     * or a refund (never captured) and a capture after a cancellation (it must never charge).
     */
    public TransitionVerdict verdictFor(PaymentStatus target) {
        if (canMoveTo(target)) {
            return TransitionVerdict.APPLY;
        }
        return DEAD_LETTERED.get(this).contains(target) ? TransitionVerdict.REFUSE : TransitionVerdict.IGNORE;
    }
}
