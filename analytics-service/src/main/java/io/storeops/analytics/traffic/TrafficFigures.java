package io.storeops.analytics.traffic;

import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.promotion.ListedItems;
import io.storeops.analytics.rates.Rates;
import io.storeops.analytics.sales.OrderFact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shop-level conversion: the imported visitors and page views of each day (or item) joined with the
 * orders StoreOps saw paid on it. Items meet on the keys of promotion's {@link Dimension#ITEM}: an
 * export's item id when it is a listed product's storefront item id ({@link ListedItems}), or when
 * StoreOps sells it as the SKU, else its title as an order line writes it.
 */
public final class TrafficFigures {

    static final int CONVERSION_PLACES = 4;
    static final int PAGES_PLACES = 2;

    private TrafficFigures() {}

    /** What the imports counted for a day (or an item over the days). */
    public record Visits(String day, String itemId, String itemTitle, long visitors, long pageViews) {}

    /** Paid orders and their GMV (for an item: orders holding it, and what its lines came to). */
    public record Sold(long orders, long gmvMinor) {

        public static final Sold NONE = new Sold(0, 0);

        Sold plus(Sold other) {
            return new Sold(orders + other.orders, gmvMinor + other.gmvMinor);
        }
    }

    /**
     * One day's (or item's) figures.
     *
     * @param day the store-local day, null for an item or a total
     * @param sku the SKU the orders name when an item met them, else null
     * @param conversion paid orders / visitors, 4 places half up; null without visitors
     * @param pagesPerVisitor page views / visitors, 2 places half up; null without visitors
     * @param aovMinor GMV / paid orders, minor units half up; null without orders
     */
    public record Line(
            String day,
            String itemId,
            String itemTitle,
            String sku,
            long visitors,
            long pageViews,
            long paidOrders,
            long gmvMinor,
            BigDecimal conversion,
            BigDecimal pagesPerVisitor,
            Long aovMinor) {

        static Line of(String day, String itemId, String itemTitle, String sku, Visits visits, Sold sold) {
            BigDecimal aov = Rates.ratio(sold.gmvMinor(), sold.orders(), 0);
            return new Line(
                    day,
                    itemId,
                    itemTitle,
                    sku,
                    visits.visitors(),
                    visits.pageViews(),
                    sold.orders(),
                    sold.gmvMinor(),
                    Rates.ratio(sold.orders(), visits.visitors(), CONVERSION_PLACES),
                    Rates.ratio(visits.pageViews(), visits.visitors(), PAGES_PLACES),
                    aov == null ? null : aov.longValueExact());
        }
    }

    private static final Visits NO_VISITS = new Visits(null, null, null, 0, 0);

    /** Every day with visits or paid orders, in order. */
    public static List<Line> byDay(List<Visits> visits, Map<String, Sold> soldByDay) {
        Map<String, Visits> byDay = new TreeMap<>();
        visits.forEach(v -> byDay.merge(v.day(), v, TrafficFigures::plus));
        List<Line> lines = new ArrayList<>();
        new TreeSet<>(union(byDay.keySet(), soldByDay.keySet()))
                .forEach(day -> lines.add(Line.of(
                        day,
                        null,
                        null,
                        null,
                        byDay.getOrDefault(day, NO_VISITS),
                        soldByDay.getOrDefault(day, Sold.NONE))));
        return lines;
    }

    /**
     * Every item with visits or in a paid order (given by its lines), most visited first: an order
     * counts once for each SKU it holds, with that SKU's lines' value.
     */
    public static List<Line> byItem(List<Visits> visits, List<List<OrderFact.Line>> orders) {
        return byItem(visits, orders, ListedItems.NONE);
    }

