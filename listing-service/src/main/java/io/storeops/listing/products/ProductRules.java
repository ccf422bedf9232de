package io.storeops.listing.products;

import io.storeops.contracts.Money;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a product sheet must be before it is stored: codes in the form orders and stock use, a
 * title that fits a marketplace's, stores the department runs, every SKU priced in each store's
 * currency, and package contents a warehouse can tick off. Each refusal names the field.
 */
public final class ProductRules {

    /** Letters, digits, dot, dash, underscore; the form SKUs take everywhere in StoreOps. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Tmall's title limit is 60 bytes of GBK, 30 Chinese characters; Shopify's is longer: 60 characters serves both. */
    public static final int TITLE_LIMIT = 60;

    public static final int TEXT_LIMIT = 2_000;
    static final int NOTE_LIMIT = 500;
    static final int SKU_LIMIT = 100;
    static final int CONTENTS_LIMIT = 30;
    static final int ITEM_LIMIT = 64;

    private ProductRules() {}

    /**
     * The sheet, trimmed, or a refusal naming what is wrong. {@code currencies} is every store the
     * department runs, with its currency.
     */
    public static ProductSheet checked(ProductSheet sheet, Map<String, String> currencies) {
        String spu = code(sheet.spuCode(), "spuCode");
        String title = Texts.required(sheet.title(), "title", TITLE_LIMIT);
        if (sheet.stores().isEmpty()) {
            throw new IllegalArgumentException("stores must name at least one store the product is sold in.");
        }
        Set<String> stores = new LinkedHashSet<>();
        for (String store : sheet.stores()) {
            if (store == null || !currencies.containsKey(store.strip())) {
                throw new IllegalArgumentException("stores: '" + store + "' is not a store of the department.");
            }
            if (!stores.add(store.strip())) {
                throw new IllegalArgumentException("stores: '" + store + "' is named twice.");
            }
        }
        if (sheet.skus().isEmpty() || sheet.skus().size() > SKU_LIMIT) {
            throw new IllegalArgumentException("skus must list 1 to " + SKU_LIMIT + " variants.");
        }
        Set<String> codes = new HashSet<>();
        List<Sku> skus = new ArrayList<>();
        for (int index = 0; index < sheet.skus().size(); index++) {
            Sku sku = sheet.skus().get(index);
            String where = "skus[" + index + "]";
            if (sku == null) {
                throw new IllegalArgumentException(where + " is empty.");
            }
            String code = code(sku.sku(), where + ".sku");
            if (!codes.add(code)) {
                throw new IllegalArgumentException(where + ".sku: " + code + " is listed twice.");
            }
            skus.add(new Sku(
                    code,
                    Texts.optional(sku.variant(), where + ".variant", ITEM_LIMIT),
                    prices(sku.prices(), stores, currencies, where),
                    contents(sku.packageContents(), where)));
        }
        Positioning positioning = sheet.positioning();
        return new ProductSheet(
                spu,
                title,
                List.copyOf(stores),
                skus,
                new Positioning(
                        Texts.optional(positioning.targetBuyer(), "positioning.targetBuyer", NOTE_LIMIT),
                        Texts.optional(positioning.priceBand(), "positioning.priceBand", ITEM_LIMIT),
                        Texts.optional(positioning.season(), "positioning.season", ITEM_LIMIT),
                        Texts.optional(positioning.notes(), "positioning.notes", TEXT_LIMIT)));
    }

    /**
     * The SPU code as storefronts' product addresses take it (Shopify's handle): lower case, '.' and
     * '_' as '-'. Two products whose codes read the same there (TEA_LJ, tea-lj) would be one product
     * on the storefront, so a second is refused.
     */
    public static String handle(String spuCode) {
        return spuCode.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    /** {@code value} as a code (SPU or SKU), or a refusal naming {@code field}. */
    public static String code(String value, String field) {
        String code = value == null ? "" : value.strip();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 64 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit: '" + value + "' is not.");
        }
        return code;
    }

    private static List<StorePrice> prices(
            List<StorePrice> given, Set<String> stores, Map<String, String> currencies, String where) {
        List<StorePrice> prices = new ArrayList<>();
        for (String store : stores) {
            List<StorePrice> inStore = given.stream()
                    .filter(price -> price != null && store.equals(price.storeId()))
                    .toList();
            if (inStore.size() != 1) {
                throw new IllegalArgumentException(where + ".prices must give one price in store " + store
                        + (inStore.isEmpty() ? ": it gives none." : ": it gives " + inStore.size() + "."));
            }
            Money price = inStore.get(0).price();
            String currency = currencies.get(store);
            if (price == null || price.amountMinor() <= 0) {
                throw new IllegalArgumentException(
                        where + ".prices: the price in " + store + " must be more than nothing (minor units).");
            }
            if (!currency.equals(price.currency())) {
                throw new IllegalArgumentException(
                        where + ".prices: " + store + " sells in " + currency + ", not " + price.currency() + ".");
            }
            prices.add(new StorePrice(store, price));
        }
        if (given.size() != prices.size()) {
            throw new IllegalArgumentException(
                    where + ".prices names a store the product is not sold in: add it to stores first.");
        }
        return prices;
    }

    private static List<String> contents(List<String> given, String where) {
        if (given.size() > CONTENTS_LIMIT) {
            throw new IllegalArgumentException(
                    where + ".packageContents lists " + given.size() + " items: at most " + CONTENTS_LIMIT + ".");
        }
        List<String> contents = new ArrayList<>();
        for (String item : given) {
            String checked = Texts.required(item, where + ".packageContents", ITEM_LIMIT);
            if (contents.contains(checked)) {
                throw new IllegalArgumentException(where + ".packageContents lists '" + checked + "' twice.");
            }
            contents.add(checked);
        }
        return contents;
    }
}
