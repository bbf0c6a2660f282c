package dev.orderflow.provider;

import java.math.BigDecimal;
import java.util.Optional;

/** The stub's documented decline rules, checked in this order. */
final class DeclineRules {
    static final String DECLINED_CUSTOMER_PREFIX = "decline-";
    static final BigDecimal LIMIT = new BigDecimal("1000.00");

    /** Decline reasons as the API names them. */
    static final String DECLINED = "DECLINED";
    static final String AMOUNT_OVER_LIMIT = "AMOUNT_OVER_LIMIT";

    private DeclineRules() {}

    /** @return the decline reason, or empty when the charge is captured */
    static Optional<String> declineReason(ChargeRequest request) {
        if (request.customerId().startsWith(DECLINED_CUSTOMER_PREFIX)) {
            return Optional.of(DECLINED);
        }
        if (request.amount().compareTo(LIMIT) > 0) {
            return Optional.of(AMOUNT_OVER_LIMIT);
        }
        return Optional.empty();
    }
}
