package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.Deadline;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a marketplace timer has left, as the due-soon queue says it: days and hours when more
 * than a day is left, hours and minutes within the day, and "time is up" once it ran out (the
 * service's timer takes effect within its next round).
 *
 * @param key  the message that says it
 * @param args the message's figures
 */
public record TimeLeft(String key, Object[] args, boolean urgent) {

    /** Less than this is shown as urgent. */
    private static final Duration URGENT = Duration.ofHours(4);

    public static TimeLeft of(Deadline deadline, Instant now) {
        if (deadline == null || deadline.dueAt() == null) {
            return new TimeLeft("afterSale.left.none", new Object[0], false);
        }
        Duration left = deadline.left(now);
        if (left.isNegative() || left.isZero()) {
            return new TimeLeft("afterSale.left.up", new Object[0], true);
        }
        boolean urgent = left.compareTo(URGENT) < 0;
        if (left.toDays() >= 1) {
            return new TimeLeft("afterSale.left.days", new Object[] {left.toDays(), left.toHoursPart()}, urgent);
        }
        long minutes = (left.toSeconds() + 59) / 60; // rounded up: never "0 min" while time is left
        return new TimeLeft("afterSale.left.hours", new Object[] {minutes / 60, minutes % 60}, urgent);
    }
}
