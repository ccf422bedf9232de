package io.storeops.console.listing;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a product has waited in its step, as the board says it: days and hours from a day on,
 * hours and minutes within it; waits of three days and more stand out (stale).
 *
 * @param key  the message that says it
 * @param args the message's figures
 */
public record Waiting(String key, Object[] args, boolean stale) {

    private static final Duration LONG = Duration.ofDays(3);

    static Waiting since(Instant since, Instant now) {
        if (since == null) {
            return new Waiting("listing.waiting.unknown", new Object[0], false);
        }
        Duration waited = Duration.between(since, now);
        if (waited.isNegative()) {
            waited = Duration.ZERO;
        }
        if (waited.toDays() >= 1) {
            return new Waiting(
                    "listing.waiting.days",
                    new Object[] {waited.toDays(), waited.toHoursPart()},
                    waited.compareTo(LONG) >= 0);
        }
        return new Waiting("listing.waiting.hours", new Object[] {waited.toHours(), waited.toMinutesPart()}, false);
    }
}
