package io.storeops.analytics.traffic;

import io.storeops.analytics.listing.ListingFacts;
import io.storeops.analytics.promotion.ListedItems;
import io.storeops.analytics.promotion.PpcDays;
import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.stores.StoreProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports shop traffic exports and joins their visitors with the paid orders. An import's rows are
 * written under its id first; its days then take over from the earlier imports' of the same source
 * and grain in one write ({@link PpcDays}), and the replaced rows go after: a file is counted whole
 * or not at all, a day never twice.
 */
@Component
public class ShopTraffic {

    static final String DAYS = "traffic_days";
    static final String ROWS = "traffic_rows";

    static final int BATCH = 1000;
    static final int REFUSED_LISTED = 1000;

    private final AggregateStore store;
    private final StateRows rows;
    private final SalesFacts facts;
    private final ListingFacts listings;
    private final Clock clock;

    public ShopTraffic(AggregateStore store, StateRows rows, SalesFacts facts, ListingFacts listings, Clock clock) {
        this.store = store;
        this.rows = rows;
        this.facts = facts;
        this.listings = listings;
        this.clock = clock;
    }

    /** No row of the file could be kept: nothing was imported; the refused rows say why. */
    public static final class NothingKept extends RuntimeException {
        private final transient List<RefusedRow> refused;

        NothingKept(List<RefusedRow> refused) {
            super(
                    refused.isEmpty()
                            ? "The file has a header but no rows."
                            : "None of its " + refused.size()
                                    + " rows could be kept (see errors: line, column, reason);"
                                    + " nothing was imported.");
            this.refused = refused;
        }

        public List<RefusedRow> refused() {
            return refused;
        }
    }

