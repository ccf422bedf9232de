package io.storeops.analytics.costs;

import io.storeops.analytics.rates.Rates;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store's operating ROI (店铺ROI): its sales against what running it cost, per month. Net sales are
 * GMV less what was paid back of those orders; ROI = net sales / total cost (2 places half up), cost
 * ratio = total cost / net sales (4 places half up); each null when there is nothing to divide by.
 */
public final class OperatingRoi {

    static final int ROI_PLACES = 2;
    static final int RATIO_PLACES = 4;

    private OperatingRoi() {}

    /**
     * One month's (or the range's) figures, money in minor units of the store's currency.
     *
     * @param month yyyy-MM, null for a range's totals
     * @param costs every category (ad spend first), 0 where nothing was spent
     */
    public record Figures(
            String month,
            Map<CostCategory, Long> costs,
            long totalCostMinor,
            long gmvMinor,
            long netSalesMinor,
            BigDecimal roi,
            BigDecimal costRatio) {}

    /** A month's figures from its ledger's costs, its ad spend and its sales. */
    public static Figures month(
            String month, Map<CostCategory, Long> entered, long adSpendMinor, long gmvMinor, long netSalesMinor) {
        Map<CostCategory, Long> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            costs.put(category, entered.getOrDefault(category, 0L));
        }
        costs.put(CostCategory.AD_SPEND, adSpendMinor);
        return of(month, costs, gmvMinor, netSalesMinor);
    }

    /** The months added up, with the range's ratios (not the months' ratios averaged). */
    public static Figures total(List<Figures> months) {
        Map<CostCategory, Long> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            costs.put(
                    category,
                    months.stream().mapToLong(m -> m.costs().get(category)).reduce(0, Math::addExact));
        }
        return of(
                null,
                costs,
                months.stream().mapToLong(Figures::gmvMinor).sum(),
                months.stream().mapToLong(Figures::netSalesMinor).sum());
    }

    private static Figures of(String month, Map<CostCategory, Long> costs, long gmvMinor, long netSalesMinor) {
        long total = costs.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        return new Figures(
                month,
                new LinkedHashMap<>(costs),
                total,
                gmvMinor,
                netSalesMinor,
                Rates.ratio(netSalesMinor, total, ROI_PLACES),
                Rates.ratio(total, netSalesMinor, RATIO_PLACES));
    }
}
