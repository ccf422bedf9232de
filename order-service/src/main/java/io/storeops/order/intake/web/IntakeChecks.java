package io.storeops.order.intake.web;

import io.storeops.contracts.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every storefront order must satisfy, whatever its format: the store's currency, one to 500
 * lines with positive quantities, exact non-negative money. A violation is an {@link IntakeRejected}.
 * Times are kept to the millisecond, the precision the store keeps, so an order reads the same in
 * the answer that took it and in every later one.
 */
final class IntakeChecks {

    private IntakeChecks() {}

    static void requireStoreCurrency(String currency, String storeCurrency) {
        if (currency == null || !currency.equals(storeCurrency)) {
            throw new IntakeRejected("currency must be the store's currency " + storeCurrency + ", not " + currency);
        }
    }

    static <T> List<T> requireLines(List<T> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IntakeRejected("an order needs at least one line");
        }
        if (lines.size() > 500) {
            throw new IntakeRejected("an order has at most 500 lines");
        }
        return lines;
    }

    static int positive(Integer quantity) {
        if (quantity == null || quantity <= 0) {
            throw new IntakeRejected("every line needs a positive quantity, not " + quantity);
        }
        return quantity;
    }

    static Money money(String decimal, String currency, String field) {
        try {
            Money money = Money.ofDecimal(decimal, currency);
            if (money.amountMinor() < 0) {
                throw new IntakeRejected(field + " must not be negative");
            }
            return money;
        } catch (IllegalArgumentException inexact) {
            throw new IntakeRejected(field + ": " + inexact.getMessage());
        }
    }

    static Money optionalMoney(String decimal, String currency, String field) {
        return decimal == null || decimal.isBlank() ? Money.zero(currency) : money(decimal, currency, field);
    }

    static Money optionalMinor(Long minor, String currency, String field) {
        return minor == null ? Money.zero(currency) : nonNegative(minor, currency, field);
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static Money nonNegative(Long minor, String currency, String field) {
        if (minor == null || minor < 0) {
            throw new IntakeRejected(field + " is required and must not be negative");
        }
        return new Money(minor, currency);
    }

    /** The first of {@code times} that the storefront told; the last one is a fallback that is always there. */
    static Instant firstKnown(Instant... times) {
        return Stream.of(times)
                .filter(time -> time != null)
                .findFirst()
                .map(IntakeChecks::toMillis)
                .orElseThrow();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A storefront's time as StoreOps keeps it: to the millisecond. */
    static Instant toMillis(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }
}
