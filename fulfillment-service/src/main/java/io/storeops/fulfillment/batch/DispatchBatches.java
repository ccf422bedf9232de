package io.storeops.fulfillment.batch;

import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.storeops.platform.metrics.EventCounters;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Applied;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateIndex;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stores' dispatch batches. A day's batch has one id wherever it is made, and the aggregate
 * store writes a new aggregate once, so two instances cutting off the same day — or a restart
 * cutting off again — make one batch.
 */
@Component
public class DispatchBatches implements ApplicationRunner, DisposableBean {

    static final String COLLECTION = "dispatch_batches";
    private static final Logger log = LoggerFactory.getLogger(DispatchBatches.class);

    private final AggregateStore store;
    private final Fulfillments fulfillments;
    private final Map<String, DispatchSchedule> schedules;
    private final Clock clock;
    private final EventCounters counters;
    private final Duration checkInterval;
    private Disposable cutoffClock = Disposables.disposed();

    public DispatchBatches(
            AggregateStore store,
            Fulfillments fulfillments,
            DispatchProperties dispatch,
            StoreCatalog stores,
            Clock clock,
            EventCounters counters,
            @Value("${storeops.dispatch.check-interval:30s}") Duration checkInterval) {
        this.store = store;
        this.fulfillments = fulfillments;
        this.schedules = dispatch.schedules(stores);
        this.clock = clock;
        this.counters = counters;
        this.checkInterval = checkInterval;
    }

    /**
     * The index behind a store's list of batches, newest first; then the clock that cuts batches
     * off, whose first look, at start, catches up a cut-off missed while the service was down.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        store.declareIndex(
                COLLECTION,
                StateIndex.named("store_newest_first", DispatchBatch.class)
                        .ascending("storeId")
                        .descending("batchDate"));
        cutoffClock = RepeatingWork.every(
                checkInterval,
                "Cutting off the due dispatch batches",
                () -> cutOffDue(clock.instant()).then(),
                log);
    }

    @Override
    public void destroy() {
        cutoffClock.dispose();
    }

    public Optional<DispatchSchedule> scheduleOf(String storeId) {
        return Optional.ofNullable(schedules.get(storeId));
    }

    public Mono<DispatchBatch> find(String batchId) {
        return store.find(COLLECTION, batchId, DispatchBatch.class);
    }

    public Flux<DispatchBatch> list(String storeId, int limit) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(DispatchBatch.class)
                        .is("storeId", storeId)
                        .descending("batchDate")
                        .limit(limit));
    }

    /** A store's batches still open (printed or not, not yet closed by the warehouse). */
    public Flux<DispatchBatch> open(String storeId) {
        return store.findAll(
                COLLECTION,
                StateQuery.of(DispatchBatch.class)
                        .is("storeId", storeId)
                        .is("status", DispatchBatch.Status.OPEN.name()));
    }

    /** How many shipments the store's open batches list. */
    public Mono<Long> openShipmentCount(String storeId) {
        return open(storeId).map(batch -> (long) batch.shipmentIds().size()).reduce(0L, Long::sum);
    }

    /**
     * Makes each store's batch that is due by {@code now} and not made yet: at the cut-off, and on
     * start for a cut-off the service was down for.
     */
    public Flux<DispatchBatch> cutOffDue(Instant now) {
        return Flux.fromIterable(schedules.keySet()).concatMap(storeId -> cutOffDue(storeId, now));
    }

    /** Makes {@code storeId}'s batch that is due by {@code now}, unless it is made. */
    public Mono<DispatchBatch> cutOffDue(String storeId, Instant now) {
        DispatchSchedule schedule = schedules.get(storeId);
        return Mono.justOrEmpty(schedule.lastDueDay(now))
                .filterWhen(day ->
                        find(DispatchBatch.idOf(storeId, day)).hasElement().map(made -> !made))
                .flatMap(day -> cutOff(storeId, day, schedule.cutoffOn(day), DispatchBatch.AT_CUTOFF))
                .map(Applied::state);
    }

