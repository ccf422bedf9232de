package io.storeops.fulfillment.batch;

import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each store's dispatch day, bound where it is used: {@code storeops.stores.<store>.dispatch.*}
 * beside the store's identity and zone, which platform binds.
 */
@ConfigurationProperties("storeops")
public record DispatchProperties(Map<String, StoreDispatch> stores) {

    public DispatchProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
    }

    /** The part of a store's settings that the warehouse day reads. */
    public record StoreDispatch(DispatchSettings dispatch) {

        public StoreDispatch {
            dispatch = dispatch == null ? DispatchSettings.DEFAULTS : dispatch;
        }
    }

    /**
     * @param cutoff            the daily cut-off in the store's zone, {@code HH:mm} (default 14:00)
     * @param restDays          days without a batch: dates ({@code 2027-02-06}) or inclusive ranges
     *                          ({@code 2027-02-05..2027-02-11})
     * @param weeklyRestDays    weekdays without a batch (default none: the warehouse ships every day)
     * @param senderAddress     the sender's address on the store's waybills (default none)
     * @param senderPhone       the sender's phone on the store's waybills (default none)
     * @param partialShipment   whether an order's lines in stock go out at once and those short
     *                          follow in a second parcel (default false: the order waits whole)
     */
    public record DispatchSettings(
            String cutoff,
            List<String> restDays,
            List<DayOfWeek> weeklyRestDays,
            String senderAddress,
            String senderPhone,
            boolean partialShipment) {

        static final DispatchSettings DEFAULTS = new DispatchSettings(null, null, null, null, null, false);

        public DispatchSettings {
            cutoff = cutoff == null ? "14:00" : cutoff;
            restDays = restDays == null ? List.of() : List.copyOf(restDays);
            weeklyRestDays = weeklyRestDays == null ? List.of() : List.copyOf(weeklyRestDays);
        }

        DispatchSchedule scheduleIn(ZoneId zone) {
            Set<LocalDate> days = new HashSet<>();
            restDays.forEach(entry -> days.addAll(datesOf(entry.trim())));
            return new DispatchSchedule(zone, time(cutoff), days, Set.copyOf(weeklyRestDays));
        }

        private static LocalTime time(String text) {
            try {
                return LocalTime.parse(text.trim());
            } catch (DateTimeParseException invalid) {
                throw new IllegalArgumentException("dispatch.cutoff '" + text + "' is not a time such as 14:00");
            }
        }

        private static List<LocalDate> datesOf(String entry) {
            try {
                int range = entry.indexOf("..");
                if (range < 0) {
                    return List.of(LocalDate.parse(entry));
                }
                LocalDate first = LocalDate.parse(entry.substring(0, range).trim());
                LocalDate last = LocalDate.parse(entry.substring(range + 2).trim());
                if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
                    throw new IllegalArgumentException(
                            "dispatch.rest-days range '" + entry + "' must run forwards, at most a year");
                }
                return first.datesUntil(last.plusDays(1)).toList();
            } catch (DateTimeParseException invalid) {
                throw new IllegalArgumentException("dispatch.rest-days entry '" + entry
                        + "' is neither a date (2027-02-06) nor a range (2027-02-05..2027-02-11)");
            }
        }
    }

    /** The settings of {@code storeId}; the defaults for a store that configures none. */
    public DispatchSettings settingsOf(String storeId) {
        StoreDispatch store = stores.get(storeId);
        return store == null ? DispatchSettings.DEFAULTS : store.dispatch();
    }

    /** Every configured store's schedule, checked once at start so a mistyped date stops the service. */
    public Map<String, DispatchSchedule> schedules(StoreCatalog catalog) {
        return catalog.storeIds().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        storeId -> settingsOf(storeId)
                                .scheduleIn(catalog.find(storeId)
                                        .map(StoreProperties.Store::zone)
                                        .orElseThrow())));
    }
}
