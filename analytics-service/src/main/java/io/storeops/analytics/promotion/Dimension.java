package io.storeops.analytics.promotion;

import io.storeops.analytics.sales.OrderFact;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What promotion figures are broken down by, how a report row and a paid order are keyed for it, and
 * which reports carry it. Reports overlap (a keyword report and a region report are the same spend
 * cut two ways), so each day's spend by a dimension is taken from one grain of report only: the
 * first in {@link #grains} that the store imported for that day.
 */
public enum Dimension {
    ACCOUNT(List.of("ACCOUNT", "CAMPAIGN", "ITEM", "KEYWORD", "REGION", "HOUR"), List.of("row.account")),
    CAMPAIGN(List.of("CAMPAIGN", "ITEM", "KEYWORD", "REGION", "HOUR"), List.of("row.campaign")),
    ITEM(List.of("ITEM", "KEYWORD"), List.of("row.itemId", "row.itemTitle")),
    KEYWORD(List.of("KEYWORD"), List.of("row.keyword")),
    REGION(List.of("REGION"), List.of("row.region")),
    HOUR(List.of("HOUR"), List.of("row.hour")),
    /** The page the buyer landed on: no pay-per-click report is by page, so only StoreOps' side. */
    PAGE(List.of(), List.of());

    /** Province-level suffixes that addresses carry and report regions drop: 浙江省 is 浙江. */
    private static final Pattern REGION_SUFFIX = Pattern.compile("(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$");

    /** Google Ads writes match types into the keyword: [tea mug], "tea mug", +tea +mug. */
    private static final Pattern MATCH_TYPE_MARKS = Pattern.compile("[\\[\\]\"+]");

    private final List<String> grains;
    private final List<String> rowFields;

    Dimension(List<String> grains, List<String> rowFields) {
        this.grains = grains;
        this.rowFields = rowFields;
    }

    /** The report grains that carry this dimension, the one to prefer first. */
    public List<String> grains() {
        return grains;
    }

    /** The fields of a stored report row that name this dimension's value. */
    public List<String> rowFields() {
        return rowFields;
    }

    public static Dimension named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new IllegalArgumentException(
                    "by must be one of account, campaign, item, keyword, region, hour, page, not '" + name + "'");
        }
    }

    /**
     * The key under which a report row and an order meet: spaces and case do not matter, nor a
     * province's suffix, nor Google's match-type marks; null for a row without the value.
     */
    public String keyOf(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip().replaceAll("\\s+", " ");
        if (this == KEYWORD) {
            text = MATCH_TYPE_MARKS.matcher(text).replaceAll("").strip();
        }
        if (this == REGION) {
            text = REGION_SUFFIX.matcher(text).replaceAll("");
        }
        return text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * What a paid order brings to each value of this dimension that it counts for (as the order
     * names it; {@link #keyOf} keys it): the order for its
     * campaign, keyword, region and hour (the hour it was paid, as near as StoreOps comes to the
     * click), each of its SKUs for items (that line's value and refunds only), and the store as a
     * whole for an account. An order counts only when its attribution names a campaign or a keyword:
     * it came through paid promotion.
     */
    public Map<String, PromotionFigures.Sales> attributed(OrderFact fact) {
        return attributed(fact, ListedItems.NONE);
    }

    /**
     * The same, with the store's {@code listed} products: by item, the SKUs of a listed product
     * count together as that product, under its storefront item id, the order once for it.
     */
    public Map<String, PromotionFigures.Sales> attributed(OrderFact fact, ListedItems listed) {
        if (fact.attribution().campaign() == null && fact.attribution().keyword() == null) {
            return Map.of();
        }
        PromotionFigures.Sales whole = new PromotionFigures.Sales(1, fact.gmvMinor(), fact.refundedMinor());
        Function<Object, Map<String, PromotionFigures.Sales>> one =
                value -> keyOf(value) == null ? Map.of() : Map.of(value.toString(), whole);
        return switch (this) {
            case ACCOUNT -> Map.of(ALL, whole);
            case CAMPAIGN -> one.apply(fact.attribution().campaign());
            case KEYWORD -> one.apply(fact.attribution().keyword());
            case REGION -> one.apply(fact.province());
            case HOUR -> one.apply(fact.paidHour());
            case PAGE -> one.apply(fact.attribution().landingPage());
            case ITEM -> byItem(fact, listed);
        };
    }

    /** The key of an account's StoreOps side: StoreOps does not know ad accounts, only the store. */
    public static final String ALL = "*";

    private Map<String, PromotionFigures.Sales> byItem(OrderFact fact, ListedItems listed) {
        // the item each line counts for: its listed product's (by the id it is on sale under), else its SKU
        Map<String, Long> paidByItem = new LinkedHashMap<>();
        Map<String, Set<String>> skusByItem = new LinkedHashMap<>();
        fact.lines().stream().filter(line -> line.sku() != null).forEach(line -> {
            String item =
                    listed.selling(line.sku()).map(ListedItems.Item::itemId).orElse(line.sku());
            paidByItem.merge(item, line.unitPriceMinor() * line.quantity(), Long::sum);
            skusByItem.computeIfAbsent(item, any -> new LinkedHashSet<>()).add(line.sku());
        });
        Map<String, PromotionFigures.Sales> items = new LinkedHashMap<>();
        paidByItem.forEach((item, paidMinor) -> items.put(
                item,
                new PromotionFigures.Sales(
                        1,
                        paidMinor,
                        skusByItem.get(item).stream()
                                .mapToLong(fact::refundedMinor)
                                .sum())));
        return items;
    }
}