    /**
     * The same, with the store's {@code listed} products: an export's item id that is a product's
     * storefront item id meets the orders of all its SKUs, counted together as that product (the
     * line's {@code sku} is the first of them sold); the old ways meet what is not listed.
     */
    public static List<Line> byItem(List<Visits> visits, List<List<OrderFact.Line>> orders, ListedItems listed) {
        Map<String, Sold> soldByKey = new LinkedHashMap<>();
        Map<String, String> skuOfKey = new LinkedHashMap<>();
        Map<String, String> titleOfKey = new LinkedHashMap<>();
        Map<String, String> keyByTitle = new LinkedHashMap<>();
        for (List<OrderFact.Line> order : orders) {
            Map<String, Long> paidByKey = new LinkedHashMap<>();
            for (OrderFact.Line line : order) {
                String key = line.sku() != null ? listed.keyOfSku(line.sku()) : Dimension.ITEM.keyOf(line.title());
                if (key == null) {
                    continue;
                }
                paidByKey.merge(key, line.unitPriceMinor() * line.quantity(), Long::sum);
                skuOfKey.putIfAbsent(key, line.sku());
                titleOfKey.putIfAbsent(
                        key, listed.keyed(key).map(ListedItems.Item::title).orElse(line.title()));
                String titleKey = Dimension.ITEM.keyOf(line.title());
                if (titleKey != null) {
                    keyByTitle.putIfAbsent(titleKey, key);
                }
            }
            paidByKey.forEach((key, paid) -> soldByKey.merge(key, new Sold(1, paid), Sold::plus));
        }

        Map<String, Visits> visitsByKey = new LinkedHashMap<>();
        for (Visits item : visits) {
            visitsByKey.merge(itemKey(item, soldByKey, keyByTitle, listed), item, TrafficFigures::plus);
        }

        List<Line> lines = new ArrayList<>();
        visitsByKey.forEach((key, item) -> lines.add(Line.of(
                null,
                item.itemId(),
                item.itemTitle() != null ? item.itemTitle() : titleOfKey.get(key),
                skuOfKey.get(key),
                item,
                soldByKey.getOrDefault(key, Sold.NONE))));
        soldByKey.forEach((key, sold) -> {
            if (!visitsByKey.containsKey(key)) {
                lines.add(Line.of(null, null, titleOfKey.get(key), skuOfKey.get(key), NO_VISITS, sold));
            }
        });
        lines.sort(Comparator.comparingLong(Line::visitors)
                .thenComparingLong(Line::paidOrders)
                .reversed()
                .thenComparing(line -> line.itemTitle() == null ? "" : line.itemTitle()));
        return lines;
    }

    /**
     * The key an export's item meets orders under: a listed product's by its storefront item id, its
     * own id when StoreOps sells it as the SKU, a listed product's whose SKU it is, else by title.
     */
    private static String itemKey(
            Visits item, Map<String, Sold> soldByKey, Map<String, String> keyByTitle, ListedItems listed) {
        Optional<ListedItems.Item> named = listed.named(item.itemId());
        if (named.isPresent()) {
            return named.get().key();
        }
        String byId = Dimension.ITEM.keyOf(item.itemId());
        if (byId != null && soldByKey.containsKey(byId)) {
            return byId;
        }
        Optional<ListedItems.Item> sellingIt = listed.selling(item.itemId());
        if (sellingIt.isPresent()) {
            return sellingIt.get().key();
        }
        String byTitle = listed.titled(item.itemTitle())
                .map(ListedItems.Item::key)
                .orElseGet(() -> keyByTitle.get(Dimension.ITEM.keyOf(item.itemTitle())));
        return byTitle != null ? byTitle : byId != null ? byId : Dimension.ITEM.keyOf(item.itemTitle());
    }

    /** The lines' sums, and their rates. */
    public static Line total(List<Line> lines) {
        Visits visits = new Visits(
                null,
                null,
                null,
                lines.stream().mapToLong(Line::visitors).sum(),
                lines.stream().mapToLong(Line::pageViews).sum());
        Sold sold = new Sold(
                lines.stream().mapToLong(Line::paidOrders).sum(),
                lines.stream().mapToLong(Line::gmvMinor).sum());
        return Line.of(null, null, null, null, visits, sold);
    }

    private static Visits plus(Visits one, Visits other) {
        return new Visits(
                one.day(),
                one.itemId() != null ? one.itemId() : other.itemId(),
                one.itemTitle() != null ? one.itemTitle() : other.itemTitle(),
                one.visitors() + other.visitors(),
                one.pageViews() + other.pageViews());
    }

    private static List<String> union(Set<String> one, Set<String> other) {
        List<String> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }
}
