package dev.orderflow.payment.domain;

/** Why the provider declined a capture (the provider's reasons; anything else is UNKNOWN). */
public enum FailureReason {
    DECLINED,
    AMOUNT_OVER_LIMIT,
    UNKNOWN;

    public static FailureReason ofProvider(String reason) {
        for (FailureReason known : values()) {
            if (known.name().equals(reason)) {
                return known;
            }
        }
        return UNKNOWN;
    }
}
