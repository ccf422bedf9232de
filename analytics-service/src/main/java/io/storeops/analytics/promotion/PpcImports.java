package io.storeops.analytics.promotion;

import io.storeops.analytics.files.RefusedRow;
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
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.schedule.RepeatingWork;
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
    /** Imports queued on this instance that have not started. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

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
    public Mono<PpcImport> importFile(String storeId, Path file, String fileName, String by) {
        return Mono.fromCallable(() -> Files.size(file))
                .flatMap(size -> queue(storeId, fileName, size, by))
                .doOnNext(queued -> waiting.add(queued.importId()))
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
                        .subscribe());
    }

    /** Imports rows already typed (the JSON API) and answers the finished job. */
    public Mono<PpcImport> importRows(String storeId, ReportSource source, List<PpcRow> typed, String by) {
        return queue(storeId, "api", typed.size(), by)
                .doOnNext(queued -> waiting.add(queued.importId()))
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

    private Mono<PpcImport> queue(String storeId, String fileName, long size, String by) {
        String importId = "ppc-" + UUID.randomUUID();
        return saved(
                importId,
                current -> Change.of(PpcImport.queued(importId, storeId, fileName, size, by, clock.instant())));
    }

    /** Blocking by design, on the import thread: each batch is written before more rows are read. */
    private PpcImport run(PpcImport queued, Reading reading) {
        String importId = queued.importId();
        StoreProperties.Store configured = stores.find(queued.storeId()).orElse(null);
        Currency currency = configured == null ? null : Currency.getInstance(configured.currency());
        LocalDate today = LocalDate.ofInstant(clock.instant(), configured == null ? ZoneOffset.UTC : configured.zone());
        Batches batches = new Batches(queued, currency == null ? null : currency.getCurrencyCode());
        step(importId, job -> job.started(clock.instant()));
        waiting.remove(importId);
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
        } catch (IOException | RuntimeException failure) {
            log.warn("PPC import {} stopped", importId, failure);
            return fail(importId, "The import stopped: " + failure.getMessage());
        }
    }

    /** The import's days replace the earlier imports' in one write; the replaced rows go after. */
    private PpcImport takeOver(Batches batches) {
        PpcImport job = batches.job;
        AtomicReference<Map<String, String>> replaced = new AtomicReference<>(Map.of());
        store.apply(DAYS, PpcDays.idOf(job.storeId(), job.source(), job.grain()), PpcDays.class, current -> {
                    PpcDays days = current.orElseGet(() -> PpcDays.none(job.storeId(), job.source(), job.grain()));
                    replaced.set(days.replacedBy(job.importId(), batches.days));
                    return Change.of(days.takenOver(job.importId(), batches.days));
                })
                .block();
        PpcImport completed =
                step(job.importId(), current -> current.completed(List.copyOf(batches.days), clock.instant()));
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

    private PpcImport fail(String importId, String why) {
        rows.delete(ROWS, StateQuery.of(StoredPpcRow.class).is("importId", importId))
                .block();
        return step(importId, job -> job.failed(why, clock.instant()));
    }

    private PpcImport step(String importId, UnaryOperator<PpcImport> change) {
        return saved(importId, current -> current.map(change).map(Change::of).orElseGet(Change::none))
                .block();
    }

    private Mono<PpcImport> saved(String importId, Function<Optional<PpcImport>, Change<PpcImport>> decide) {
        return store.apply(IMPORTS, importId, PpcImport.class, decide).map(Applied::state);
    }

    /** The rows of one running import on their way to the store. */
    private final class Batches implements PpcRowSink {
        private PpcImport job;
        private final String storeCurrency;
        private final List<StoredPpcRow> pending = new ArrayList<>(BATCH);
        private final List<RefusedPpcRow> pendingRefused = new ArrayList<>();
        private final Set<String> days = new TreeSet<>();
        private long accepted;
        private long refused;
        private long read;
        private Instant savedAt = Instant.MIN;

        Batches(PpcImport job, String storeCurrency) {
            this.job = job;
            this.storeCurrency = storeCurrency;
        }

        @Override
        public void header(ReportSource source, ReportGrain grain) {
            job = step(job.importId(), current -> current.identified(source.name(), grain.name()));
        }

        @Override
        public void accepted(PpcRow row) {
            accepted++;
            days.add(row.day().toString());
            pending.add(stored(row));
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
     * over. This instance's queued imports are first said to be waiting still.
     */
    Mono<Long> endStalled() {
        Instant now = clock.instant();
        Instant stalledBefore = now.minus(STALLED_AFTER);
        Mono<Long> stillWaiting = Flux.fromIterable(List.copyOf(waiting))
                .concatMap(importId -> saved(
                        importId,
                        current -> current.filter(job -> job.status() == PpcImport.Status.QUEUED)
                                .map(job -> Change.of(job.stillWaiting(now)))
                                .orElseGet(Change::none)))
                .count();
        return stillWaiting.then(store.findAll(
                        IMPORTS,
                        StateQuery.of(PpcImport.class)
                                .in("status", List.of(PpcImport.Status.QUEUED.name(), PpcImport.Status.RUNNING.name()))
                                .below("touchedAt", stalledBefore))
                .concatMap(stalled -> days(stalled.storeId())
                        .filter(days -> days.importByDay().containsValue(stalled.importId()))
                        .flatMapIterable(days -> days.importByDay().entrySet())
                        .filter(day -> day.getValue().equals(stalled.importId()))
                        .map(Map.Entry::getKey)
                        .collectList()
                        .flatMap(takenOver -> Mono.fromCallable(() -> takenOver.isEmpty()
                                        ? fail(
                                                stalled.importId(),
                                                "The import was cut short by a restart of "
                                                        + "analytics-service: nothing of it counts; import the file again.")
                                        : step(stalled.importId(), job -> job.completed(takenOver, clock.instant())))
                                .subscribeOn(Schedulers.boundedElastic())))
                .count());
    }

    @Override
    public void run(ApplicationArguments arguments) {
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
