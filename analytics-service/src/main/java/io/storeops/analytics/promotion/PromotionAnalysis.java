package io.storeops.analytics.promotion;

import io.storeops.analytics.listing.ListingFacts;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Promotion figures of a store over a range of days, by one dimension, from the imported reports and the order facts. */
@Component
public class PromotionAnalysis {

    private static final String CAMPAIGN_FIELD = "row.campaign";

    private static final List<String> METRICS =
            List.of("row.impressions", "row.clicks", "row.spendMinor", "row.orders", "row.gmvMinor");

    private final StateRows rows;
    private final PpcImports imports;
    private final SalesFacts facts;
    private final StoreCatalog stores;
    private final ListingFacts listings;

    public PromotionAnalysis(
            StateRows rows, PpcImports imports, SalesFacts facts, StoreCatalog stores, ListingFacts listings) {
        this.rows = rows;
        this.imports = imports;
        this.facts = facts;
        this.stores = stores;
        this.listings = listings;
    }

    /**
     * The store's products as the listing flow published them, for meeting a report's item ids with
     * the SKUs they sell.
     */
    public Mono<ListedItems> listedItems(String storeId) {
        return listings.ofStore(storeId).collectList().map(ListedItems::of);
    }

    /** Every value of {@code dimension} that spent or sold over the days, with its figures, unordered. */
    public Mono<List<PromotionTable.Row>> figures(String storeId, LocalDate from, LocalDate to, Dimension dimension) {
        return figures(storeId, from, to, dimension, null);
    }

    /**
     * The ad spend of the store's imported reports over the days, in its currency, from what each
     * import noted per day: no report row is read.
     */
    public Mono<Long> spendMinor(String storeId, LocalDate from, LocalDate to) {
        return imports.days(storeId)
                .collectList()
                .flatMapMany(imported -> Flux.fromIterable(
                        PpcDays.counting(imported, Dimension.ACCOUNT, from, to).entrySet()))
                .concatMap(counted -> imports.find(counted.getKey())
                        .map(job -> counted.getValue().stream()
                                .mapToLong(day -> job.spendByDay().getOrDefault(day, 0L))
                                .sum()))
                .reduce(0L, Long::sum);
    }

    /**
     * The same, of one campaign only when {@code campaign} is named: the report rows of that campaign
     * (as the report writes it) and the orders whose attribution names it.
     */
    public Mono<List<PromotionTable.Row>> figures(
            String storeId, LocalDate from, LocalDate to, Dimension dimension, String campaign) {
        String currency =
                stores.find(storeId).map(StoreProperties.Store::currency).orElse(null);
        Mono<List<PromotionTable.Traffic>> traffic = imports.days(storeId)
                .collectList()
                .flatMapMany(imported -> Flux.fromIterable(
                        PpcDays.counting(imported, dimension, from, to).entrySet()))
                .concatMap(counted -> trafficOf(counted, dimension, currency, campaign))
                .collectList();
        String campaignKey = Dimension.CAMPAIGN.keyOf(campaign);
        Mono<List<OrderFact>> promoted = currency == null
                ? Mono.just(List.of())
                : facts.promoted(storeId, currency, from, to)
                        .filter(fact -> campaignKey == null
                                || campaignKey.equals(Dimension.CAMPAIGN.keyOf(
                                        fact.attribution().campaign())))
                        .collectList();
        Mono<ListedItems> listed = dimension == Dimension.ITEM ? listedItems(storeId) : Mono.just(ListedItems.NONE);
        return Mono.zip(traffic, promoted, listed)
                .map(all -> PromotionTable.join(dimension, all.getT1(), all.getT2(), all.getT3()));
    }

    /**
     * One item's pay-per-click traffic and spend on one store-local day, as the reports of the day
     * counted it (the reports by item, else those by keyword, which name the item too).
     */
    public record ItemSpend(
            String day, String itemId, String itemTitle, long impressions, long clicks, long spendMinor) {}

    /** Each item's traffic and spend on each day from {@code from} to {@code to}, in the store's currency. */
    public Flux<ItemSpend> itemSpendByDay(String storeId, LocalDate from, LocalDate to) {
        String currency =
                stores.find(storeId).map(StoreProperties.Store::currency).orElse(null);
        return imports.days(storeId)
                .collectList()
                .flatMapMany(imported -> Flux.fromIterable(
                        PpcDays.counting(imported, Dimension.ITEM, from, to).entrySet()))
                .concatMap(counted -> rows.sums(
                        PpcImports.ROWS,
                        StateQuery.of(StoredPpcRow.class)
                                .is("importId", counted.getKey())
                                .in("day", counted.getValue())
                                .is("currency", currency),
                        List.of("day", "row.itemId", "row.itemTitle"),
                        List.of("row.impressions", "row.clicks", "row.spendMinor")))
                .map(group -> new ItemSpend(
                        text(group.group().get("day")),
                        text(group.group().get("row.itemId")),
                        text(group.group().get("row.itemTitle")),
                        group.sum("row.impressions"),
                        group.sum("row.clicks"),
                        group.sum("row.spendMinor")));
    }

    private Flux<PromotionTable.Traffic> trafficOf(
            Map.Entry<String, List<String>> counted, Dimension dimension, String currency, String campaign) {
        StateQuery<StoredPpcRow> ofTheImport = StateQuery.of(StoredPpcRow.class)
                .is("importId", counted.getKey())
                .in("day", counted.getValue())
                .is("currency", currency);
        // a campaign is met as the orders' attribution meets it: whatever its spacing and case
        String campaignKey = Dimension.CAMPAIGN.keyOf(campaign);
        List<String> groupedBy = campaignKey == null
                ? dimension.rowFields()
                : Stream.concat(dimension.rowFields().stream(), Stream.of(CAMPAIGN_FIELD))
                        .distinct()
                        .toList();
        return rows.sums(PpcImports.ROWS, ofTheImport, groupedBy, METRICS)
                .filter(group -> campaignKey == null
                        || campaignKey.equals(
                                Dimension.CAMPAIGN.keyOf(group.group().get(CAMPAIGN_FIELD))))
                .map(group -> {
                    List<Object> values = dimension.rowFields().stream()
                            .map(field -> group.group().get(field))
                            .toList();
                    String value = text(values.get(0));
                    String detail = values.size() > 1 ? text(values.get(1)) : null;
                    return new PromotionTable.Traffic(
                            value == null ? detail : value,
                            detail,
                            new PromotionFigures(
                                    group.sum("row.impressions"),
                                    group.sum("row.clicks"),
                                    group.sum("row.spendMinor"),
                                    new PromotionFigures.Sales(group.sum("row.orders"), group.sum("row.gmvMinor"), 0),
                                    null));
                });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
