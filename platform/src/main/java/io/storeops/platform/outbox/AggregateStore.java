package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.EventType;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.platform.trace.Traceparent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores aggregates as one document each: {@code {_id, version, lastSequence, consumed, outbox, state}}.
 *
 * <p>A decision's new state, its events (appended to {@code outbox}) and the consumed event's
 * position are written in one update conditional on {@code version}, so a state change and the
 * events it causes cannot be separated, a lost race is detected and retried, and a redelivered
 * event is recognised without a second collection. The filter is the flat {@code {_id, version}}
 * so that the store can answer it from the unique index on exactly those keys.
 */
public class AggregateStore {

    private static final Logger log = LoggerFactory.getLogger(AggregateStore.class);

    static final String VERSION = "version";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String CONSUMED = "consumed";
    static final String OUTBOX = "outbox";
    static final String STATE = "state";
    private static final int MAX_ATTEMPTS = 8;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;
    private final MongoConverter converter;
    /** Collections whose {_id, version} index exists (or is being created), so each is created once per process. */
    private final Map<String, Mono<String>> versionIndexes = new ConcurrentHashMap<>();

    public AggregateStore(ReactiveMongoTemplate mongo, OutboxRelay relay, String source, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
        this.converter = mongo.getConverter();
    }

    public <T> Mono<T> find(String collection, String id, Class<T> type) {
        return mongo.findById(id, Document.class, collection).map(document -> readState(document, type));
    }

    /**
     * Aggregates matching {@code query}, whose criteria name state fields as {@code state.<field>}.
     * For staff lists, not hot paths: the embedded store scans for anything but {@code _id}.
     */
    public <T> Flux<T> findAll(String collection, Query query, Class<T> type) {
        return mongo.find(query, Document.class, collection).map(document -> readState(document, type));
    }

    /** How many aggregates match {@code query} (criteria on {@code state.<field>}); for gauges and lists, not hot paths. */
    public Mono<Long> count(String collection, Query query) {
        return mongo.count(query, collection);
    }

    /** Applies a staff command or webhook to the aggregate (created if absent). */
    public <T> Mono<Applied<T>> apply(String collection, String id, Class<T> type,
                                      Function<Optional<T>, Change<T>> decide) {
        return apply(collection, id, type, null, decide);
    }

    /**
     * Applies a consumed event to the aggregate, once: if {@code consumed} is at or below the last
     * sequence applied from its source aggregate, nothing is evaluated or written.
     */
    public <T> Mono<Applied<T>> apply(String collection, String id, Class<T> type, ConsumedEvent consumed,
                                      Function<Optional<T>, Change<T>> decide) {
        return versionIndex(collection).then(Mono.deferContextual(context ->
                attempt(collection, id, type, consumed, decide, Traceparent.from(context), 1)));
    }

    /**
     * The unique index on exactly {_id, version}: the embedded store uses an index only when a
     * filter's keys equal its keys, so without it every conditional update would scan the collection.
     */
    private Mono<String> versionIndex(String collection) {
        return versionIndexes.computeIfAbsent(collection, name -> mongo.indexOps(name)
                .createIndex(new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC).unique())
                .onErrorResume(failure -> {
                    log.warn("Could not create the {_id, version} index on {}; updates stay correct but slower: {}", name, failure.toString());
                    return Mono.just("none");
                })
                .cache());
    }

    private <T> Mono<Applied<T>> attempt(String collection, String id, Class<T> type, ConsumedEvent consumed,
                                         Function<Optional<T>, Change<T>> decide, String traceparent, int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            return Mono.error(new ConcurrentUpdateException(collection, id));
        }
        return mongo.findById(id, Document.class, collection)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> {
                    Map<String, Long> consumedSoFar = current.map(AggregateStore::readConsumed).orElseGet(LinkedHashMap::new);
                    Optional<T> state = current.map(document -> readState(document, type));
                    if (consumed != null && consumedSoFar.getOrDefault(consumed.key(), 0L) >= consumed.sequence()) {
                        return Mono.just(Applied.nothing(state.orElse(null), Applied.Outcome.DUPLICATE));
                    }
                    Change<T> change = decide.apply(state);
                    if (change.isNone()) {
                        return Mono.just(Applied.nothing(state.orElse(null), Applied.Outcome.UNCHANGED));
                    }
                    if (consumed != null) {
                        consumedSoFar.put(consumed.key(), consumed.sequence());
                    }
                    long lastSequence = current.map(document -> number(document, LAST_SEQUENCE)).orElse(0L);
                    List<Document> entries = outboxEntries(change.events(), lastSequence, traceparent);
                    Mono<Boolean> written = current
                            .map(document -> update(collection, id, number(document, VERSION), change.state(),
                                    lastSequence + entries.size(), consumedSoFar, entries))
                            .orElseGet(() -> insert(collection, id, change.state(), entries.size(), consumedSoFar, entries));
                    return written.flatMap(won -> {
                        if (!won) {
                            return attempt(collection, id, type, consumed, decide, traceparent, attempt + 1);
                        }
                        if (!entries.isEmpty()) {
                            relay.wake(collection, id);
                        }
                        return Mono.just(new Applied<>(change.state(), Applied.Outcome.APPLIED, change.events()));
                    });
                });
    }

    private Mono<Boolean> insert(String collection, String id, Object state, long lastSequence,
                                 Map<String, Long> consumed, List<Document> entries) {
        Document document = new Document("_id", id)
                .append(VERSION, 1L)
                .append(LAST_SEQUENCE, lastSequence)
                .append(CONSUMED, writeConsumed(consumed))
                .append(OUTBOX, entries)
                .append(STATE, writeState(state));
        return mongo.insert(document, collection)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, raceLost -> Mono.just(false));
    }

    private Mono<Boolean> update(String collection, String id, long version, Object state, long lastSequence,
                                 Map<String, Long> consumed, List<Document> entries) {
        Update update = new Update()
                .set(VERSION, version + 1)
                .set(LAST_SEQUENCE, lastSequence)
                .set(CONSUMED, writeConsumed(consumed))
                .set(STATE, writeState(state));
        if (!entries.isEmpty()) {
            update.push(OUTBOX).each(entries.toArray());
        }
        return mongo.updateFirst(query(where("_id").is(id).and(VERSION).is(version)), update, collection)
                .map(result -> result.getMatchedCount() == 1);
    }

    private List<Document> outboxEntries(List<StoreOpsEvent> events, long lastSequence, String traceparent) {
        List<Document> entries = new ArrayList<>(events.size());
        long sequence = lastSequence;
        for (StoreOpsEvent event : events) {
            EventType type = EventType.of(event);
            sequence++;
            OutboxEntry entry = new OutboxEntry(UUID.randomUUID().toString(), type.typeName(), type.version(),
                    type.topic(), event.subject(), sequence, source, clock.instant(),
                    Traceparent.childOf(traceparent), new String(EventJson.write(event), StandardCharsets.UTF_8));
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

    private static List<Document> writeConsumed(Map<String, Long> consumed) {
        return consumed.entrySet().stream()
                .map(entry -> new Document("key", entry.getKey()).append("sequence", entry.getValue()))
                .toList();
    }

    private static Map<String, Long> readConsumed(Document document) {
        Map<String, Long> consumed = new LinkedHashMap<>();
        for (Document entry : document.getList(CONSUMED, Document.class, List.of())) {
            consumed.put(entry.getString("key"), number(entry, "sequence"));
        }
        return consumed;
    }

    static long number(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0L : ((Number) value).longValue();
    }
}
