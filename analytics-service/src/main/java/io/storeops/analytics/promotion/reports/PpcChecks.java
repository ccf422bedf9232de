package io.storeops.analytics.promotion.reports;

import io.storeops.analytics.rates.Rates;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The checks of a typed value, shared by {@link PpcRow#validate} (rows given as JSON) and the file
 * reader (rows read from a report). Each answers the reason in English, or null when the value is
 * fine.
 */
final class PpcChecks {

    private PpcChecks() {}

    static String day(LocalDate day, LocalDate today) {
        if (day == null) {
            return "the date is missing";
        }
        if (day.isAfter(today)) {
            return "the date " + day + " is after today (" + today + ")";
        }
        return null;
    }

    static String hour(Integer hour) {
        return hour == null || (hour >= 0 && hour <= 23) ? null : "the hour " + hour + " is not within 0..23";
    }

    static String notNegative(long value) {
        return Rates.outOfRange(value);
    }

    static String clicksWithinImpressions(long clicks, long impressions) {
        return clicks > impressions ? "clicks (" + clicks + ") exceed impressions (" + impressions + ")" : null;
    }

    static String currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            Currency.getInstance(code);
            return null;
        } catch (IllegalArgumentException unknown) {
            return "\"" + code + "\" is not an ISO 4217 currency code";
        }
    }
}
