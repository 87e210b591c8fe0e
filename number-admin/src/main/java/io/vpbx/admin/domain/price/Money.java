package io.vpbx.admin.domain.price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** A non-negative amount with exactly 2 decimal places in an ISO 4217 currency, e.g. 500.00 RUB. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount must not be negative, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most 2 decimal places, got " + amount.toPlainString());
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        currency = isoCurrency(currency);
    }

    /** Parses "500", "500.5" or "500.50" in {@code currency}. */
    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount like 500 or 500.50", e);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }

    private static String isoCurrency(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("a currency is a 3-letter upper-case ISO 4217 code, got '" + code + "'");
        }
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency", e);
        }
    }
}
