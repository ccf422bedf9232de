package io.storeops.analytics.promotion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which import's rows count for each day of one store's reports of one source and grain (the
 * keyword reports of its 直通车 account, say). Importing a day again replaces it: the newer import
 * takes the day over here, in one write for all its days, so the figures never count a day twice
 * nor half of one.
 *
 * @param importByDay the store-local day (ISO) → the import whose rows count for it
 */
public record PpcDays(String storeId, String source, String grain, Map<String, String> importByDay) {

    public PpcDays {
        importByDay = importByDay == null ? Map.of() : Map.copyOf(importByDay);
    }

    public static String idOf(String storeId, String source, String grain) {
        return storeId + "|" + source + "|" + grain;
    }

    public static PpcDays none(String storeId, String source, String grain) {
        return new PpcDays(storeId, source, grain, Map.of());
    }

    /** The days after {@code importId} took {@code days} over. */
    public PpcDays takenOver(String importId, Collection<String> days) {
        Map<String, String> next = new TreeMap<>(importByDay);
        days.forEach(day -> next.put(day, importId));
        return new PpcDays(storeId, source, grain, next);
    }

    /**
     * Whose rows count for figures by {@code dimension} over {@code from} to {@code to}: for each day,
     * the import of the first grain in {@link Dimension#grains()} that has the day (of any source);
     * import → its days. Reports of different grains are the same spend cut different ways, so a day
     * never takes two.
     */
    public static Map<String, List<String>> counting(
            Collection<PpcDays> imported, Dimension dimension, LocalDate from, LocalDate to) {
        return counting(imported, dimension.grains(), false, from, to);
    }

    /**
     * Whose rows count over {@code from} to {@code to}: for each day, the imports of the first of
     * {@code grains} that has the day; import → its days. With {@code oneSource}, only the import of
     * the first source (by name) that has the day: for what two sources would both measure (a shop's
     * visitors), where adding them up would count the day twice.
     */
    public static Map<String, List<String>> counting(
            Collection<PpcDays> imported, List<String> grains, boolean oneSource, LocalDate from, LocalDate to) {
        Map<String, List<String>> byImport = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String date = day.toString();
            for (String grain : grains) {
                List<String> importIds = imported.stream()
                        .filter(days ->
                                days.grain().equals(grain) && days.importByDay().containsKey(date))
                        .sorted(Comparator.comparing(PpcDays::source))
                        .limit(oneSource ? 1 : Long.MAX_VALUE)
                        .map(days -> days.importByDay().get(date))
                        .toList();
                if (!importIds.isEmpty()) {
                    importIds.forEach(importId -> byImport.computeIfAbsent(importId, key -> new ArrayList<>())
                            .add(date));
                    break;
                }
            }
        }
        return byImport;
    }

    /** Of {@code days}, those another import had: day → that import, whose rows of the day no longer count. */
    public Map<String, String> replacedBy(String importId, Collection<String> days) {
        Map<String, String> replaced = new TreeMap<>();
        days.forEach(day -> {
            String before = importByDay.get(day);
            if (before != null && !before.equals(importId)) {
                replaced.put(day, before);
            }
        });
        return replaced;
    }
}
