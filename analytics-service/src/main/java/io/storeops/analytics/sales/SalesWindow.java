package io.storeops.analytics.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The store-local days a sales figure covers, both ends included. Days are the store's: an order
 * paid at 01:00 in Hangzhou belongs to that Hangzhou date, and so does "today".
 */
public record SalesWindow(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    /** The window asked for: without an end, up to today in the store's zone; without a start, the 30 days up to the end. */
    public static SalesWindow asked(LocalDate from, LocalDate to, Instant now, ZoneId storeZone) {
        LocalDate end = to == null ? LocalDate.ofInstant(now, storeZone) : to;
        return new SalesWindow(from == null ? end.minusDays(DEFAULT_DAYS - 1) : from, end);
    }

    /** A start not after the end, and at most a year and a day between them. */
    public boolean valid() {
        return !from.isAfter(to) && ChronoUnit.DAYS.between(from, to) <= MAX_DAYS;
    }
}