    /**
     * Reads a traffic export and keeps its rows; fails with {@link FileRefused} when the file as a
     * whole cannot be read, {@link NothingKept} when no row can be kept. The file is left to the caller.
     */
    public Mono<TrafficImport> importFile(
            String storeId, StoreProperties.Store configured, Path file, String fileName, String by) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), configured.zone());
        return Mono.fromCallable(() -> TrafficFile.read(file, today))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(read -> read.rows().isEmpty()
                        ? Mono.error(new NothingKept(read.refused()))
                        : keep(storeId, read, fileName, by));
    }

    private Mono<TrafficImport> keep(String storeId, TrafficFile.Read read, String fileName, String by) {
        String importId = "traffic-" + UUID.randomUUID();
        String source = read.source().name();
        String grain = read.grain().name();
        List<StoredTrafficRow> stored = new ArrayList<>(read.rows().size());
        for (TrafficRow row : read.rows()) {
            stored.add(new StoredTrafficRow(
                    importId,
                    stored.size() + 1L,
                    storeId,
                    source,
                    grain,
                    row.day().toString(),
                    row.itemId(),
                    row.itemTitle(),
                    row.visitors(),
                    row.pageViews()));
        }
        List<String> days = read.rows().stream()
                .map(row -> row.day().toString())
                .distinct()
                .sorted()
                .toList();
        AtomicReference<Map<String, String>> replaced = new AtomicReference<>(Map.of());
        StateQuery<StoredTrafficRow> ofThisImport =
                StateQuery.of(StoredTrafficRow.class).is("importId", importId);
        Mono<?> written = Flux.range(0, (stored.size() + BATCH - 1) / BATCH)
                .concatMap(batch -> rows.insert(
                        ROWS,
                        stored.subList(batch * BATCH, Math.min(stored.size(), (batch + 1) * BATCH)),
                        row -> row.importId() + ":" + row.number()))
                .then(store.apply(DAYS, PpcDays.idOf(storeId, source, grain), PpcDays.class, current -> {
                    PpcDays before = current.orElseGet(() -> PpcDays.none(storeId, source, grain));
                    replaced.set(before.replacedBy(importId, days));
                    return Change.of(before.takenOver(importId, days));
                }))
                // before the take-over nothing of the import counts: its rows go
                .onErrorResume(failed -> rows.delete(ROWS, ofThisImport).then(Mono.error(failed)));
        return written.then(Mono.defer(() -> Flux.fromIterable(
                                byImport(replaced.get()).entrySet())
                        .concatMap(earlier -> rows.delete(
                                ROWS,
                                StateQuery.of(StoredTrafficRow.class)
                                        .is("importId", earlier.getKey())
                                        .in("day", earlier.getValue())))
                        .then()))
                .thenReturn(0)
                .map(done -> new TrafficImport(
                        importId,
                        storeId,
                        fileName,
                        read.source(),
                        read.grain(),
                        read.headerLine(),
                        read.rows().size(),
                        read.refused().size(),
                        read.totalsSkipped(),
                        days,
                        List.copyOf(replaced.get().keySet()),
                        read.refused().stream().limit(REFUSED_LISTED).toList(),
                        read.columnsIgnored(),
                        by,
                        clock.instant()));
    }

    private static Map<String, List<String>> byImport(Map<String, String> replaced) {
        Map<String, List<String>> byImport = new TreeMap<>();
        replaced.forEach((day, before) ->
                byImport.computeIfAbsent(before, key -> new ArrayList<>()).add(day));
        return byImport;
    }

    /** The figures per day ({@link TrafficGrain#STORE}) or per item over the store-local days. */
    public Mono<List<TrafficFigures.Line>> figures(
            String storeId, String currency, LocalDate from, LocalDate to, TrafficGrain by) {
        List<String> groups = by == TrafficGrain.STORE ? List.of("day") : List.of("itemId", "itemTitle");
        Mono<List<TrafficFigures.Visits>> visits =
                visits(storeId, from, to, by, groups).collectList();
        if (by == TrafficGrain.STORE) {
            Mono<Map<String, TrafficFigures.Sold>> sold = facts.gmvByDay(storeId, currency, from, to)
                    .collectMap(
                            AggregateStore.Totals::group,
                            totals -> new TrafficFigures.Sold(totals.count(), totals.sum()));
            return Mono.zip(visits, sold, TrafficFigures::byDay);
        }
        Mono<List<List<OrderFact.Line>>> paid =
                facts.paidOn(storeId, currency, from, to).map(OrderFact::lines).collectList();
        Mono<ListedItems> listed = listings.ofStore(storeId).collectList().map(ListedItems::of);
        return Mono.zip(visits, paid, listed).map(all -> TrafficFigures.byItem(all.getT1(), all.getT2(), all.getT3()));
    }

    /** Each item's visitors and page views on each store-local day from {@code from} to {@code to}, as the per-item exports counted them. */
    public Flux<TrafficFigures.Visits> itemVisitsByDay(String storeId, LocalDate from, LocalDate to) {
        return visits(storeId, from, to, TrafficGrain.ITEM, List.of("day", "itemId", "itemTitle"));
    }

    private Flux<TrafficFigures.Visits> visits(
            String storeId, LocalDate from, LocalDate to, TrafficGrain by, List<String> groups) {
        return store.findAll(DAYS, StateQuery.of(PpcDays.class).is("storeId", storeId))
                .collectList()
                .flatMapMany(
                        imported -> Flux.fromIterable(PpcDays.counting(imported, List.of(by.name()), true, from, to)
                                .entrySet()))
                .concatMap(counted -> rows.sums(
                        ROWS,
                        StateQuery.of(StoredTrafficRow.class)
                                .is("importId", counted.getKey())
                                .in("day", counted.getValue()),
                        groups,
                        List.of("visitors", "pageViews")))
                .map(group -> new TrafficFigures.Visits(
                        text(group.group().get("day")),
                        text(group.group().get("itemId")),
                        text(group.group().get("itemTitle")),
                        group.sum("visitors"),
                        group.sum("pageViews")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
