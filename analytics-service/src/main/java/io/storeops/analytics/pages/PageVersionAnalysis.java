package io.storeops.analytics.pages;

import io.storeops.analytics.listing.ListingFact;
import io.storeops.analytics.listing.ListingFacts;
import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.analytics.traffic.ShopTraffic;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads what a product's page versions need — its listing fact, the paid orders of its SKUs, the
 * per-item traffic and the pay-per-click rows of the days its versions were on sale — and works
 * out each version's figures.
 */
@Component
public class PageVersionAnalysis {

    private final ListingFacts listings;
    private final SalesFacts facts;
    private final ShopTraffic traffic;
    private final PromotionAnalysis promotion;

    public PageVersionAnalysis(
            ListingFacts listings, SalesFacts facts, ShopTraffic traffic, PromotionAnalysis promotion) {
        this.listings = listings;
        this.facts = facts;
        this.traffic = traffic;
        this.promotion = promotion;
    }

    /**
     * The page versions of {@code productId} in {@code storeId} with their figures as of the store's
     * {@code today}; empty when the product was never published there.
     */
    public Mono<PageVersionReport> report(
            String storeId, StoreProperties.Store store, String productId, LocalDate today) {
        return listings.find(productId, storeId)
                .filter(fact -> !fact.versions().isEmpty())
                .flatMap(fact -> PageVersionFigures.span(fact, store.zone(), today)
                        .map(span -> Mono.zip(
                                        facts.paidWith(storeId, store.currency(), skusOf(fact), span.from(), span.to())
                                                .collectList(),
                                        itemDays(storeId, span.from(), span.to()))
                                .map(read ->
                                        PageVersionFigures.of(fact, store.zone(), today, read.getT1(), read.getT2())))
                        .orElseGet(
                                () -> Mono.just(PageVersionFigures.of(fact, store.zone(), today, List.of(), List.of())))
                        .map(versions -> {
                            ListingFact.Version latest = fact.latest().orElseThrow();
                            return new PageVersionReport(
                                    productId,
                                    storeId,
                                    store.currency(),
                                    latest.title(),
                                    latest.storefrontProductId(),
                                    versions.get(versions.size() - 1).status(),
                                    today,
                                    versions);
                        }));
    }

    private Mono<List<PageVersionFigures.ItemDay>> itemDays(String storeId, LocalDate from, LocalDate to) {
        Flux<PageVersionFigures.ItemDay> visits = traffic.itemVisitsByDay(storeId, from, to)
                .map(visit -> PageVersionFigures.ItemDay.visits(
                        visit.day(), visit.itemId(), visit.itemTitle(), visit.visitors(), visit.pageViews()));
        Flux<PageVersionFigures.ItemDay> spend = promotion
                .itemSpendByDay(storeId, from, to)
                .map(spent -> PageVersionFigures.ItemDay.spend(
                        spent.day(),
                        spent.itemId(),
                        spent.itemTitle(),
                        spent.impressions(),
                        spent.clicks(),
                        spent.spendMinor()));
        return Flux.concat(visits, spend).collectList();
    }

    /** Every SKU any of its versions sold, for reading the orders once. */
    private static Set<String> skusOf(ListingFact fact) {
        Set<String> skus = new LinkedHashSet<>();
        fact.versions()
                .forEach(version ->
                        version.skuCodes().stream().filter(Objects::nonNull).forEach(skus::add));
        return skus;
    }
}
