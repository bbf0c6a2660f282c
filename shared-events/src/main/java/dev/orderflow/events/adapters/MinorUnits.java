package dev.orderflow.events.adapters;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Exact conversions between an amount in major units ({@code 12.34} EUR) and an integer count of
 * the currency's minor units ({@code 1234} cents), using ISO 4217's number of decimals per
 * currency (EUR 2, JPY 0, BHD 3). Never rounds: an amount that does not fit is refused.
 */
public final class MinorUnits {

    /** The number of decimals of an ISO 4217 currency; refuses codes without a fixed number (XAU, XXX). */
    public static int decimalsOf(String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventNotAdaptable("'" + currencyCode + "' is not an ISO 4217 currency code", e);
        }
        int decimals = currency.getDefaultFractionDigits();
        if (decimals < 0) {
            throw new EventNotAdaptable(currencyCode + " has no minor unit");
        }
        return decimals;
    }

    /** {@code 1234} EUR cents → {@code 12.34}; the result has the currency's scale. */
    public static BigDecimal toMajorUnits(long amountMinor, String currencyCode) {
        return BigDecimal.valueOf(amountMinor, decimalsOf(currencyCode));
    }

    /** {@code 12.34} EUR → {@code 1234}; refuses {@code 12.345} EUR (not a whole number of cents). */
    public static long toMinorUnits(BigDecimal amount, String currencyCode) {
        try {
            return amount.movePointRight(decimalsOf(currencyCode)).longValueExact();
        } catch (ArithmeticException e) {
            throw new EventNotAdaptable(amount.toPlainString() + " " + currencyCode
                    + " is not a whole number of minor units (or exceeds a long)", e);
        }
    }

    private MinorUnits() {}
}
