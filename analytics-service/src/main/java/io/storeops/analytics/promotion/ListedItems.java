package io.storeops.analytics.promotion;

import io.storeops.analytics.listing.ListingFact;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items of a store as the listing flow published them: each product's storefront item id
 * (Tmall 宝贝ID, Shopify product id) with the SKUs it sells. Pay-per-click reports and traffic
 * exports name an item by that id, orders name SKUs: through these the two meet, whatever the
 * seller writes as 商家编码 and however the report spells the title. A product met this way counts
 * as one item, all its SKUs together, under the id it is on sale under now (a product relisted
 * under a new id is met by either). Keys are {@link Dimension#ITEM}'s.
 */
public final class ListedItems {

    /** No product listed: items meet orders only by SKU or title, as before the listing flow. */
    public static final ListedItems NONE = new ListedItems(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * One product on sale in the store.
     *
     * @param key     the item's key: its current storefront item id's
     * @param itemId  its current storefront item id, as the listing flow published it
     * @param title   its current title
     * @param skuKeys the keys of every SKU any of its versions sold
     */
    public record Item(String key, String itemId, String productId, String title, Set<String> skuKeys) {

        public Item {
            skuKeys = Set.copyOf(skuKeys);
        }
    }

    private final Map<String, Item> byKey;
    private final Map<String, Item> byItemId;
    private final Map<String, Item> bySku;
    private final Map<String, Item> byTitle;

    private ListedItems(
            Map<String, Item> byKey, Map<String, Item> byItemId, Map<String, Item> bySku, Map<String, Item> byTitle) {
        this.byKey = byKey;
        this.byItemId = byItemId;
        this.bySku = bySku;
        this.byTitle = byTitle;
    }

    /**
     * The items of {@code listings} (one store's): each product that has been published with a
     * storefront item id. A SKU or title that two products claim meets the one published last (then
     * the lower product id), whatever order the store answers them in, so a rebuild meets the same.
     */
    public static ListedItems of(Collection<ListingFact> listings) {
        Map<String, Item> byKey = new LinkedHashMap<>();
        Map<String, Item> byItemId = new LinkedHashMap<>();
        Map<String, Item> bySku = new LinkedHashMap<>();
        Map<String, Item> byTitle = new LinkedHashMap<>();
        List<ListingFact> newestFirst = listings.stream()
                .sorted(Comparator.comparing(ListedItems::lastPublished, Comparator.reverseOrder())
                        .thenComparing(ListingFact::productId))
                .toList();
        for (ListingFact listing : newestFirst) {
            List<ListingFact.Version> published = listing.versions().stream()
                    .filter(version -> Dimension.ITEM.keyOf(version.storefrontProductId()) != null)
                    .toList();
            if (published.isEmpty()) {
                continue;
            }
            ListingFact.Version now = published.get(published.size() - 1);
            Set<String> skuKeys = new LinkedHashSet<>();
            published.forEach(version -> version.skuCodes().stream()
                    .map(Dimension.ITEM::keyOf)
                    .filter(key -> key != null)
                    .forEach(skuKeys::add));
            Item item = new Item(
                    Dimension.ITEM.keyOf(now.storefrontProductId()),
                    now.storefrontProductId().strip(),
                    listing.productId(),
                    now.title(),
                    skuKeys);
            byKey.putIfAbsent(item.key(), item);
            published.forEach(
                    version -> byItemId.putIfAbsent(Dimension.ITEM.keyOf(version.storefrontProductId()), item));
            skuKeys.forEach(sku -> bySku.putIfAbsent(sku, item));
            String title = Dimension.ITEM.keyOf(now.title());
            if (title != null) {
                byTitle.putIfAbsent(title, item);
            }
        }
        return new ListedItems(byKey, byItemId, bySku, byTitle);
    }

    /** The product a report or export names by {@code itemId}: one of its storefront item ids. */
    public Optional<Item> named(String itemId) {
        return lookUp(byItemId, itemId);
    }

    /** The product that sells {@code sku}. */
    public Optional<Item> selling(String sku) {
        return lookUp(bySku, sku);
    }

    /** The product whose current title is {@code title} (spacing and case aside). */
    public Optional<Item> titled(String title) {
        return lookUp(byTitle, title);
    }

    /** The product whose item key is {@code key}. */
    public Optional<Item> keyed(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    /** The key under which {@code sku}'s sales count by item: its product's when listed, else its own. */
    public String keyOfSku(String sku) {
        return selling(sku).map(Item::key).orElseGet(() -> Dimension.ITEM.keyOf(sku));
    }

    private static Optional<Item> lookUp(Map<String, Item> items, String value) {
        String key = Dimension.ITEM.keyOf(value);
        return key == null ? Optional.empty() : Optional.ofNullable(items.get(key));
    }

    private static Instant lastPublished(ListingFact listing) {
        return listing.versions().stream()
                .map(ListingFact.Version::publishedAt)
                .max(Comparator.naturalOrder())
                .orElse(Instant.MIN);
    }
}
