package io.storeops.analytics.costs;

import io.storeops.analytics.rates.Rates;
import java.time.Instant;
import java.util.Objects;

/**
 * One cost of a store's month, in minor units of the store's currency.
 *
 * @param importId the import that brought it, null when entered by hand
 */
public record CostEntry(
        String entryId,
        CostCategory category,
        long amountMinor,
        String note,
        String enteredBy,
        Instant enteredAt,
        String importId) {

    /** An entry as asked for; refuses (IllegalArgumentException) ad spend and an amount not above 0. */
    public static CostEntry of(
            String entryId,
            CostCategory category,
            Long amountMinor,
            String note,
            String enteredBy,
            Instant enteredAt,
            String importId) {
        if (category == null) {
            throw new IllegalArgumentException("the category is missing");
        }
        if (!category.entered()) {
            throw new IllegalArgumentException(
                    "ad spend is not entered: it is the month's spend of the imported pay-per-click reports");
        }
        if (amountMinor == null || amountMinor <= 0 || Rates.outOfRange(amountMinor) != null) {
            throw new IllegalArgumentException(
                    "amountMinor must be above 0 and at most " + Rates.LARGEST + ", not " + amountMinor);
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > 500) {
            throw new IllegalArgumentException("the note must be at most 500 characters");
        }
        return new CostEntry(entryId, category, amountMinor, trimmed, enteredBy, enteredAt, importId);
    }

    /** The same cost (category, amount, note), whoever entered it when: a request sent again. */
    boolean sameCost(CostEntry other) {
        return category == other.category && amountMinor == other.amountMinor && Objects.equals(note, other.note);
    }
}
