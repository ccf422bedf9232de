package io.storeops.contracts;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in integer minor units of an ISO-4217 currency (fen, cents, fils): never floating point.
 */
public record Money(long amountMinor, String currency) {

    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{1,15}(\\.\\d{1,6})?$");

    public Money {
        Objects.requireNonNull(currency, "currency");
        Currency.getInstance(currency); // rejects codes that are not ISO-4217
    }

    /**
     * Converts a decimal string ("199.00", "5", "1.250") exactly into minor units of the currency
     * (2 decimals for USD and CNY, 0 for JPY, 3 for KWD). More decimals than the currency has, a
     * malformed number or an unknown currency is refused, never rounded.
     */
    public static Money ofDecimal(String amount, String currency) {
        if (amount == null || !DECIMAL.matcher(amount.trim()).matches()) {
            throw new IllegalArgumentException("'" + amount + "' is not a decimal amount");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal value = new BigDecimal(amount.trim());
        if (value.stripTrailingZeros().scale() > Math.max(digits, 0)) {
            throw new IllegalArgumentException(
                    amount + " has more decimals than " + currency + " allows (" + digits + ")");
        }
        return new Money(value.movePointRight(Math.max(digits, 0)).longValueExact(), currency);
    }

    /** The amount as a decimal string in major units, as storefronts and people write it. */
    public String toDecimal() {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(amountMinor, digits).toPlainString();
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amountMinor > other.amountMinor;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }
}