    /**
     * The clerk cuts the next batch off now, before its cut-off: what is ready and paid by now goes;
     * what is paid later waits for the batch after. The next batch is the one of the next working
     * day's cut-off (today's before 14:00, else the next working day's), after catching up a
     * batch that is due and not made.
     */
    public Mono<Applied<DispatchBatch>> cutOffEarly(String storeId, DispatchSchedule schedule, String by) {
        Instant now = clock.instant();
        return cutOffDue(storeId, now).then(cutOff(storeId, nextCutoffDay(schedule, now), now, by));
    }

    /**
     * The batch that takes what is paid now: the next cut-off's, or — when the clerk cut that one
     * off early — the one of the working day after.
     */
    public Mono<String> collectingBatchId(String storeId, DispatchSchedule schedule) {
        LocalDate next = nextCutoffDay(schedule, clock.instant());
        return find(DispatchBatch.idOf(storeId, next))
                .map(cutOffEarly -> nextCutoffDay(schedule, schedule.cutoffOn(next)))
                .defaultIfEmpty(next)
                .map(day -> DispatchBatch.idOf(storeId, day));
    }

    private static LocalDate nextCutoffDay(DispatchSchedule schedule, Instant after) {
        return schedule.nextCutoff(after).map(schedule::dayOf).orElseGet(() -> schedule.dayOf(after));
    }

    private Mono<Applied<DispatchBatch>> cutOff(String storeId, LocalDate day, Instant cutoffAt, String by) {
        String batchId = DispatchBatch.idOf(storeId, day);
        return find(batchId)
                .map(made -> new Applied<>(made, Applied.Outcome.UNCHANGED, List.of()))
                .switchIfEmpty(Mono.defer(() -> listedInOpenBatches(storeId)
                        .flatMap(listed -> fulfillments
                                .readyForBatch(storeId, cutoffAt)
                                .filter(shipment -> !listed.contains(shipment.shipmentId()))
                                .collectList())
                        .flatMap(ready -> store.apply(
                                COLLECTION,
                                batchId,
                                DispatchBatch.class,
                                current -> DispatchBatch.cutOff(
                                        current,
                                        storeId,
                                        day,
                                        cutoffAt,
                                        ready.stream()
                                                .map(Fulfillment::shipmentId)
                                                .toList(),
                                        ready.stream()
                                                .filter(shipment ->
                                                        !shipment.urges().isEmpty())
                                                .map(Fulfillment::shipmentId)
                                                .toList(),
                                        by,
                                        clock.instant())))
                        .doOnNext(counters::count)));
    }

    /**
     * The shipments the store's open batches list. A batch's shipments learn that they are in it
     * through its event, a moment after it is made; a batch cut off in that moment (the clerk's
     * early cut-off right after a catch-up) must not take them again.
     */
    private Mono<Set<String>> listedInOpenBatches(String storeId) {
        return open(storeId).flatMapIterable(DispatchBatch::shipmentIds).collect(Collectors.toSet());
    }

    /** Applies a staff step to an existing batch. */
    public Mono<DispatchBatch> change(String batchId, Function<DispatchBatch, Change<DispatchBatch>> decide) {
        return store.apply(
                        COLLECTION,
                        batchId,
                        DispatchBatch.class,
                        current -> current.map(decide).orElseGet(Change::none))
                .doOnNext(counters::count)
                .mapNotNull(Applied::state);
    }

    /** The warehouse closes the batch, with where each of its shipments stands now. */
    public Mono<DispatchBatch> close(DispatchBatch batch, Map<String, String> explanations, String by) {
        return statusesOf(batch)
                .flatMap(statuses ->
                        change(batch.batchId(), current -> current.close(statuses, explanations, by, clock.instant())));
    }

    /** Where each shipment of the batch stands now. */
    public Mono<Map<String, ShipmentStatus>> statusesOf(DispatchBatch batch) {
        return fulfillments
                .findAll(batch.shipmentIds())
                .collect(Collectors.toMap(Fulfillment::shipmentId, Fulfillment::status));
    }
}
