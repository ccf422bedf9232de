package io.storeops.console.listing;

import io.storeops.console.Formats;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.listing.ListingModel.Listing;
import io.storeops.console.listing.ListingModel.Money;
import io.storeops.console.listing.ListingModel.Positioning;
import io.storeops.console.listing.ListingModel.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The product form (商品挑选、定位, and its edits) as the person typed it: SPU code and title, the
 * store that runs the listing and the others it is sold in, one row per SKU ({@code sku.N},
 * {@code variant.N}, {@code price.N.<store>} in the store's currency, {@code contents.N}: the
 * package contents, separated by commas or 、), and the positioning. Kept as typed, so that a
 * refused form comes back as the person left it; turned into listing-service's product sheet
 * only when sent.
 *
 * @param rows the SKU rows as shown, blank ones included (a blank row is not sent)
 */
public record ProductForm(
        String spuCode,
        String title,
        String home,
        List<String> alsoIn,
        List<SkuRow> rows,
        String targetBuyer,
        String priceBand,
        String season,
        String notes) {

    /** Blank rows a new form offers, and how many more "more rows" adds. */
    static final int BLANK_ROWS = 3;

    private static final Pattern ROW_FIELD = Pattern.compile("(?:sku|variant|contents|price)\\.(\\d{1,3})(?:\\..+)?");

    /** How typed package contents are told apart: commas (Latin or Chinese), 、, semicolons, new lines. */
    private static final Pattern CONTENTS_SEPARATOR = Pattern.compile("\\s*[,，、;；\\n]+\\s*");

    public ProductForm {
        alsoIn = alsoIn == null ? List.of() : List.copyOf(alsoIn);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A SKU row as typed: prices by store id, as typed in the store's currency. */
    public record SkuRow(String sku, String variant, Map<String, String> prices, String contents) {

        public SkuRow {
            prices = prices == null ? Map.of() : Map.copyOf(prices);
        }

        static SkuRow blank() {
            return new SkuRow("", "", Map.of(), "");
        }

        /** What was typed as its price in {@code storeId}. */
        public String price(String storeId) {
            return prices.getOrDefault(storeId, "");
        }

        boolean isBlank() {
            return isBlank(sku)
                    && isBlank(variant)
                    && isBlank(contents)
                    && prices.values().stream().allMatch(SkuRow::isBlank);
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    /** An empty form for a product run by {@code home}. */
    static ProductForm empty(String home) {
        return new ProductForm("", "", home, List.of(), blankRows(BLANK_ROWS), "", "", "", "");
    }

    /** The form as it came from the page. */
    static ProductForm read(MultiValueMap<String, String> form) {
        Set<Integer> indexes = new TreeSet<>();
        form.keySet().forEach(name -> {
            Matcher row = ROW_FIELD.matcher(name);
            if (row.matches()) {
                indexes.add(Integer.parseInt(row.group(1)));
            }
        });
        List<SkuRow> rows = new ArrayList<>();
        for (int index : indexes) {
            String pricePrefix = "price." + index + ".";
            Map<String, String> prices = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (name.startsWith(pricePrefix) && name.length() > pricePrefix.length()) {
                    prices.put(name.substring(pricePrefix.length()), first(values));
                }
            });
            rows.add(new SkuRow(
                    text(form.getFirst("sku." + index)),
                    text(form.getFirst("variant." + index)),
                    prices,
                    text(form.getFirst("contents." + index))));
        }
        List<String> alsoIn = form.getOrDefault("alsoIn", List.of());
        return new ProductForm(
                text(form.getFirst("spuCode")),
                text(form.getFirst("title")),
                text(form.getFirst("home")),
                alsoIn,
                rows,
                text(form.getFirst("targetBuyer")),
                text(form.getFirst("priceBand")),
                text(form.getFirst("season")),
                text(form.getFirst("notes")));
    }

    /** The product as it is, to edit: prices as one types them in each store's currency. */
    static ProductForm of(Listing listing) {
        List<SkuRow> rows = new ArrayList<>();
        for (Sku sku : listing.skus()) {
            Map<String, String> prices = new LinkedHashMap<>();
            sku.prices().forEach(price -> prices.put(price.storeId(), typed(price.price())));
            rows.add(new SkuRow(sku.sku(), text(sku.variant()), prices, String.join("、", sku.packageContents())));
        }
        rows.addAll(blankRows(1));
        Positioning positioning =
                listing.positioning() == null ? new Positioning(null, null, null, null) : listing.positioning();
        return new ProductForm(
                listing.productId(),
                listing.title(),
                listing.storeId(),
                listing.stores().stream().skip(1).toList(),
                rows,
                text(positioning.targetBuyer()),
                text(positioning.priceBand()),
                text(positioning.season()),
                text(positioning.notes()));
    }

    /** The same form with {@link #BLANK_ROWS} more blank rows to fill. */
    ProductForm withMoreRows() {
        List<SkuRow> more = new ArrayList<>(rows);
        more.addAll(blankRows(BLANK_ROWS));
        return new ProductForm(spuCode, title, home, alsoIn, more, targetBuyer, priceBand, season, notes);
    }

    /** Whether {@code storeId} is one the product is sold in besides the one running it. */
    public boolean alsoSoldIn(String storeId) {
        return alsoIn.contains(storeId) && !storeId.equals(home);
    }

    /** The stores it is sold in, the one running its listing first. */
    List<String> stores() {
        Set<String> stores = new LinkedHashSet<>();
        if (!home.isBlank()) {
            stores.add(home);
        }
        stores.addAll(alsoIn);
        return List.copyOf(stores);
    }

    /**
     * listing-service's product sheet: the rows that are not blank, each price in minor units of
     * its store's currency ({@code personsStores}, by id). What the service checks (codes, a
     * price in every store, lengths) it says itself.
     *
     * @throws FormUnreadable for a price that is not an amount of its store's currency
     */
    Map<String, Object> sheet(Map<String, DeskStore> personsStores) {
        List<Map<String, Object>> skus = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            SkuRow row = rows.get(index);
            if (row.isBlank()) {
                continue;
            }
            List<Map<String, Object>> prices = new ArrayList<>();
            for (Map.Entry<String, String> typed : row.prices().entrySet()) {
                DeskStore store = personsStores.get(typed.getKey());
                if (store == null
                        || store.currency() == null
                        || typed.getValue().isBlank()) {
                    continue;
                }
                prices.add(Map.of(
                        "storeId",
                        typed.getKey(),
                        "price",
                        Map.of("amountMinor", minor(typed.getValue(), index, store), "currency", store.currency())));
            }
            Map<String, Object> sku = new LinkedHashMap<>();
            sku.put("sku", row.sku().strip());
            sku.put("variant", row.variant().strip());
            sku.put("prices", prices);
            sku.put("packageContents", contents(row.contents()));
            skus.add(sku);
        }
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("spuCode", spuCode.strip());
        sheet.put("title", title.strip());
        sheet.put("stores", stores());
        sheet.put("skus", skus);
        Map<String, String> positioning = new LinkedHashMap<>();
        positioning.put("targetBuyer", targetBuyer);
        positioning.put("priceBand", priceBand);
        positioning.put("season", season);
        positioning.put("notes", notes);
        sheet.put("positioning", positioning);
        return sheet;
    }

    /** A typed price in minor units of {@code store}'s currency; {@code index} is its row's. */
    private static long minor(String typed, int index, DeskStore store) {
        try {
            return Formats.minorUnits(typed, store.currency()).orElseThrow(() -> new IllegalArgumentException("blank"));
        } catch (IllegalArgumentException notAnAmount) {
            throw new FormUnreadable("listing.form.notAnAmount", index + 1, store.name(), typed, store.currency());
        }
    }

    private static List<String> contents(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(CONTENTS_SEPARATOR.split(typed.strip()))
                .filter(item -> !item.isBlank())
                .toList();
    }

    /** An amount as one types it in its currency's major unit: 128000 CNY → 1280.00. */
    private static String typed(Money price) {
        if (price == null) {
            return "";
        }
        int digits = Math.max(Currency.getInstance(price.currency()).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(price.amountMinor(), digits).toPlainString();
    }

    private static List<SkuRow> blankRows(int count) {
        List<SkuRow> blank = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blank.add(SkuRow.blank());
        }
        return blank;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : text(values.get(0));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
