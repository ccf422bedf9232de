package io.storeops.analytics.promotion;

import io.storeops.analytics.sales.OrderFact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Promotion figures by one dimension: the reports' traffic and spend per value, joined with the paid
 * orders StoreOps attributes to the same value. A value only the reports know shows no StoreOps
 * sales; one only the orders know (a keyword no imported report covers) shows sales without spend.
 */
public final class PromotionTable {

    private PromotionTable() {}

    /** One value's figures; {@code label} as the report (or else the order) writes it. */
    public record Row(String key, String label, String detail, PromotionFigures figures) {}

    /**
     * A report's figures for one value of the dimension.
     *
     * @param value  the dimension's value in the report (for an item, its id)
     * @param detail a second name for it (for an item, its title), or null
     */
    public record Traffic(String value, String detail, PromotionFigures figures) {}

    /** What rows are ordered by, and how to read it off them. */
    public enum Metric {
        SPEND(PromotionFigures::spendMinor),
        IMPRESSIONS(PromotionFigures::impressions),
        CLICKS(PromotionFigures::clicks),
        CTR(PromotionFigures::ctr),
        CPC(PromotionFigures::cpcMinor),
        REPORTED_ORDERS(figures -> figures.reported().orders()),
        REPORTED_GMV(figures -> figures.reported().gmvMinor()),
        REPORTED_ROI(PromotionFigures::reportedRoi),
        ORDERS(figures -> figures.attributed().orders()),
        GMV(figures -> figures.attributed().gmvMinor()),
        REFUNDED(figures -> figures.attributed().refundedMinor()),
        CONVERSION(PromotionFigures::conversion),
        ROI(PromotionFigures::roi),
        ROI_NET_OF_REFUNDS(PromotionFigures::roiNetOfRefunds);

        private final Function<PromotionFigures, Object> value;

        Metric(Function<PromotionFigures, Object> value) {
            this.value = value;
        }

        /** The metric a request names, as written in the API (roiNetOfRefunds, reportedGmv, spend...). */
        public static Metric named(String name) {
            String wanted = name.strip().replace("_", "").toLowerCase(Locale.ROOT);
            for (Metric metric : values()) {
                if (metric.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return metric;
                }
            }
            throw new IllegalArgumentException("sort must be one of spend, impressions, clicks, ctr, cpc, "
                    + "reportedOrders, reportedGmv, reportedRoi, orders, gmv, refunded, conversion, roi, "
                    + "roiNetOfRefunds, not '" + name + "'");
        }

        BigDecimal of(Row row) {
            Object number = value.apply(row.figures());
            return number == null
                    ? null
                    : number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) number);
        }
    }

    /** The figures by {@code dimension}: the reports' rows and the attributed orders, joined on their keys. */
    public static List<Row> join(Dimension dimension, List<Traffic> traffic, List<OrderFact> facts) {
        return join(dimension, traffic, facts, ListedItems.NONE);
    }

    /**
     * The same, with the store's {@code listed} products: by item, a report row naming a product's
     * storefront item id meets the orders of all its SKUs (one row per product); the old ways (the
     * report's item id is the SKU, or its title is an order line's) still meet what is not listed.
     */
    public static List<Row> join(
            Dimension dimension, List<Traffic> traffic, List<OrderFact> facts, ListedItems listed) {
        Map<String, PromotionFigures.Sales> attributed = new LinkedHashMap<>();
        Map<String, String> orderLabels = new LinkedHashMap<>();
        Map<String, String> skuKeyByTitle = new LinkedHashMap<>();
        for (OrderFact fact : facts) {
            dimension.attributed(fact, listed).forEach((value, sales) -> {
                String key = dimension.keyOf(value);
                attributed.merge(key, sales, PromotionFigures.Sales::plus);
                orderLabels.putIfAbsent(key, value);
            });
            fact.lines().stream()
                    .filter(line -> line.sku() != null && line.title() != null)
                    .forEach(line ->
                            skuKeyByTitle.putIfAbsent(Dimension.ITEM.keyOf(line.title()), listed.keyOfSku(line.sku())));
        }

        Map<String, Row> rows = new LinkedHashMap<>();
        for (Traffic reported : traffic) {
            String key = dimension == Dimension.ITEM
                    ? itemKey(reported, attributed, skuKeyByTitle, listed)
                    : dimension.keyOf(reported.value());
            String rowKey = key == null ? "" : key;
            rows.merge(
                    rowKey,
                    new Row(rowKey, reported.value(), reported.detail(), reported.figures()),
                    (one, other) -> new Row(
                            rowKey, one.label(), one.detail(), one.figures().plus(other.figures())));
        }

        if (dimension == Dimension.ACCOUNT && rows.size() == 1 && attributed.containsKey(Dimension.ALL)) {
            // one ad account: the store's promoted orders are its orders
            Row account = rows.values().iterator().next();
            rows.put(account.key(), sold(account, attributed.remove(Dimension.ALL)));
        }
        List<Row> joined = new ArrayList<>();
        rows.values()
                .forEach(row ->
                        joined.add(attributed.containsKey(row.key()) ? sold(row, attributed.remove(row.key())) : row));
        attributed.forEach((key, sales) -> joined.add(new Row(
                key,
                orderLabels.get(key),
                dimension == Dimension.ITEM
                        ? listed.keyed(key).map(ListedItems.Item::title).orElse(null)
                        : null,
                PromotionFigures.NONE.withAttributed(sales))));
        return joined;
    }

    /** The whole of {@code rows}. */
    public static PromotionFigures total(List<Row> rows) {
        return rows.stream().map(Row::figures).reduce(PromotionFigures.NONE, PromotionFigures::plus);
    }

    /**
     * The {@code count} rows highest ({@code descending}) or lowest by {@code metric}; rows without
     * the metric (no spend for an ROI) come last either way; ties by label.
     */
    public static List<Row> ranked(List<Row> rows, Metric metric, boolean descending, int count) {
        Comparator<BigDecimal> direction = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return rows.stream()
                .sorted(Comparator.comparing(metric::of, Comparator.nullsLast(direction))
                        .thenComparing(row -> row.label() == null ? "" : row.label()))
                .limit(count)
                .toList();
    }

    private static Row sold(Row row, PromotionFigures.Sales sales) {
        return new Row(row.key(), row.label(), row.detail(), row.figures().withAttributed(sales));
    }

    /**
     * A report names an item by its id: StoreOps knows it as a listed product's storefront item id,
     * or (before the listing flow, or for what it does not list) when it is the SKU; else by its title.
     */
    private static String itemKey(
            Traffic reported,
            Map<String, PromotionFigures.Sales> attributed,
            Map<String, String> skuKeyByTitle,
            ListedItems listed) {
        Optional<ListedItems.Item> named = listed.named(reported.value());
        if (named.isPresent()) {
            return named.get().key();
        }
        String byId = Dimension.ITEM.keyOf(reported.value());
        if (byId != null && attributed.containsKey(byId)) {
            return byId;
        }
        Optional<ListedItems.Item> sellingIt = listed.selling(reported.value());
        if (sellingIt.isPresent()) {
            return sellingIt.get().key(); // the seller's 商家编码 is a SKU of a listed product
        }
        String byTitle = listed.titled(reported.detail())
                .map(ListedItems.Item::key)
                .orElseGet(() -> skuKeyByTitle.get(Dimension.ITEM.keyOf(reported.detail())));
        return byTitle != null ? byTitle : byId != null ? byId : Dimension.ITEM.keyOf(reported.detail());
    }
}
