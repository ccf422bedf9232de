package io.storeops.analytics.reports;

import io.storeops.analytics.operations.DispatchBatchFacts;
import io.storeops.analytics.operations.OperationsFigures;
import io.storeops.analytics.promotion.Dimension;
import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.promotion.PromotionTable;
import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.analytics.targets.SalesTargets;
import io.storeops.analytics.targets.TargetProgress;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Builds the department's period reports from the facts, the imported reports and the targets. */
@Component
public class OperationsReports {

    /** Parcels reported in trouble longer ago than this are no longer looked at as still open. */
    static final int TROUBLE_DAYS_LOOKED_BACK = 60;

    static final int TOP_KEYWORDS = 5;

    private final SalesFacts facts;
    private final DispatchBatchFacts batches;
    private final PromotionAnalysis promotion;
    private final SalesTargets targets;
    private final StoreCatalog stores;

    public OperationsReports(
            SalesFacts facts,
            DispatchBatchFacts batches,
            PromotionAnalysis promotion,
            SalesTargets targets,
            StoreCatalog stores) {
        this.facts = facts;
        this.batches = batches;
        this.promotion = promotion;
        this.targets = targets;
        this.stores = stores;
    }

    /** The report of {@code period} for {@code storeId}, compared with the period before. */
    public Mono<PeriodReport> report(String storeId, ReportPeriod period) {
        StoreProperties.Store store = stores.find(storeId).orElseThrow();
        return Mono.zip(
                        figures(storeId, store.currency(), period.from(), period.to()),
                        figures(
                                storeId,
                                store.currency(),
                                period.previous().from(),
                                period.previous().to()),
                        target(storeId, period),
                        days(storeId, store.currency(), period),
                        promotion.figures(storeId, period.from(), period.to(), Dimension.KEYWORD))
                .map(all -> new PeriodReport(
                        storeId,
                        store.name() == null ? storeId : store.name(),
                        period.kind(),
                        period.name(),
                        all.getT1(),
                        all.getT2(),
                        PeriodReport.Changes.between(all.getT2(), all.getT1()),
                        all.getT3().orElse(null),
                        all.getT4(),
                        PromotionTable.ranked(all.getT5(), PromotionTable.Metric.SPEND, true, TOP_KEYWORDS)));
    }

    /** The store's operations figures over {@code from} to {@code to}, in its currency. */
    public Mono<OperationsFigures> figures(String storeId, String currency, LocalDate from, LocalDate to) {
        Mono<CurrencySales> sales = facts.sales(storeId, from, to)
                .filter(figures -> Objects.equals(figures.currency(), currency))
                .next()
                .defaultIfEmpty(new CurrencySales(currency, 0, 0, 0, 0, 0, 0, 0, 0));
        Mono<List<OrderFact>> dispatched = facts.dispatchedOn(storeId, from, to).collectList();
        Mono<List<OrderFact>> troubled = facts.troubledOn(storeId, to.minusDays(TROUBLE_DAYS_LOOKED_BACK - 1L), to)
                .collectList();
        Mono<Long> spend = promotion.spendMinor(storeId, from, to);
        return Mono.zip(sales, dispatched, troubled, spend)
                .flatMap(all -> batches.find(all.getT2().stream()
                                .flatMap(fact -> fact.parcels().stream())
                                .map(OrderFact.Parcel::batchId)
                                .filter(Objects::nonNull)
                                .collect(Collectors.toSet()))
                        .map(batchesById -> OperationsFigures.of(
                                from, to, all.getT1(), all.getT2(), batchesById, all.getT3(), all.getT4())));
    }

    private Mono<Optional<TargetProgress>> target(String storeId, ReportPeriod period) {
        return targets.find(storeId, period.quarter(), null)
                .flatMap(target -> targets.progress(
                        target,
                        period.kind() == ReportPeriod.Kind.MONTHLY
                                ? target.months().stream()
                                        .filter(month -> month.month().equals(period.name()))
                                        .toList()
                                : target.months(),
                        period.to()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<List<PeriodReport.DaySales>> days(String storeId, String currency, ReportPeriod period) {
        return facts.gmvByDay(storeId, currency, period.from(), period.to())
                .collectMap(totals -> LocalDate.parse(totals.group()), totals -> totals)
                .map(byDay -> period.from()
                        .datesUntil(period.to().plusDays(1))
                        .map(day -> Optional.ofNullable(byDay.get(day))
                                .map(totals -> new PeriodReport.DaySales(day, totals.count(), totals.sum()))
                                .orElseGet(() -> new PeriodReport.DaySales(day, 0, 0)))
                        .toList());
    }
}
