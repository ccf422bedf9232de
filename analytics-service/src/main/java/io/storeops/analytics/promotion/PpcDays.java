package io.storeops.analytics.promotion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which import's rows count for each day of one store's reports of one source, grain and ad account
 * (the keyword reports of its 直通车 account, say). Importing a day again replaces it: the newer
 * import takes the day over here, in one write for all its days, so the figures never count a day
 * twice nor half of one. Two accounts of a store are two spends: each has its own days, and their
 * figures add up.
 *
 * @param account     the ad account the reports are of; empty when they do not say
 * @param importByDay the store-local day (ISO) → the import whose rows count for it
 */
public record PpcDays(String storeId, String source, String grain, String account, Map<String, String> importByDay) {

    public PpcDays {
        account = account == null ? "" : account;
        importByDay = importByDay == null ? Map.of() : Map.copyOf(importByDay);
    }

    /** The days of reports that name no account (a store's traffic, say). */
    public static String idOf(String storeId, String source, String grain) {
        return idOf(storeId, source, grain, "");
    }

    public static String idOf(String storeId, String source, String grain, String account) {
        String id = storeId + "|" + source + "|" + grain;
        return account == null || account.isEmpty() ? id : id + "|" + account;
    }

    public static PpcDays none(String storeId, String source, String grain) {
        return none(storeId, source, grain, "");
    }

    public static PpcDays none(String storeId, String source, String grain, String account) {
        return new PpcDays(storeId, source, grain, account, Map.of());
    }

    /** The days after {@code importId} took {@code days} over. */
    public PpcDays takenOver(String importId, Collection<String> days) {
        Map<String, String> next = new TreeMap<>(importByDay);
        days.forEach(day -> next.put(day, importId));
        return new PpcDays(storeId, source, grain, account, next);
    }

    /**
     * Whose rows count for figures by {@code dimension} over {@code from} to {@code to}: for each day
     * and each source and account, the import of the first grain in {@link Dimension#grains()} that
     * has the day; import → its days. Reports of different grains are the same spend cut different
     * ways, so a day of one account never takes two; different accounts and sources add up.
     */
    public static Map<String, List<String>> counting(
            Collection<PpcDays> imported, Dimension dimension, LocalDate from, LocalDate to) {
        return counting(imported, dimension.grains(), false, from, to);
    }

    /**
     * Whose rows count over {@code from} to {@code to}: for each day and each source and account, the
     * import of the first of {@code grains} that has the day; import → its days. With {@code
     * oneSource}, only that of the first source and account (by name) that has the day: for what two
     * sources would both measure (a shop's visitors), where adding them up would count the day twice.
     */
    public static Map<String, List<String>> counting(
            Collection<PpcDays> imported, List<String> grains, boolean oneSource, LocalDate from, LocalDate to) {
        Map<String, List<PpcDays>> bySpender = new TreeMap<>();
        imported.forEach(days -> bySpender
                .computeIfAbsent(days.source() + "|" + days.account(), key -> new ArrayList<>())
                .add(days));
        Map<String, List<String>> byImport = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String date = day.toString();
            bySpender.values().stream()
                    .map(reports -> firstGrainWith(reports, grains, date))
                    .flatMap(Optional::stream)
                    .limit(oneSource ? 1 : Long.MAX_VALUE)
                    .forEach(importId -> byImport.computeIfAbsent(importId, key -> new ArrayList<>())
                            .add(date));
        }
        return byImport;
    }

    /** The import of {@code date} in the first of {@code grains} that one source and account's reports have it in. */
    private static Optional<String> firstGrainWith(List<PpcDays> reports, List<String> grains, String date) {
        return grains.stream()
                .flatMap(grain -> reports.stream()
                        .filter(days ->
                                days.grain().equals(grain) && days.importByDay().containsKey(date))
                        .map(days -> days.importByDay().get(date)))
                .findFirst();
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
