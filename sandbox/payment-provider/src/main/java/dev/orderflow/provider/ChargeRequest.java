package dev.orderflow.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The body of {@code POST /v1/charges}, validated: a malformed request never reaches the ledger. */
record ChargeRequest(String reference, String customerId, BigDecimal amount, String currency) {
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,9})\\.[0-9]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TEXT = 128;

    static ChargeRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("the body must be a JSON object {reference, customerId, amount, currency}");
        }
        String reference = text(body, "reference");
        String customerId = text(body, "customerId");
        String amountText = text(body, "amount");
        String currency = text(body, "currency");
        if (!AMOUNT.matcher(amountText).matches()) {
            throw ApiProblem.badRequest("amount must be a string decimal with exactly 2 places, e.g. \"12.34\": " + amountText);
        }
        BigDecimal amount = new BigDecimal(amountText);
        if (amount.signum() <= 0) {
            throw ApiProblem.badRequest("amount must be greater than 0.00: " + amountText);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw ApiProblem.badRequest("currency must be an ISO 4217 code of 3 capital letters: " + currency);
        }
        return new ChargeRequest(reference, customerId, amount, currency);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiProblem.badRequest(field + " is required");
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest(field + " must be a string");
        }
        String text = value.textValue().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw ApiProblem.badRequest(field + " must be 1.." + MAX_TEXT + " characters");
        }
        return plainText(field, text);
    }

    /**
     * The platform's rule for text (shared-web's PlainText), kept here rather than shared: the stub
     * is the outside world and depends on nothing of the platform. A NUL reached PostgreSQL and was
     * answered 503 "ledger unavailable"; a lone surrogate would be stored as "?".
     */
    static String plainText(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                throw ApiProblem.badRequest("%s must not contain control characters or lone surrogates (U+%04X at index %d)"
                        .formatted(field, (int) c, i));
            }
        }
        return text;
    }

    /** Whether a replay under the same key asks for the same charge. */
    boolean sameAs(Ledger.Charge charge) {
        return reference.equals(charge.reference())
                && customerId.equals(charge.customerId())
                && amount.compareTo(charge.amount()) == 0
                && currency.equals(charge.currency());
    }
}
