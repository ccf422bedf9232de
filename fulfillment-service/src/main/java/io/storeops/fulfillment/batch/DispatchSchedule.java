package io.storeops.fulfillment.batch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * When a store's warehouse cuts off the day's dispatch batch: at {@code cutoff} in the store's
 * zone, on every day that is not a rest day (a holiday such as Spring Festival, or a weekly day off).
 * A day is the store's calendar day, so a batch's date is the date its people see on the wall.
 */
public record DispatchSchedule(ZoneId zone, LocalTime cutoff, Set<LocalDate> restDays, Set<DayOfWeek> weeklyRestDays) {

    /** How far to look for a working day: a store resting for more than a year has no cut-off. */
    private static final int LONGEST_REST = 366;

    public DispatchSchedule {
        restDays = Set.copyOf(restDays);
        weeklyRestDays = Set.copyOf(weeklyRestDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !restDays.contains(day) && !weeklyRestDays.contains(day.getDayOfWeek());
    }

    /** The store's calendar day at {@code instant}. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The cut-off of {@code day}; on a day the clocks jump past it, the first moment after the gap. */
    public Instant cutoffOn(LocalDate day) {
        return ZonedDateTime.of(day, cutoff, zone).toInstant();
    }

    /**
     * The working day whose cut-off is the latest at or before {@code now}: the batch that should
     * exist by now. Earlier missed days need no batch of their own, since this one takes everything
     * paid before its cut-off.
     */
    public Optional<LocalDate> lastDueDay(Instant now) {
        LocalDate day = dayOf(now);
        for (int back = 0; back <= LONGEST_REST; back++) {
            LocalDate candidate = day.minusDays(back);
            if (isWorkingDay(candidate) && !cutoffOn(candidate).isAfter(now)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The next cut-off after {@code now}, on a working day. */
    public Optional<Instant> nextCutoff(Instant now) {
        LocalDate day = dayOf(now);
        for (int ahead = 0; ahead <= LONGEST_REST; ahead++) {
            LocalDate candidate = day.plusDays(ahead);
            if (isWorkingDay(candidate) && cutoffOn(candidate).isAfter(now)) {
                return Optional.of(cutoffOn(candidate));
            }
        }
        return Optional.empty();
    }
}
