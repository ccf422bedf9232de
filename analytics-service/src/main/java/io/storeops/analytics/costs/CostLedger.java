package io.storeops.analytics.costs;

import io.storeops.analytics.promotion.PromotionAnalysis;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateQuery;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the stores' monthly cost ledgers and measures them against the sales: the operating ROI. */
@Component
public class CostLedger {

    static final String COLLECTION = "cost_months";

    private final AggregateStore store;
    private final SalesFacts sales;
    private final PromotionAnalysis promotion;

    public CostLedger(AggregateStore store, SalesFacts sales, PromotionAnalysis promotion) {
        this.store = store;
        this.sales = sales;
        this.promotion = promotion;
    }

    /** The month's ledger, empty when nothing was entered. */
    public Mono<CostMonth> month(String storeId, YearMonth month, String currency) {
        return store.find(COLLECTION, CostMonth.idOf(storeId, month), CostMonth.class)
                .defaultIfEmpty(CostMonth.empty(storeId, month, currency));
    }

    /** Adds an entry (again: unchanged); IllegalStateException when its id holds another cost. */
    public Mono<CostMonth> enter(String storeId, YearMonth month, String currency, CostEntry entry) {
        return change(storeId, month, currency, ledger -> ledger.with(entry));
    }

    public Mono<CostMonth> remove(String storeId, YearMonth month, String currency, String entryId) {
        return change(storeId, month, currency, ledger -> ledger.without(entryId));
    }

    /**
     * Imports a file's rows: each month they name gets them in place of what earlier imports brought
     * it (one write per month; the same file imported again changes nothing). Answers the months.
     */
    public Mono<List<CostMonth>> imported(
            String storeId, String currency, List<CostFile.Row> rows, String by, Instant at) {
        String importId = "costs-" + UUID.randomUUID();
        Map<YearMonth, List<CostEntry>> byMonth = new TreeMap<>();
        for (CostFile.Row row : rows) {
            byMonth.computeIfAbsent(row.month(), m -> new ArrayList<>())
                    .add(CostEntry.of(
                            importId + ":" + row.line(),
                            row.category(),
                            row.amountMinor(),
                            row.note(),
                            by,
                            at,
                            importId));
        }
        return Flux.fromIterable(byMonth.entrySet())
                .concatMap(month -> change(storeId, month.getKey(), currency, ledger -> {
                    CostMonth next = ledger.imported(month.getValue());
                    return sameImported(ledger, next) ? ledger : next;
                }))
                .collectList();
    }

    /** The months of {@code from} to {@code to}, each with its figures. */
    public Mono<List<OperatingRoi.Figures>> figures(String storeId, String currency, YearMonth from, YearMonth to) {
        Mono<Map<String, CostMonth>> ledgers = store.findAll(
                        COLLECTION,
                        StateQuery.of(CostMonth.class)
                                .is("storeId", storeId)
                                .atLeast("month", from.toString())
                                .atMost("month", to.toString()))
                .collectMap(CostMonth::month);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month);
        }
        return ledgers.flatMap(byMonth -> Flux.fromIterable(months)
                .concatMap(month -> Mono.zip(
                                adSpend(storeId, month),
                                sales.sales(storeId, month.atDay(1), month.atEndOfMonth())
                                        .filter(figures -> Objects.equals(figures.currency(), currency))
                                        .next()
                                        .map(figures -> new long[] {figures.gmvMinor(), figures.netMinor()})
                                        .defaultIfEmpty(new long[] {0, 0}))
                        .map(found -> {
                            CostMonth ledger = byMonth.get(month.toString());
                            return OperatingRoi.month(
                                    month.toString(),
                                    ledger == null ? Map.of() : ledger.byCategory(),
                                    found.getT1(),
                                    found.getT2()[0],
                                    found.getT2()[1]);
                        }))
                .collectList());
    }

    /** The month's pay-per-click spend: the imported reports' account total over its days. */
    private Mono<Long> adSpend(String storeId, YearMonth month) {
        return promotion.spendMinor(storeId, month.atDay(1), month.atEndOfMonth());
    }

    private Mono<CostMonth> change(String storeId, YearMonth month, String currency, UnaryOperator<CostMonth> change) {
        return store.apply(COLLECTION, CostMonth.idOf(storeId, month), CostMonth.class, current -> {
                    CostMonth before = current.orElseGet(() -> CostMonth.empty(storeId, month, currency));
                    CostMonth after = change.apply(before);
                    return after.equals(before) && current.isPresent() ? Change.none() : Change.of(after);
                })
                .map(Applied::state);
    }

    /** The same costs imported again (whatever their ids and times): nothing to change. */
    private static boolean sameImported(CostMonth before, CostMonth after) {
        return importedCosts(before).equals(importedCosts(after));
    }

    private static List<String> importedCosts(CostMonth month) {
        return month.entries().stream()
                .filter(e -> e.importId() != null)
                .map(e -> e.category() + "|" + e.amountMinor() + "|" + e.note())
                .sorted()
                .collect(Collectors.toList());
    }
}
