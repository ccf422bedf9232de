package io.storeops.analytics.targets;

import io.storeops.analytics.sales.CurrencySales;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stores the sales targets and measures them against the store's sales ({@link SalesFacts}). */
@Component
public class SalesTargets {

    static final String COLLECTION = "sales_targets";

    private final AggregateStore store;
    private final SalesFacts sales;

    public SalesTargets(AggregateStore store, SalesFacts sales) {
        this.store = store;
        this.sales = sales;
    }

    /** Sets (or replaces) the target {@code asked} for; a LAST_YEAR split reads last year's sales first. */
    public Mono<SalesTarget> set(
            String storeId, Quarter quarter, TargetAsked asked, String currency, String setBy, Instant at) {
        Mono<Map<YearMonth, Long>> lastYear = asked.breakdown() == Breakdown.LAST_YEAR
                ? gmvByDay(
                                storeId,
                                currency,
                                quarter.aYearEarlier().firstDay(),
                                quarter.aYearEarlier().lastDay())
                        .map(byDay -> byDay.entrySet().stream()
                                .collect(Collectors.groupingBy(
                                        day -> YearMonth.from(day.getKey()),
                                        Collectors.summingLong(Map.Entry::getValue))))
                : Mono.just(Map.of());
        return lastYear.flatMap(gmv -> {
            SalesTarget target = SalesTarget.set(storeId, quarter, asked, gmv, currency, setBy, at);
            return store.apply(COLLECTION, target.targetId(), SalesTarget.class, current -> Change.of(target))
                    .map(Applied::state);
        });
    }

    public Mono<SalesTarget> find(String storeId, Quarter quarter, String owner) {
        return store.find(COLLECTION, SalesTarget.idOf(storeId, quarter, owner), SalesTarget.class);
    }

    /** {@code month}'s share of the store's own target for its quarter (not a person's), if one is set. */
    public Mono<Long> ofMonth(String storeId, YearMonth month) {
        return find(storeId, Quarter.of(month), null)
                .flatMapIterable(SalesTarget::months)
                .filter(target -> target.yearMonth().equals(month))
                .next()
                .map(MonthTarget::amountMinor);
    }

    /** The store's targets of {@code year}, by quarter, the store's own before the people's. */
    public Mono<List<SalesTarget>> ofYear(String storeId, int year) {
        return store.findAll(
                        COLLECTION,
                        StateQuery.of(SalesTarget.class)
                                .is("storeId", storeId)
                                .atLeast("quarter", new Quarter(year, 1).toString())
                                .atMost("quarter", new Quarter(year, 4).toString()))
                .collectSortedList(Comparator.comparing(SalesTarget::quarter)
                        .thenComparing(SalesTarget::owner, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Progress towards {@code months} of {@code target} as of the store-local day {@code asOf}. */
    public Mono<TargetProgress> progress(SalesTarget target, List<MonthTarget> months, LocalDate asOf) {
        LocalDate from = months.get(0).yearMonth().atDay(1);
        LocalDate until = TargetProgress.salesUntil(months, asOf);
        if (until.isBefore(from)) {
            return Mono.just(TargetProgress.of(months, asOf, new TargetProgress.SalesSoFar(Map.of(), 0, 0)));
        }
        Mono<Long> net = sales.sales(target.storeId(), from, until)
                .filter(figures -> Objects.equals(figures.currency(), target.currency()))
                .map(CurrencySales::netMinor)
                .reduce(0L, Long::sum);
        return Mono.zip(
                        sales.gmvByDay(target.storeId(), target.currency(), from, until)
                                .collectList(),
                        net)
                .map(all -> TargetProgress.of(
                        months,
                        asOf,
                        new TargetProgress.SalesSoFar(
                                byDay(all.getT1()),
                                all.getT1().stream()
                                        .mapToLong(AggregateStore.Totals::count)
                                        .sum(),
                                all.getT2())));
    }

    private Mono<Map<LocalDate, Long>> gmvByDay(String storeId, String currency, LocalDate from, LocalDate to) {
        return sales.gmvByDay(storeId, currency, from, to).collectList().map(SalesTargets::byDay);
    }

    private static Map<LocalDate, Long> byDay(List<AggregateStore.Totals> days) {
        return days.stream()
                .collect(Collectors.toMap(totals -> LocalDate.parse(totals.group()), AggregateStore.Totals::sum));
    }
}
