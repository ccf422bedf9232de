package io.storeops.analytics.reports;

import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.promotion.ListedItems;
import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.promotion.PromotionTable;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds a campaign's effect report: before, during and after, from the imported reports and the order facts. */
@Component
public class CampaignReports {

    private final PromotionAnalysis promotion;
    private final SalesFacts facts;

    public CampaignReports(PromotionAnalysis promotion, SalesFacts facts) {
        this.promotion = promotion;
        this.facts = facts;
    }

    /** The report of {@code campaign}, which ran on the store-local days {@code from} to {@code to}. */
    public Mono<CampaignReport> report(
            String storeId,
            StoreProperties.Store store,
            String campaign,
            LocalDate from,
            LocalDate to,
            LocalDate today) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate afterEnd = to.plusDays(days).isAfter(today) ? today : to.plusDays(days);
        return Mono.zip(promotion.figures(storeId, from, to, Dimension.ITEM, campaign), promotion.listedItems(storeId))
                .flatMap(found -> {
                    Set<String> items = itemsOf(found.getT1());
                    ListedItems listed = found.getT2();
                    return Flux.just(
                                    new Phase(CampaignReport.Phase.BEFORE, from.minusDays(days), from.minusDays(1)),
                                    new Phase(CampaignReport.Phase.DURING, from, to),
                                    new Phase(CampaignReport.Phase.AFTER, to.plusDays(1), afterEnd))
                            .filter(phase -> !phase.to().isBefore(phase.from()))
                            .concatMap(phase -> window(storeId, store.currency(), campaign, phase, items, listed))
                            .collectList()
                            .map(windows -> new CampaignReport(storeId, campaign, List.copyOf(items), windows));
                });
    }

    private record Phase(CampaignReport.Phase phase, LocalDate from, LocalDate to) {}

    private Mono<CampaignReport.Window> window(
            String storeId, String currency, String campaign, Phase phase, Set<String> items, ListedItems listed) {
        return Mono.zip(
                        promotion.figures(storeId, phase.from(), phase.to(), Dimension.CAMPAIGN, campaign),
                        promotion.figures(storeId, phase.from(), phase.to(), Dimension.KEYWORD, campaign),
                        promotion.figures(storeId, phase.from(), phase.to(), Dimension.ITEM, campaign),
                        facts.paidOn(storeId, currency, phase.from(), phase.to())
                                .collectList())
                .map(all -> new CampaignReport.Window(
                        phase.phase(),
                        phase.from(),
                        phase.to(),
                        PromotionTable.total(all.getT1()),
                        PromotionTable.ranked(
                                all.getT2(),
                                PromotionTable.Metric.SPEND,
                                true,
                                all.getT2().size()),
                        PromotionTable.ranked(
                                all.getT3(),
                                PromotionTable.Metric.SPEND,
                                true,
                                all.getT3().size()),
                        ItemSales.of(items, all.getT4(), listed)));
    }

    /** The campaign's items, by {@link Dimension#ITEM}'s keys: those its orders bought. */
    private static Set<String> itemsOf(List<PromotionTable.Row> itemRows) {
        Set<String> keys = new LinkedHashSet<>();
        itemRows.stream().filter(row -> row.figures().attributed().orders() > 0).forEach(row -> keys.add(row.key()));
        return keys;
    }
}
