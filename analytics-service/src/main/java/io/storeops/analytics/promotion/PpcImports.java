package io.storeops.analytics.promotion;

import io.storeops.analytics.promotion.reports.PpcReports;
import io.storeops.analytics.promotion.reports.PpcRow;
import io.storeops.analytics.promotion.reports.PpcRowSink;
import io.storeops.analytics.promotion.reports.ReportGrain;
import io.storeops.analytics.promotion.reports.ReportRefused;
import io.storeops.analytics.promotion.reports.ReportSource;
import io.storeops.analytics.promotion.reports.RowProblem;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs pay-per-click imports, one at a time per instance, on a thread of their own: rows are read
 * one by one and written a thousand at a time under the import's id, the job's progress is saved as
 * it goes, and the import's days take over from the earlier imports' in one write at the end
 * ({@link PpcDays}). The rows they replace are removed after that. An import cut short by a restart
 * is found by the job that stopped moving: it failed, unless its days had already been taken over.
 */
@Component
public class PpcImports implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PpcImports.class);

    static final String IMPORTS = "ppc_imports";
    static final String DAYS = "ppc_days";
    static final String ROWS = "ppc_rows";
    static final String REFUSED = "ppc_refused_rows";

    static final int BATCH = 1000;
    /** Refused rows kept for the report; beyond them only their count. */
    static final int REFUSED_KEPT = 10_000;
    /** A running import saves its progress about this often. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** How often each instance says its queued imports still wait, and looks for imports that stopped. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /** An import that did not move for this long was cut short: its instance stopped. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final AggregateStore store;
    private final StateRows rows;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Scheduler worker = Schedulers.newBoundedElastic(1, 1000, "ppc-imports");
    /** Imports this instance has queued or is running: it says they are alive while they last. */
    private final Set<String> ours = ConcurrentHashMap.newKeySet();

    private Disposable sweep;

    public PpcImports(AggregateStore store, StateRows rows, StoreCatalog stores, Clock clock) {
        this.store = store;
        this.rows = rows;
        this.stores = stores;
        this.clock = clock;
    }

    /** A refused row as kept for the import's refused-rows report. */
    public record RefusedPpcRow(
            String importId, long number, long line, String column, String reason, String content) {}

    /** Reads a report's rows into a sink: a file, or rows sent as JSON. */
    @FunctionalInterface
    public interface Reading {
        void read(LocalDate today, Currency currency, PpcRowSink sink, LongConsumer progress)
                throws ReportRefused, IOException;
    }

    /**
     * Queues the import of a report file (which it deletes once read) and answers the queued job;
     * the job goes on after the answer.
     */
    public Mono<PpcImport> importFile(String storeId, Path file, String fileName, String account, String by) {
        return Mono.fromCallable(() -> Files.size(file))
                .flatMap(size -> queue(storeId, fileName, account, size, by))
                .doOnNext(queued -> ours.add(queued.importId()))
                .doOnNext(queued -> Mono.fromRunnable(() -> {
                            try {
                                run(
                                        queued,
                                        (today, currency, sink, progress) ->
                                                PpcReports.read(file, today, currency, sink, progress));
                            } finally {
                                deleteQuietly(file);
                            }
                        })
                        .subscribeOn(worker)
                        // a queue this instance cannot take more into ends the job at once, rather than leave it queued
                        .subscribe(
                                null,
                                refused -> Mono.fromRunnable(() -> {
                                            ours.remove(queued.importId());
                                            deleteQuietly(file);
                                            fail(
                                                    queued.importId(),
                                                    "The import could not be queued (" + refused.getMessage()
                                                            + "): try again when the imports under way have finished.");
                                        })
                                        .subscribeOn(Schedulers.boundedElastic())
                                        .subscribe()));
    }

    /** Imports rows already typed (the JSON API) and answers the finished job. */
    public Mono<PpcImport> importRows(
            String storeId, ReportSource source, String account, List<PpcRow> typed, String by) {
        return queue(storeId, "api", account, typed.size(), by)
                .doOnNext(queued -> ours.add(queued.importId()))
                .flatMap(queued -> Mono.fromCallable(() -> run(queued, (today, currency, sink, progress) -> {
                            sink.header(source, ReportGrain.of(typed));
                            long done = 0;
                            for (PpcRow row : typed) {
                                List<RowProblem> problems = PpcRow.validate(row, today);
                                if (problems.isEmpty()) {
                                    sink.accepted(row);
                                } else {
                                    problems.forEach(problem -> sink.refused(
                                            new RefusedRow(0, problem.column(), problem.reason(), row.toString())));
                                }
                                progress.accept(++done);
                            }
                        }))
                        .subscribeOn(worker));
    }

    public Mono<PpcImport> find(String importId) {
        return store.find(IMPORTS, importId, PpcImport.class);
    }

    /** The store's latest imports, newest first. */
    public Flux<PpcImport> latest(String storeId, int limit) {
        return store.findAll(
                IMPORTS,
                StateQuery.of(PpcImport.class)
                        .is("storeId", storeId)
                        .descending("requestedAt")
                        .thenByIdDescending()
                        .limit(limit));
    }

    /** The rows the import refused and kept, in file order. */
    public Flux<RefusedPpcRow> refused(String importId) {
        return rows.find(
                REFUSED,
                StateQuery.of(RefusedPpcRow.class).is("importId", importId).ascending("number"));
    }

    /** The days of each report grain whose rows count, per source, for the store. */
    public Flux<PpcDays> days(String storeId) {
        return store.findAll(DAYS, StateQuery.of(PpcDays.class).is("storeId", storeId));
    }

    private Mono<PpcImport> queue(String storeId, String fileName, String account, long size, String by) {
        String importId = "ppc-" + UUID.randomUUID();
        return saved(
                importId,
                current ->
                        Change.of(PpcImport.queued(importId, storeId, fileName, account, size, by, clock.instant())));
    }

    /** Blocking by design, on the import thread: each batch is written before more rows are read. */
    private PpcImport run(PpcImport queued, Reading reading) {
        try {
            return runOurs(queued, reading);
        } finally {
            ours.remove(queued.importId());
        }
    }

    private PpcImport runOurs(PpcImport queued, Reading reading) {
        String importId = queued.importId();
        StoreProperties.Store configured = stores.find(queued.storeId()).orElse(null);
        Currency currency = configured == null ? null : Currency.getInstance(configured.currency());
        LocalDate today = LocalDate.ofInstant(clock.instant(), configured == null ? ZoneOffset.UTC : configured.zone());
        Batches batches = new Batches(queued, currency == null ? null : currency.getCurrencyCode());
        step(importId, job -> job.started(clock.instant()));
        try {
            reading.read(today, currency, batches, batches::read);
            batches.flush();
            if (batches.accepted == 0) {
                return fail(
                        importId,
                        batches.refused == 0
                                ? "The report has no rows."
                                : "None of its " + batches.refused + " rows could be kept: the refused rows say why.");
            }
            return takeOver(batches);
        } catch (ReportRefused refused) {
            return fail(importId, refused.getMessage() + (refused.chinese() == null ? "" : " " + refused.chinese()));
        } catch (OtherAccount mixed) {
            return fail(importId, mixed.getMessage());
        } catch (IOException | RuntimeException failure) {
            log.warn("PPC import {} stopped", importId, failure);
            return fail(importId, "The import stopped: " + failure.getMessage());
        }
    }

    /** The import's days replace the earlier imports' in one write; the replaced rows go after. */
    private PpcImport takeOver(Batches batches) {
        PpcImport job = batches.stillRunning();
        AtomicReference<Map<String, String>> replaced = new AtomicReference<>(Map.of());
        String account = batches.account == null ? "" : batches.account;
        store.apply(DAYS, PpcDays.idOf(job.storeId(), job.source(), job.grain(), account), PpcDays.class, current -> {
                    PpcDays days =
                            current.orElseGet(() -> PpcDays.none(job.storeId(), job.source(), job.grain(), account));
                    replaced.set(days.replacedBy(job.importId(), batches.days));
                    return Change.of(days.takenOver(job.importId(), batches.days));
                })
                .block();
        PpcImport completed = step(
                job.importId(),
                current -> current.completed(
                        batches.account, List.copyOf(batches.days), batches.spendByDay, clock.instant()));
        Map<String, List<String>> byImport = new TreeMap<>();
        replaced.get()
                .forEach((day, before) -> byImport.computeIfAbsent(before, key -> new ArrayList<>())
                        .add(day));
        byImport.forEach((before, days) -> rows.delete(
                        ROWS,
                        StateQuery.of(StoredPpcRow.class).is("importId", before).in("day", days))
                .block());
        return completed;
    }

    /** The job fails and its rows go, unless it ended otherwise meanwhile (its days taken over: they count). */
    private PpcImport fail(String importId, String why) {
        PpcImport ended = step(importId, job -> job.failed(why, clock.instant()));
        if (ended.status() == PpcImport.Status.FAILED) {
            rows.delete(ROWS, StateQuery.of(StoredPpcRow.class).is("importId", importId))
                    .block();
        }
        return ended;
    }

    private PpcImport step(String importId, UnaryOperator<PpcImport> change) {
        return saved(importId, current -> current.map(change).map(Change::of).orElseGet(Change::none))
                .block();
    }

    private Mono<PpcImport> saved(String importId, Function<Optional<PpcImport>, Change<PpcImport>> decide) {
        return store.apply(IMPORTS, importId, PpcImport.class, decide).map(Applied::state);
    }

    /** A report names a second ad account: each account's days are replaced on their own, so one file holds one. */
    static final class OtherAccount extends IllegalStateException {

        OtherAccount(String first, String other) {
            super("The report is of more than one ad account (" + first + ", " + other + "): import each "
                    + "account's report on its own; nothing of this file counts.");
        }
    }

    /** The rows of one running import on their way to the store. */
    private final class Batches implements PpcRowSink {
        private PpcImport job;
        private final String storeCurrency;
        private final List<StoredPpcRow> pending = new ArrayList<>(BATCH);
        private final List<RefusedPpcRow> pendingRefused = new ArrayList<>();
        private final Set<String> days = new TreeSet<>();
        private final Map<String, Long> spendByDay = new TreeMap<>();
        /** The ad account of the report: as asked, else the first row's; a report is of one account. */
        private String account;

        private long accepted;
        private long refused;
        private long read;
        private Instant savedAt = Instant.MIN;

        Batches(PpcImport job, String storeCurrency) {
            this.job = job;
            this.storeCurrency = storeCurrency;
            this.account = job.account();
        }

        @Override
        public void header(ReportSource source, ReportGrain grain) {
            job = step(job.importId(), current -> current.identified(source.name(), grain.name()));
        }

        @Override
        public void accepted(PpcRow row) {
            if (account == null) {
                account = row.account();
            } else if (row.account() != null && !row.account().equals(account)) {
                throw new OtherAccount(account, row.account());
            }
            accepted++;
            StoredPpcRow stored = stored(row);
            days.add(stored.day());
            if (Objects.equals(stored.currency(), storeCurrency)) {
                spendByDay.merge(stored.day(), row.spendMinor(), Long::sum);
            }
            pending.add(stored);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void refused(RefusedRow row) {
            refused++;
            if (refused <= REFUSED_KEPT) {
                pendingRefused.add(new RefusedPpcRow(
                        job.importId(), refused, row.line(), row.column(), row.reason(), row.content()));
            }
            if (pendingRefused.size() >= BATCH) {
                flush();
            }
        }

        /** The job as it stands, if it still runs; one another instance ended meanwhile stops here. */
        PpcImport stillRunning() {
            job = find(job.importId()).blockOptional().orElse(job);
            if (job.status() != PpcImport.Status.RUNNING) {
                throw new IllegalStateException("the import was ended meanwhile: " + job.problem());
            }
            return job;
        }

        void read(long bytes) {
            read = bytes;
            Instant now = clock.instant();
            if (Duration.between(savedAt, now).compareTo(PROGRESS_EVERY) >= 0) {
                savedAt = now;
                job = step(job.importId(), current -> current.progressed(read, accepted, refused, now));
            }
        }

        void flush() {
            rows.insert(ROWS, List.copyOf(pending), row -> row.importId() + ":" + row.number())
                    .block();
            pending.clear();
            rows.insert(REFUSED, List.copyOf(pendingRefused), row -> job.importId() + ":" + row.number())
                    .block();
            pendingRefused.clear();
            Instant now = clock.instant();
            savedAt = now;
            job = step(job.importId(), current -> current.progressed(read, accepted, refused, now));
        }

        private StoredPpcRow stored(PpcRow row) {
            return new StoredPpcRow(
                    job.importId(),
                    accepted,
                    job.storeId(),
                    job.source(),
                    job.grain(),
                    row.day().toString(),
                    row.currency() == null ? storeCurrency : row.currency(),
                    row);
        }
    }

    /**
     * Imports that stopped moving (their instance stopped): they failed, unless their days were taken
     * over. This instance's own imports, queued or running, are first said to be alive, so that a
     * long step of a running one (a large workbook's strings loading) never looks like a stop.
     */
    Mono<Long> endStalled() {
        Instant now = clock.instant();
        Instant stalledBefore = now.minus(STALLED_AFTER);
        Mono<Long> alive = Flux.fromIterable(List.copyOf(ours))
                .concatMap(importId -> saved(
                        importId,
                        current -> current.filter(job -> !job.status().finished())
                                .map(job -> Change.of(job.touched(now)))
                                .orElseGet(Change::none)))
                .count();
        return alive.then(store.findAll(
                        IMPORTS,
                        StateQuery.of(PpcImport.class)
                                .in("status", List.of(PpcImport.Status.QUEUED.name(), PpcImport.Status.RUNNING.name()))
                                .below("touchedAt", stalledBefore))
                .concatMap(stalled -> days(stalled.storeId())
                        .filter(days -> days.importByDay().containsValue(stalled.importId()))
                        .collectList()
                        .flatMap(owning -> owning.isEmpty()
                                ? Mono.fromCallable(() -> fail(
                                                stalled.importId(),
                                                "The import was cut short by a restart of analytics-service: "
                                                        + "nothing of it counts; import the file again."))
                                        .subscribeOn(Schedulers.boundedElastic())
                                : spendByDay(stalled)
                                        .flatMap(spent -> saved(
                                                stalled.importId(),
                                                current -> current.map(job -> Change.of(job.completed(
                                                                owning.get(0).account(),
                                                                daysOf(owning.get(0), stalled.importId()),
                                                                spent,
                                                                clock.instant())))
                                                        .orElseGet(Change::none)))))
                .count());
    }

    private static List<String> daysOf(PpcDays days, String importId) {
        return days.importByDay().entrySet().stream()
                .filter(day -> day.getValue().equals(importId))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** What the import's kept rows spent per day in its store's currency, read back from them. */
    private Mono<Map<String, Long>> spendByDay(PpcImport job) {
        return rows.sums(
                        ROWS,
                        StateQuery.of(StoredPpcRow.class)
                                .is("importId", job.importId())
                                .is("currency", currencyOf(job.storeId())),
                        List.of("day"),
                        List.of("row.spendMinor"))
                .collectMap(group -> group.group().get("day").toString(), group -> group.sum("row.spendMinor"));
    }

    private String currencyOf(String storeId) {
        return stores.find(storeId).map(StoreProperties.Store::currency).orElse(null);
    }

    @Override
    public void run(ApplicationArguments arguments) {
        // the imports' rows are read by import and day, the refused rows by import, the jobs by store
        store.declareIndex(
                ROWS,
                StateIndex.named("import_day", StoredPpcRow.class)
                        .ascending("importId")
                        .ascending("day"));
        store.declareIndex(
                REFUSED,
                StateIndex.named("import_number", RefusedPpcRow.class)
                        .ascending("importId")
                        .ascending("number"));
        store.declareIndex(
                IMPORTS,
                StateIndex.named("store_requested", PpcImport.class)
                        .ascending("storeId")
                        .ascending("requestedAt"));
        sweep = RepeatingWork.every(SWEEP_EVERY, "stalled PPC imports", this::endStalled, log);
    }

    @Override
    public void destroy() {
        if (sweep != null) {
            sweep.dispose();
        }
        worker.dispose();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException left) {
            log.warn("could not delete the uploaded report {}", file, left);
        }
    }
}
