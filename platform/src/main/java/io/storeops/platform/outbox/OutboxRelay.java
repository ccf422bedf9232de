package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.platform.schedule.CostPacing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes outbox entries and removes exactly the ones the broker acknowledged.
 *
 * <ul>
 *   <li><b>Many aggregates per cycle.</b> A write wakes the relay for its aggregate; a cycle takes
 *       up to {@code batchSize} woken aggregates, reads them with one query per collection, sends
 *       all their entries at once (the producer batches them) and removes the acknowledged ones
 *       with one bulk update per collection.</li>
 *   <li><b>In order, up to the first failure.</b> An aggregate's entries are sent one after the
 *       other; the first that fails stops its aggregate, and only the acknowledged prefix is
 *       removed. Acknowledged entries whose removal did not happen are remembered and never sent
 *       again by this instance.</li>
 *   <li><b>Failures.</b> A broker that is unreachable or slow is retried with capped backoff for as
 *       long as it lasts. An entry the broker refuses for good (too large, not authorised, unknown
 *       topic) is parked after {@code parkAfterAttempts}: moved out of the outbox into the
 *       document's {@code parked} list with its reason, counted in {@code storeops_outbox_parked},
 *       and put back by {@link #retryParked()}; the aggregate's later entries flow on.</li>
 *   <li><b>Several instances.</b> Only the holder of an aggregate's lease publishes it; a lease left
 *       by an instance that died expires and is taken over. A sweep on start and on a slow timer
 *       finds every aggregate with pending entries through the {@code pendingSince} index.</li>
 * </ul>
 * A crash after a send and before its removal publishes the entry again: consumers recognise the
 * repeated sequence, so the duplicate has no effect.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TopicCheck topics;
    private final Clock clock;
    private final Settings settings;
    private final String instance;
    /** Aggregates this instance knows to hold unpublished entries, with the time of their oldest entry. */
    private final Map<AggregateRef, Instant> pending = new ConcurrentHashMap<>();

    private final Set<AggregateRef> ready = new LinkedHashSet<>();
    private final Map<AggregateRef, Integer> failures = new ConcurrentHashMap<>();
    /** Entries the broker acknowledged whose removal has not been seen yet: never sent twice by this instance. */
    private final Map<AggregateRef, Set<String>> acknowledged = new ConcurrentHashMap<>();

    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final AtomicBoolean cycleScheduled = new AtomicBoolean();
    private final MultiGauge parkedGauge;
    private ScheduledExecutorService worker;
    private ExecutorService sender;
    private volatile boolean running;

    /**
     * @param batchSize          aggregates published per cycle
     * @param lease              how long an aggregate stays with the instance that publishes it
     * @param parkAfterAttempts  attempts before an entry the broker refuses for good is parked
     * @param notAggregates      collections of the database that the aggregate store never writes
     */
    public record Settings(
            Duration sweepInterval,
            Duration sendTimeout,
            Duration lease,
            int batchSize,
            int parkAfterAttempts,
            Set<String> notAggregates) {}

    /** Tells whether a topic is known to be missing on a reachable cluster (false when unsure). */
    public interface TopicCheck {
        boolean missing(String topic);
    }

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            TopicCheck topics,
            Clock clock,
            Settings settings,
            MeterRegistry meters,
            String service) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.settings = settings;
        this.instance = service + "-" + UUID.randomUUID().toString().substring(0, 8);
        Gauge.builder("storeops.outbox.pending", pending, Map::size)
                .description("Aggregates with events this instance has not yet had acknowledged (sum over instances)")
                .tag("service", service)
                .register(meters);
        Gauge.builder("storeops.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description(
                        "Age in seconds of the oldest event this instance has not yet had acknowledged (max over instances)")
                .tag("service", service)
                .baseUnit("seconds")
                .register(meters);
        this.parkedGauge = MultiGauge.builder("storeops.outbox.parked")
                .description("Events the broker refused for good, held back until retried, by reason "
                        + "(counted in the service's whole database: max over instances)")
                .tag("service", service)
                .register(meters);
        parkedGauge.register(List.of(MultiGauge.Row.of(Tags.of("reason", "none"), 0)), true);
    }

    /** This instance's name in aggregate leases. */
    public String instance() {
        return instance;
    }

    public Duration leaseDuration() {
        return settings.lease();
    }

    /** Publishes the aggregate's pending entries soon, on the relay thread. */
    public void wake(String collection, String id) {
        wake(new AggregateRef(collection, id), clock.instant());
    }

    private void wake(AggregateRef ref, Instant since) {
        if (!running) {
            return; // the sweep of the next start finds it
        }
        pending.merge(ref, since, (known, later) -> known.isBefore(later) ? known : later);
        synchronized (ready) {
            ready.add(ref);
        }
        scheduleCycle();
    }

    private void scheduleCycle() {
        if (running && cycleScheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::cycle);
            } catch (RejectedExecutionException stopping) {
                cycleScheduled.set(false);
            }
        }
    }

    private void cycle() {
        cycleScheduled.set(false);
        List<AggregateRef> batch = new ArrayList<>();
        synchronized (ready) {
            var iterator = ready.iterator();
            while (iterator.hasNext() && batch.size() < settings.batchSize()) {
                batch.add(iterator.next());
                iterator.remove();
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            batch.stream()
                    .collect(Collectors.groupingBy(AggregateRef::collection, LinkedHashMap::new, Collectors.toList()))
                    .forEach(this::publish);
        } catch (RuntimeException storeUnavailable) {
            log.warn("Outbox cycle failed; retrying its {} aggregates: {}", batch.size(), storeUnavailable.toString());
            batch.forEach(this::retryLater);
        } finally {
            boolean more;
            synchronized (ready) {
                more = !ready.isEmpty();
            }
            if (more) {
                scheduleCycle();
            }
        }
    }

    private void publish(String collection, List<AggregateRef> refs) {
        Instant now = clock.instant();
        Query byIds = query(where("_id").in(refs.stream().map(AggregateRef::id).toList()));
        byIds.fields().include(AggregateStore.OUTBOX, AggregateStore.VERSION, OutboxLease.FIELD);
        List<Document> documents =
                mongo.find(byIds, Document.class, collection).collectList().block(settings.sendTimeout());
        Set<AggregateRef> unseen = new HashSet<>(refs);
        List<Publication> publications = new ArrayList<>();
        for (Document document : documents == null ? List.<Document>of() : documents) {
            AggregateRef ref = new AggregateRef(collection, String.valueOf(document.get("_id")));
            unseen.remove(ref);
            Publication publication = claim(ref, document, now);
            if (publication != null) {
                publications.add(publication);
            }
        }
        unseen.forEach(this::forget);
        List<CompletableFuture<Publication>> sends =
                publications.stream().map(this::sendInOrder).toList();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception notAllAnswered) {
            log.warn("Not every send of the outbox cycle was answered within {}", settings.sendTimeout());
        }
        removeAcknowledged(collection, publications);
    }

    /** The aggregate's entries if this instance may publish them now (taking over an expired lease), else null. */
    private Publication claim(AggregateRef ref, Document document, Instant now) {
        List<Document> entries = document.getList(AggregateStore.OUTBOX, Document.class, List.of());
        OutboxLease lease = OutboxLease.read(document);
        long version = AggregateStore.number(document, AggregateStore.VERSION);
        if (entries.isEmpty()) {
            forget(ref);
            return null;
        }
        if (!OutboxLease.mayPublish(lease, instance, now)) {
            forget(ref); // another live instance publishes it; the sweep brings it back if that one dies
            return null;
        }
        if (lease == null || !lease.heldBy(instance, now)) {
            Update takeOver = new Update()
                    .set(OutboxLease.FIELD, new OutboxLease(instance, now.plus(settings.lease())).toDocument());
            if (!Boolean.TRUE.equals(storeUpdate(ref, version, takeOver))) {
                wake(ref, now); // changed meanwhile: read it again
                return null;
            }
            version++;
        }
        Set<String> alreadyAcknowledged = acknowledged.getOrDefault(ref, Set.of());
        Set<String> present =
                entries.stream().map(entry -> entry.getString("eventId")).collect(Collectors.toSet());
        dropAcknowledged(ref, id -> !present.contains(id));
        pending.merge(ref, entries.get(0).get("time", Date.class).toInstant(), (known, oldest) -> oldest);
        return new Publication(ref, version, entries, new HashSet<>(alreadyAcknowledged));
    }

    private Boolean storeUpdate(AggregateRef ref, long version, Update update) {
        update.set(AggregateStore.VERSION, version + 1);
        return mongo.updateFirst(
                        query(where("_id")
                                .is(ref.id())
                                .and(AggregateStore.VERSION)
                                .is(version)),
                        update,
                        ref.collection())
                .map(result -> result.getMatchedCount() == 1)
                .block(settings.sendTimeout());
    }

    /**
     * Sends the entries one after the other, stopping at the first failure; never fails itself. Sends
     * start on the relay's sender thread, never on the producer's I/O thread that completes the
     * previous one: a send that waited there for buffer space would wait for the very thread that frees it.
     */
    private CompletableFuture<Publication> sendInOrder(Publication publication) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Document entry : publication.entries) {
            chain = chain.thenComposeAsync(
                    previous -> publication.failure != null
                            ? CompletableFuture.completedFuture(null)
                            : send(publication, entry),
                    sender);
        }
        return chain.handle((done, unexpected) -> {
            if (unexpected != null && publication.failure == null) {
                publication.failure = new Refusal(null, unexpected, null);
            }
            return publication;
        });
    }

    private CompletableFuture<Void> send(Publication publication, Document entry) {
        String eventId = entry.getString("eventId");
        if (publication.alreadyAcknowledged.contains(eventId)) {
            publication.acknowledgedIds.add(eventId);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<?> sent;
        try {
            sent = kafka.send(record(publication.ref, entry));
        } catch (RuntimeException refusedAtOnce) {
            sent = CompletableFuture.failedFuture(refusedAtOnce);
        }
        return sent.handle((result, failure) -> {
            if (failure == null) {
                publication.acknowledgedIds.add(eventId);
                acknowledged
                        .computeIfAbsent(publication.ref, key -> ConcurrentHashMap.newKeySet())
                        .add(eventId);
            } else {
                publication.failure = new Refusal(entry, failure, null);
            }
            return null;
        });
    }

    /** One bulk update per collection: remove the acknowledged prefix, park refused entries, release finished aggregates. */
    private void removeAcknowledged(String collection, List<Publication> publications) {
        Map<String, Boolean> missingTopics = new HashMap<>();
        ReactiveBulkOperations bulk = null;
        List<Publication> written = new ArrayList<>();
        for (Publication publication : publications) {
            Refusal refusal = publication.refusal(missingTopics, topics);
            Document parked = parkIfRefusedForGood(publication, refusal);
            List<String> removed = new ArrayList<>(publication.acknowledgedIds);
            if (parked != null) {
                removed.add(parked.getString("eventId"));
            }
            publication.removed = removed;
            if (removed.isEmpty()) {
                retryLater(publication.ref);
                continue;
            }
            Update update = new Update()
                    .pull(AggregateStore.OUTBOX, new Document("eventId", new Document("$in", removed)))
                    .set(AggregateStore.VERSION, publication.version + 1);
            if (parked != null) {
                update.push(AggregateStore.PARKED, parked).inc(AggregateStore.PARKED_COUNT, 1);
            }
            List<Document> remaining = publication.entries.stream()
                    .filter(entry -> !removed.contains(entry.getString("eventId")))
                    .toList();
            if (remaining.isEmpty()) {
                update.unset(AggregateStore.PENDING_SINCE).unset(OutboxLease.FIELD);
            } else {
                update.set(AggregateStore.PENDING_SINCE, remaining.get(0).get("time", Date.class))
                        .set(
                                OutboxLease.FIELD,
                                new OutboxLease(instance, clock.instant().plus(settings.lease())).toDocument());
            }
            if (bulk == null) {
                bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            }
            bulk.updateOne(
                    query(where("_id")
                            .is(publication.ref.id())
                            .and(AggregateStore.VERSION)
                            .is(publication.version)),
                    update);
            written.add(publication);
        }
        if (bulk == null) {
            return;
        }
        var result = bulk.execute().block(settings.sendTimeout());
        boolean allMatched = result != null && result.getMatchedCount() == written.size();
        for (Publication publication : written) {
            if (allMatched) {
                dropAcknowledged(publication.ref, publication.removed::contains);
            }
            if (!allMatched || publication.parkedNow) {
                // Changed meanwhile by a writer, or more entries follow the parked one: read it again. What
                // was acknowledged is remembered, so nothing is sent twice.
                wake(publication.ref, pending.getOrDefault(publication.ref, clock.instant()));
            } else if (publication.failure != null) {
                retryLater(publication.ref);
            } else {
                forget(publication.ref);
            }
        }
        if (written.stream().anyMatch(publication -> publication.parkedNow)) {
            recountParked();
        }
    }

    /** The refused entry as it will be parked, once its refusal is permanent and has recurred often enough. */
    private Document parkIfRefusedForGood(Publication publication, Refusal refusal) {
        if (refusal == null || refusal.entry() == null || refusal.permanentReason() == null) {
            return null;
        }
        String eventId = refusal.entry().getString("eventId");
        int attempts = refusals.merge(eventId, 1, Integer::sum);
        if (attempts < settings.parkAfterAttempts()) {
            return null;
        }
        refusals.remove(eventId);
        publication.parkedNow = true;
        log.error(
                "Parking event {} ({} of {}) after {} attempts: {} ({})",
                eventId,
                refusal.entry().getString("type"),
                publication.ref,
                attempts,
                refusal.permanentReason(),
                refusal.cause().toString());
        return new Document(refusal.entry())
                .append("parkedAt", Date.from(clock.instant()))
                .append("reason", refusal.permanentReason())
                .append("detail", String.valueOf(refusal.cause().getMessage()));
    }

    private void retryLater(AggregateRef ref) {
        int failed = failures.merge(ref, 1, Integer::sum);
        long delayMillis = Math.min(MAX_RETRY_DELAY.toMillis(), 250L << Math.min(failed, 10));
        if (failed == 1 || failed % 10 == 0) {
            log.warn(
                    "Publishing the outbox of {}/{} failed (attempt {}); retrying in {} ms",
                    ref.collection(),
                    ref.id(),
                    failed,
                    delayMillis);
        }
        if (running) {
            worker.schedule(
                    () -> wake(ref, pending.getOrDefault(ref, clock.instant())), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Done with the aggregate here: it has nothing left to send, is gone, or another instance publishes it. */
    private void forget(AggregateRef ref) {
        pending.remove(ref);
        failures.remove(ref);
        acknowledged.remove(ref);
    }

    /** Stops remembering acknowledged entries once their removal is seen; the memory would otherwise only grow. */
    private void dropAcknowledged(AggregateRef ref, Predicate<String> removedFromOutbox) {
        acknowledged.computeIfPresent(ref, (key, ids) -> {
            ids.removeIf(removedFromOutbox);
            return ids.isEmpty() ? null : ids;
        });
    }

    /** Event ids of the aggregate that the broker acknowledged and whose removal this instance has not seen yet. */
    public Set<String> acknowledgedAwaitingRemoval(String collection, String aggregateId) {
        return Set.copyOf(acknowledged.getOrDefault(new AggregateRef(collection, aggregateId), Set.of()));
    }

    /** Finds every aggregate with pending entries in the service's database, through the {@code pendingSince} index. */
    public void sweep() {
        for (String collection : collections()) {
            Query withPending = query(where(AggregateStore.PENDING_SINCE).lte(Date.from(clock.instant())));
            withPending.fields().include("_id", AggregateStore.PENDING_SINCE);
            List<Document> found = mongo.find(withPending, Document.class, collection)
                    .collectList()
                    .block(settings.sendTimeout());
            for (Document document : found == null ? List.<Document>of() : found) {
                wake(
                        new AggregateRef(collection, String.valueOf(document.get("_id"))),
                        document.get(AggregateStore.PENDING_SINCE, Date.class).toInstant());
            }
        }
        recountParked();
    }

    /**
     * Puts every parked entry back at the end of its aggregate's outbox, marked as a replay so that
     * consumers apply it although later events of its aggregate went before it. For an operator,
     * once the cause (size limit, ACL, topic) is fixed; returns how many entries were put back.
     */
    public long retryParked() {
        long retried = 0;
        for (String collection : collections()) {
            List<Document> withParked = mongo.find(
                            query(where(AggregateStore.PARKED_COUNT).gt(0)), Document.class, collection)
                    .collectList()
                    .block(settings.sendTimeout());
            for (Document document : withParked == null ? List.<Document>of() : withParked) {
                List<Document> parked = document.getList(AggregateStore.PARKED, Document.class, List.of());
                List<Document> again = parked.stream()
                        .map(entry -> {
                            Document copy = new Document(entry).append("replay", true);
                            copy.keySet().removeAll(List.of("parkedAt", "reason", "detail"));
                            return copy;
                        })
                        .toList();
                Instant now = clock.instant();
                Update update = new Update()
                        .push(AggregateStore.OUTBOX)
                        .each(again.toArray())
                        .unset(AggregateStore.PARKED)
                        .unset(AggregateStore.PARKED_COUNT)
                        .set(OutboxLease.FIELD, new OutboxLease(instance, now.plus(settings.lease())).toDocument());
                if (document.get(AggregateStore.PENDING_SINCE) == null) {
                    update.set(AggregateStore.PENDING_SINCE, Date.from(now));
                }
                AggregateRef ref = new AggregateRef(collection, String.valueOf(document.get("_id")));
                if (Boolean.TRUE.equals(
                        storeUpdate(ref, AggregateStore.number(document, AggregateStore.VERSION), update))) {
                    retried += again.size();
                    wake(ref, now);
                }
            }
        }
        recountParked();
        return retried;
    }

    private void recountParked() {
        Map<String, Integer> byReason = new HashMap<>();
        for (String collection : collections()) {
            Query withParked = query(where(AggregateStore.PARKED_COUNT).gt(0));
            withParked.fields().include(AggregateStore.PARKED + ".reason");
            List<Document> found = mongo.find(withParked, Document.class, collection)
                    .collectList()
                    .block(settings.sendTimeout());
            for (Document document : found == null ? List.<Document>of() : found) {
                for (Document entry : document.getList(AggregateStore.PARKED, Document.class, List.of())) {
                    byReason.merge(entry.getString("reason"), 1, Integer::sum);
                }
            }
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        rows.add(MultiGauge.Row.of(Tags.of("reason", "none"), 0));
        byReason.forEach((reason, count) -> rows.add(MultiGauge.Row.of(Tags.of("reason", reason), count)));
        parkedGauge.register(rows, true);
    }

    /** The service's collections but those known to hold no aggregates (webhook deliveries), which the sweep never scans. */
    private List<String> collections() {
        List<String> names = mongo.getCollectionNames()
                .filter(name -> !settings.notAggregates().contains(name))
                .collectList()
                .block(settings.sendTimeout());
        return names == null ? List.of() : names;
    }

    private static ProducerRecord<String, byte[]> record(AggregateRef ref, Document entry) {
        String subject = entry.getString("subject");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.getString("topic"),
                null,
                entry.get("time", Date.class).getTime(),
                subject,
                entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, entry.getString("eventId"));
        header(record, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0);
        header(record, CloudEventHeaders.TYPE, entry.getString("type"));
        header(record, CloudEventHeaders.SOURCE, entry.getString("source"));
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(
                record,
                CloudEventHeaders.AGGREGATE,
                entry.getString("aggregate") != null
                        ? entry.getString("aggregate")
                        : ref.collection() + "/" + ref.id()); // entries written before the header existed
        header(
                record,
                CloudEventHeaders.TIME,
                entry.get("time", Date.class).toInstant().toString());
        header(record, CloudEventHeaders.SEQUENCE, String.valueOf(AggregateStore.number(entry, "sequence")));
        header(
                record,
                CloudEventHeaders.DATASCHEMAVERSION,
                String.valueOf(AggregateStore.number(entry, "schemaVersion")));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (Boolean.TRUE.equals(entry.getBoolean("replay"))) {
            header(record, CloudEventHeaders.REPLAY, "true");
        }
        if (entry.getString("traceparent") != null) {
            header(record, CloudEventHeaders.TRACEPARENT, entry.getString("traceparent"));
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Age in seconds of the oldest entry this instance has not yet had acknowledged (the gauge's value). */
    public double oldestAgeSeconds() {
        return pending.values().stream()
                .min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    @Override
    public void start() {
        pending.clear();
        failures.clear();
        cycleScheduled.set(false); // a wake-up that raced the last stop() may have left it set
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-send");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        CostPacing.Ticks sweeps = new CostPacing.Ticks();
        worker.scheduleWithFixedDelay(
                () -> sweepSafely(sweeps), 0, settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The timer's sweep, paced by its cost ({@link CostPacing}): it reads every collection, in full
     * on a store without secondary indexes.
     */
    private void sweepSafely(CostPacing.Ticks sweeps) {
        long start = System.nanoTime();
        if (!sweeps.due(start)) {
            return;
        }
        long costNanos;
        try {
            sweep();
            costNanos = System.nanoTime() - start;
        } catch (RuntimeException failure) {
            log.warn("Outbox sweep failed; a later tick retries it: {}", failure.toString());
            costNanos = CostPacing.costOf(Duration.ofNanos(System.nanoTime() - start), failure)
                    .toNanos();
        }
        sweeps.ran(start, start + costNanos);
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        sender.shutdown(); // sends still chained fail as refused and are retried by the next start's sweep
        synchronized (ready) {
            ready.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the Kafka producer and the Mongo client it uses (which stop at the default phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record AggregateRef(String collection, String id) {}

    /** One aggregate's entries in this cycle and what became of them. */
    private static final class Publication {
        final AggregateRef ref;
        final long version;
        final List<Document> entries;
        final Set<String> alreadyAcknowledged;
        /** Filled by the producer's callbacks, one entry after the other. */
        final List<String> acknowledgedIds = new CopyOnWriteArrayList<>();

        volatile Refusal failure;
        boolean parkedNow;
        /** What the cycle's bulk update pulls from the outbox (acknowledged by then, and a parked entry). */
        List<String> removed = List.of();

        Publication(AggregateRef ref, long version, List<Document> entries, Set<String> alreadyAcknowledged) {
            this.ref = ref;
            this.version = version;
            this.entries = entries;
            this.alreadyAcknowledged = alreadyAcknowledged;
        }

        /** Why not every entry was acknowledged (null if all were), classified on the relay thread. */
        Refusal refusal(Map<String, Boolean> missingTopics, TopicCheck topics) {
            if (failure == null && acknowledgedIds.size() < entries.size()) {
                failure = new Refusal(null, new IllegalStateException("no answer from the broker in time"), null);
            }
            Refusal refusal = failure;
            if (refusal == null || refusal.entry() == null) {
                return refusal;
            }
            String topic = refusal.entry().getString("topic");
            return new Refusal(
                    refusal.entry(),
                    refusal.cause(),
                    PublishFailures.permanentReason(
                            refusal.cause(), () -> missingTopics.computeIfAbsent(topic, topics::missing)));
        }
    }

    /** Why an entry was not acknowledged; {@code permanentReason} is set when the broker will never take it. */
    private record Refusal(Document entry, Throwable cause, String permanentReason) {}
}
