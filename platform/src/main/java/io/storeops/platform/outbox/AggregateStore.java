package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.EventType;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.trace.Spans;
import io.storeops.platform.trace.Traceparent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores aggregates as one document each: {@code {_id, version, lastSequence, consumed, replayed, outbox,
 * pendingSince, lease, parked, parkedCount, state}}.
 *
 * <p>A decision's new state, its events (appended to {@code outbox}) and the consumed event's
 * position are written in one update conditional on {@code version}, so a state change and the
 * events it causes cannot be separated, a lost race is detected and retried, and a redelivered
 * event is recognised without a second collection. The filter is the flat {@code {_id, version}}
 * so that the store can answer it from the unique index on exactly those keys. A write that adds
 * events also takes the aggregate's relay lease when nobody else holds a live one, and then wakes
 * this instance's relay; otherwise the instance holding the lease publishes them.
 */
public class AggregateStore {

    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);

    static final String VERSION = "version";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String OUTBOX = "outbox";
    /** When the oldest unpublished entry was written; present only while the outbox has entries (the sweep's index). */
    static final String PENDING_SINCE = "pendingSince";
    /** Entries the broker refused for good, held back until an operator retries them. */
    static final String PARKED = "parked";
    /** How many entries are parked; present only while some are (the parked index). */
    static final String PARKED_COUNT = "parkedCount";

    static final String STATE = "state";
    private static final int MAX_ATTEMPTS = 8;

    private final ReactiveMongoTemplate mongo;
    private final CoalescedCommands commands;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;
    private final MongoConverter converter;
    private final Spans spans;
    private final Counter outOfSequence;
    /** Collections whose {_id, version} index exists (or is being created), so each is created once per process. */
    private final Map<String, Mono<String>> versionIndexes = new ConcurrentHashMap<>();

    public AggregateStore(
            ReactiveMongoTemplate mongo,
            OutboxRelay relay,
            String source,
            Clock clock,
            MeterRegistry meters,
            Spans spans) {
        this.mongo = mongo;
        this.spans = spans;
        this.commands = new CoalescedCommands(mongo);
        this.relay = relay;
        this.source = source;
        this.clock = clock;
        this.converter = mongo.getConverter();
        this.outOfSequence = Counter.builder("storeops.events.out.of.sequence")
                .description(
                        "Late events (replayed dead letters, retried parked entries) applied after a later event of their aggregate")
                .tag("service", source)
                .register(meters);
    }

    public <T> Mono<T> find(String collection, String id, Class<T> type) {
        return commands.findById(collection, id).map(document -> readState(document, type));
    }

    /**
     * Aggregates matching {@code query}, in its order. For staff lists, not hot paths: the embedded
     * store answers from an index only a find that names a value for each of its fields, and scans
     * for anything else (ranges, sorts); real MongoDB uses the indexes services declare.
     */
    public <T> Flux<T> findAll(String collection, StateQuery<T> query) {
        return mongo.find(query.toQuery(), Document.class, collection)
                .map(document -> readState(document, query.type()));
    }

    /** How many aggregates match {@code query}; for gauges and lists, not hot paths. */
    public Mono<Long> count(String collection, StateQuery<?> query) {
        return mongo.count(query.toQuery(), collection);
    }

    /** Per value of {@code groupField} among the aggregates matching {@code query}: how many, and the sum of {@code sumField}. */
    public Flux<Totals> totals(String collection, StateQuery<?> query, String groupField, String sumField) {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(query.criteria()),
                                Aggregation.group(query.path(groupField))
                                        .count()
                                        .as("count")
                                        .sum(query.path(sumField))
                                        .as("sum"),
                                Aggregation.sort(Sort.by("_id"))),
                        collection,
                        Document.class)
                .map(row -> new Totals(String.valueOf(row.get("_id")), number(row, "count"), number(row, "sum")));
    }

    /** What {@link #totals} finds for one group. */
    public record Totals(String group, long count, long sum) {}

    /**
     * Creates {@code index} on {@code collection} once, at start. When the store refuses it, the
     * queries it serves stay correct but scan, so start-up goes on with a warning.
     */
    public void declareIndex(String collection, StateIndex<?> index) {
        mongo.indexOps(collection)
                .createIndex(index.toIndex())
                .onErrorResume(failure -> {
                    log.warn(
                            "Could not create the index {} on {}; its queries stay correct but scan: {}",
                            index.name(),
                            collection,
                            failure.toString());
                    return Mono.empty();
                })
                .block();
    }

    /** Applies a staff command or webhook to the aggregate (created if absent). */
    public <T> Mono<Applied<T>> apply(
            String collection, String id, Class<T> type, Function<Optional<T>, Change<T>> decide) {
        return apply(collection, id, type, null, decide);
    }

    /**
     * Applies a consumed event to the aggregate, once: if {@code consumed} is at or below the last
     * sequence applied from its source aggregate, nothing is evaluated or written.
     */
    public <T> Mono<Applied<T>> apply(
            String collection,
            String id,
            Class<T> type,
            ConsumedEvent consumed,
            Function<Optional<T>, Change<T>> decide) {
        return versionIndex(collection)
                .then(Mono.deferContextual(
                        context -> attempt(collection, id, type, consumed, decide, Traceparent.from(context), 1)));
    }

    /**
     * The unique index on exactly {_id, version}: the embedded store uses an index only when a
     * filter's keys equal its keys, so without it every conditional update would scan the collection.
     * Also the sparse indexes through which the relay's sweep finds pending and parked aggregates
     * (real MongoDB uses them; the embedded store answers only equality finds from non-unique
     * indexes and scans for the sweep's ranges, which it can afford on start and at the pace the
     * sweep's own cost sets).
     */
    private Mono<String> versionIndex(String collection) {
        return versionIndexes.computeIfAbsent(
                collection,
                name -> mongo.indexOps(name)
                        .createIndex(new Index()
                                .on("_id", Sort.Direction.ASC)
                                .on(VERSION, Sort.Direction.ASC)
                                .unique())
                        .then(mongo.indexOps(name)
                                .createIndex(new Index()
                                        .on(PENDING_SINCE, Sort.Direction.ASC)
                                        .sparse()))
                        .then(mongo.indexOps(name)
                                .createIndex(new Index()
                                        .on(PARKED_COUNT, Sort.Direction.ASC)
                                        .sparse()))
                        .onErrorResume(failure -> {
                            log.warn(
                                    "Could not create the outbox indexes on {}; updates stay correct but slower: {}",
                                    name,
                                    failure.toString());
                            if (failure instanceof DataAccessResourceFailureException) {
                                versionIndexes.remove(
                                        name); // the store was away: the collection's next use creates them
                            }
                            return Mono.just("none");
                        })
                        .cache());
    }

    private <T> Mono<Applied<T>> attempt(
            String collection,
            String id,
            Class<T> type,
            ConsumedEvent consumed,
            Function<Optional<T>, Change<T>> decide,
            String traceparent,
            int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            return Mono.error(new ConcurrentUpdateException(collection, id));
        }
        return commands.findById(collection, id)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> {
                    ConsumptionPositions positions =
                            current.map(ConsumptionPositions::read).orElseGet(ConsumptionPositions::none);
                    Optional<T> state = current.map(document -> readState(document, type));
                    if (consumed != null && positions.applied(consumed)) {
                        return Mono.just(Applied.nothing(state.orElse(null), Applied.Outcome.DUPLICATE));
                    }
                    Change<T> change = decide.apply(state);
                    if (change.isNone()) {
                        return Mono.just(Applied.nothing(state.orElse(null), Applied.Outcome.UNCHANGED));
                    }
                    boolean late = consumed != null && positions.outOfSequence(consumed);
                    if (consumed != null) {
                        positions.record(consumed);
                    }
                    long lastSequence = current.map(document -> number(document, LAST_SEQUENCE))
                            .orElse(0L);
                    List<Document> entries = outboxEntries(collection, id, change.events(), lastSequence, traceparent);
                    Instant now = clock.instant();
                    boolean publishHere = !entries.isEmpty()
                            && current.map(document ->
                                            OutboxLease.mayPublish(OutboxLease.read(document), relay.instance(), now)
                                                    || document.getList(OUTBOX, Document.class, List.of())
                                                            .isEmpty())
                                    .orElse(true);
                    Document newState = writeState(change.state());
                    Document fields = new Document();
                    if (!entries.isEmpty()) {
                        fields.append(LAST_SEQUENCE, lastSequence + entries.size());
                    }
                    if (consumed != null) {
                        fields.append(ConsumptionPositions.CONSUMED, positions.consumedDocuments());
                        if (consumed.replay()) {
                            fields.append(ConsumptionPositions.REPLAYED, positions.replayed());
                        }
                    }
                    if (!entries.isEmpty()
                            && current.map(document -> document.get(PENDING_SINCE) == null)
                                    .orElse(true)) {
                        fields.append(PENDING_SINCE, Date.from(now));
                    }
                    if (publishHere) {
                        fields.append(
                                OutboxLease.FIELD,
                                new OutboxLease(relay.instance(), now.plus(relay.leaseDuration())).toDocument());
                    }
                    Mono<Boolean> written = current.map(document -> {
                                Update update = new Update();
                                fields.forEach(update::set);
                                setChangedFields(update, STATE, document.get(STATE, Document.class), newState);
                                if (!entries.isEmpty()) {
                                    update.push(OUTBOX).each(entries.toArray());
                                }
                                return updateIf(collection, id, number(document, VERSION), update);
                            })
                            .orElseGet(() -> insert(collection, id, fields.append(STATE, newState), entries));
                    return written.flatMap(won -> {
                        if (!won) {
                            return attempt(collection, id, type, consumed, decide, traceparent, attempt + 1);
                        }
                        if (late) {
                            outOfSequence.increment();
                        }
                        if (publishHere) {
                            relay.wake(collection, id);
                        }
                        return Mono.just(new Applied<>(change.state(), Applied.Outcome.APPLIED, change.events()));
                    });
                });
    }

    /**
     * Writes only what changed between two versions of an embedded document: changed top-level
     * fields are set, removed ones unset, and a list that only grew at its end gets its new items
     * pushed. An order's update then sends a new timeline line and the changed parts, not the whole
     * order again, which is most of the store's work per event.
     */
    static void setChangedFields(Update update, String path, Document before, Document after) {
        if (before == null) {
            update.set(path, after);
            return;
        }
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object old = before.get(field.getKey());
            String fieldPath = path + "." + field.getKey();
            if (Objects.equals(old, field.getValue())) {
                continue;
            }
            if (old instanceof List<?> shorter
                    && field.getValue() instanceof List<?> longer
                    && longer.size() > shorter.size()
                    && longer.subList(0, shorter.size()).equals(shorter)) {
                update.push(fieldPath)
                        .each(longer.subList(shorter.size(), longer.size()).toArray());
            } else {
                update.set(fieldPath, field.getValue());
            }
        }
        for (String removed : before.keySet()) {
            if (!after.containsKey(removed)) {
                update.unset(path + "." + removed);
            }
        }
    }

    private Mono<Boolean> insert(String collection, String id, Document fields, List<Document> entries) {
        Document document = new Document("_id", id).append(VERSION, 1L).append(OUTBOX, entries);
        document.putAll(fields);
        return commands.insert(collection, document);
    }

    /**
     * Applies {@code update} if the document is still at {@code version}, moving it to the next
     * version; false when another writer (or the relay) changed it first.
     */
    Mono<Boolean> updateIf(String collection, String id, long version, Update update) {
        update.set(VERSION, version + 1);
        return mongo.updateFirst(query(where("_id").is(id).and(VERSION).is(version)), update, collection)
                .map(result -> result.getMatchedCount() == 1);
    }

    private List<Document> outboxEntries(
            String collection, String id, List<StoreOpsEvent> events, long lastSequence, String traceparent) {
        List<Document> entries = new ArrayList<>(events.size());
        long sequence = lastSequence;
        String carried = events.isEmpty() ? null : spans.ofEventWrittenUnder(traceparent);
        for (StoreOpsEvent event : events) {
            EventType type = EventType.of(event);
            sequence++;
            OutboxEntry entry = new OutboxEntry(
                    UUID.randomUUID().toString(),
                    type.typeName(),
                    type.version(),
                    type.topic(),
                    event.subject(),
                    collection + "/" + id,
                    sequence,
                    source,
                    clock.instant(),
                    carried,
                    new String(EventJson.write(event), StandardCharsets.UTF_8),
                    false);
            Document document = new Document();
            converter.write(entry, document);
            document.remove("_class");
            entries.add(document);
        }
        return entries;
    }

    private Document writeState(Object state) {
        Document document = new Document();
        converter.write(state, document);
        document.remove("_class");
        return document;
    }

    private <T> T readState(Document document, Class<T> type) {
        return converter.read(type, document.get(STATE, Document.class));
    }

    static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0L : ((Number) value).longValue();
    }
}
