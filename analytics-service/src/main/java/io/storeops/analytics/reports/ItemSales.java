package io.storeops.analytics.reports;

import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.promotion.ListedItems;
import io.storeops.analytics.sales.OrderFact;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What some items sold in all, through paid promotion or not: the lift a campaign is judged by.
 *
 * @param orders        orders with at least one unit of the item
 * @param gmvMinor      what its lines came to
 * @param refundedMinor paid back for its units (as the refunds said per SKU)
 */
public record ItemSales(String sku, String title, long orders, long units, long gmvMinor, long refundedMinor) {

    /**
     * The sales of each item keyed {@code itemKeys} ({@link Dimension#ITEM}'s keys) among {@code facts},
     * in that order; an item that sold nothing shows zeros under its key.
     */
    public static List<ItemSales> of(Collection<String> itemKeys, List<OrderFact> facts) {
        return of(itemKeys, facts, ListedItems.NONE);
    }

    /**
     * The same, with the store's {@code listed} products: a key that is a listed product's item
     * counts the lines of all its SKUs ({@code sku} is the first of them sold), as the figures by
     * item key them.
     */
    public static List<ItemSales> of(Collection<String> itemKeys, List<OrderFact> facts, ListedItems listed) {
        Map<String, ItemSales> byKey = new LinkedHashMap<>();
        itemKeys.forEach(key -> byKey.put(key, new ItemSales(key, null, 0, 0, 0, 0)));
        for (OrderFact fact : facts) {
            Map<String, ItemSales> inThisOrder = new LinkedHashMap<>();
            Map<String, Set<String>> skusInThisOrder = new LinkedHashMap<>();
            for (OrderFact.Line line : fact.lines()) {
                String key = line.sku() == null ? null : listed.keyOfSku(line.sku());
                if (key != null && byKey.containsKey(key)) {
                    // two lines of one item are one order; each SKU's refunds count once
                    boolean firstOfItsSku = skusInThisOrder
                            .computeIfAbsent(key, any -> new LinkedHashSet<>())
                            .add(line.sku());
                    inThisOrder.merge(
                            key,
                            new ItemSales(
                                    line.sku(),
                                    line.title(),
                                    1,
                                    line.quantity(),
                                    line.unitPriceMinor() * line.quantity(),
                                    firstOfItsSku ? fact.refundedMinor(line.sku()) : 0),
                            (one, other) -> new ItemSales(
                                    one.sku,
                                    one.title,
                                    1,
                                    one.units + other.units,
                                    one.gmvMinor + other.gmvMinor,
                                    one.refundedMinor + other.refundedMinor));
                }
            }
            inThisOrder.forEach((key, sold) -> byKey.merge(key, sold, (known, more) -> known.plus(more)));
        }
        return List.copyOf(byKey.values());
    }

    private ItemSales plus(ItemSales other) {
        return new ItemSales(
                orders == 0 ? other.sku : sku,
                title != null ? title : other.title,
                orders + other.orders,
                units + other.units,
                gmvMinor + other.gmvMinor,
                refundedMinor + other.refundedMinor);
    }
}
