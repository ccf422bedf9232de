package io.storeops.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes outbox entries and removes them once the broker has acknowledged them.
 *
 * <p>One worker thread handles one aggregate at a time, publishing its entries in array order
 * through an idempotent producer, so one aggregate's events reach its partition in order. A write
 * wakes the worker for that aggregate; a sweep on start and on a slow timer finds anything a crash
 * left behind. A crash after the publish and before the removal publishes again: consumers
 * recognise the repeated sequence, so the duplicate has no effect.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    /** Aggregates known to hold unpublished entries, with the time of their oldest entry. */
    private final Map<AggregateRef, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService worker;
    private volatile boolean running;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Clock clock,
                       Duration sweepInterval, Duration sendTimeout, MeterRegistry meters, String service) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.sendTimeout = sendTimeout;
        Gauge.builder("storeops.outbox.pending", pending, Map::size)
                .description("Aggregates with events not yet acknowledged by the broker")
                .tag("service", service)
                .register(meters);
        Gauge.builder("storeops.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds)
                .description("Age in seconds of the oldest event not yet acknowledged by the broker")
                .tag("service", service)
                .baseUnit("seconds")
                .register(meters);
    }

    /** Publishes the aggregate's pending entries soon, on the relay thread. */
    public void wake(String collection, String id) {
        if (!running) {
            return; // the sweep of the next start finds it
        }
        AggregateRef ref = new AggregateRef(collection, id);
        if (pending.putIfAbsent(ref, clock.instant()) == null) {
            worker.execute(() -> publish(ref));
        }
    }

    /** Finds every aggregate with pending entries in the service's database and publishes them. */
    public void sweep() {
        List<String> collections = mongo.getCollectionNames().collectList().block();
        for (String collection : collections == null ? List.<String>of() : collections) {
            Query withPending = query(where(AggregateStore.OUTBOX + ".0").exists(true));
            withPending.fields().include("_id");
            List<Document> found = mongo.find(withPending, Document.class, collection).collectList().block();
            for (Document document : found == null ? List.<Document>of() : found) {
                wake(collection, String.valueOf(document.get("_id")));
            }
        }
    }

    private void publish(AggregateRef ref) {
        publish(ref, 0);
    }

    private void publish(AggregateRef ref, int failures) {
        if (!running) {
            return;
        }
        // Forget the wake-up before reading, so that a write racing with this publish wakes us again.
        pending.remove(ref);
        try {
            Query byId = query(where("_id").is(ref.id()));
            byId.fields().include(AggregateStore.OUTBOX);
            Document document = mongo.findOne(byId, Document.class, ref.collection()).block();
            List<Document> entries = document == null ? List.of() : document.getList(AggregateStore.OUTBOX, Document.class, List.of());
            if (entries.isEmpty()) {
                return;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
            for (Document entry : entries) {
                acks.add(kafka.send(record(entry)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            List<Object> published = entries.stream().map(entry -> entry.get("eventId")).toList();
            mongo.updateFirst(byId, new Update().pull(AggregateStore.OUTBOX, new Document("eventId", new Document("$in", published))),
                    ref.collection()).block();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            long delayMillis = Math.min(MAX_RETRY_DELAY.toMillis(), 500L << Math.min(failures, 10));
            log.warn("Publishing the outbox of {}/{} failed (attempt {}); retrying in {} ms: {}",
                    ref.collection(), ref.id(), failures + 1, delayMillis, failure.toString());
            pending.putIfAbsent(ref, clock.instant());
            if (running) {
                worker.schedule(() -> publish(ref, failures + 1), delayMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(Document entry) {
        String subject = entry.getString("subject");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.getString("topic"), null,
                entry.get("time", Date.class).getTime(), subject, entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.ID, entry.getString("eventId"));
        header(record, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_1_0);
        header(record, CloudEventHeaders.TYPE, entry.getString("type"));
        header(record, CloudEventHeaders.SOURCE, entry.getString("source"));
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.TIME, entry.get("time", Date.class).toInstant().toString());
        header(record, CloudEventHeaders.SEQUENCE, String.valueOf(AggregateStore.number(entry, "sequence")));
        header(record, CloudEventHeaders.DATASCHEMAVERSION, String.valueOf(AggregateStore.number(entry, "schemaVersion")));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (entry.getString("traceparent") != null) {
            header(record, CloudEventHeaders.TRACEPARENT, entry.getString("traceparent"));
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private double oldestAgeSeconds() {
        return pending.values().stream().min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    @Override
    public void start() {
        pending.clear();
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        worker.scheduleWithFixedDelay(this::sweepSafely, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Outbox sweep failed; the next one follows in {}: {}", sweepInterval, failure.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
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

    private record AggregateRef(String collection, String id) {
    }
}
