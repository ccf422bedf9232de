package io.storeops.platform.stores;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The hours a store's staff are at work and buyers are expected to order, in the store's own time
 * zone ({@code 09:00-22:00}; a closing time before the opening runs past midnight, {@code 00:00-24:00}
 * is all day). Alerting reads it: no orders for half an hour means something only while the store is open.
 */
public record OpeningHours(LocalTime opens, LocalTime closes, boolean allDay) {

    public static final OpeningHours DEFAULT = valueOf("09:00-22:00");

    /** Reads {@code HH:mm-HH:mm} (the form configuration gives). */
    public static OpeningHours valueOf(String text) {
        String[] bounds = text.trim().split("-", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException("opening hours '" + text + "' are not of the form 09:00-22:00");
        }
        try {
            LocalTime opens = LocalTime.parse(bounds[0].trim());
            String closing = bounds[1].trim();
            if (closing.equals("24:00")) {
                return new OpeningHours(opens, LocalTime.MIDNIGHT, opens.equals(LocalTime.MIDNIGHT));
            }
            LocalTime closes = LocalTime.parse(closing);
            if (opens.equals(closes)) {
                throw new IllegalArgumentException(
                        "opening hours '" + text + "' open and close at the same time; write 00:00-24:00 for all day");
            }
            return new OpeningHours(opens, closes, false);
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException(
                    "opening hours '" + text + "' are not of the form 09:00-22:00", notATime);
        }
    }

    public boolean isOpenAt(Instant instant, ZoneId zone) {
        if (allDay) {
            return true;
        }
        LocalTime local = LocalTime.ofInstant(instant, zone);
        boolean afterOpening = !local.isBefore(opens);
        boolean beforeClosing = local.isBefore(closes);
        return opens.isBefore(closes) ? afterOpening && beforeClosing : afterOpening || beforeClosing;
    }
}
