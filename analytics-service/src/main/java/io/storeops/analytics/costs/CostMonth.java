package io.storeops.analytics.costs;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost ledger of one store's month: its entries, entered or imported, in the store's currency.
 * An entry sent again under the same id changes nothing; an import of the month replaces what earlier
 * imports brought to it, never what was entered by hand.
 *
 * @param month yyyy-MM, so that ranges compare as text
 */
public record CostMonth(String storeId, String month, String currency, List<CostEntry> entries) {

    public CostMonth {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static String idOf(String storeId, YearMonth month) {
        return storeId + "|" + month;
    }

    public static CostMonth empty(String storeId, YearMonth month, String currency) {
        return new CostMonth(storeId, month.toString(), currency, List.of());
    }

    public Optional<CostEntry> entry(String entryId) {
        return entries.stream().filter(e -> e.entryId().equals(entryId)).findFirst();
    }

    /**
     * The month with {@code entry}; unchanged when an entry of its id is there with the same cost (a
     * request sent again).
     *
     * @throws IllegalStateException when an entry of the id holds another cost
     */
    public CostMonth with(CostEntry entry) {
        Optional<CostEntry> there = entry(entry.entryId());
        if (there.isPresent()) {
            if (there.get().sameCost(entry)) {
                return this;
            }
            throw new IllegalStateException(
                    "the entry " + entry.entryId() + " is already in " + month + " with another cost; use another key");
        }
        List<CostEntry> next = new ArrayList<>(entries);
        next.add(entry);
        return new CostMonth(storeId, month, currency, next);
    }

    /** The month without the entry; unchanged without it. */
    public CostMonth without(String entryId) {
        return new CostMonth(
                storeId,
                month,
                currency,
                entries.stream().filter(e -> !e.entryId().equals(entryId)).toList());
    }

    /** The month with {@code imported} in place of every entry an earlier import brought. */
    public CostMonth imported(List<CostEntry> imported) {
        List<CostEntry> next = new ArrayList<>(
                entries.stream().filter(e -> e.importId() == null).toList());
        next.addAll(imported);
        return new CostMonth(storeId, month, currency, next);
    }

    /** The entered (and imported) costs by category, categories without entries left out. */
    public Map<CostCategory, Long> byCategory() {
        Map<CostCategory, Long> sums = new EnumMap<>(CostCategory.class);
        entries.forEach(e -> sums.merge(e.category(), e.amountMinor(), Math::addExact));
        return sums;
    }
}
