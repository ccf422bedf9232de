package io.storeops.platform.bench;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.OutboxRelay;
import io.storeops.platform.trace.Spans;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Latency of {@link AggregateStore#apply} (read, decide, conditional update with one outbox event)
 * on the embedded Mongo-wire store, as the collection grows. Prints figures; asserts nothing.
 *
 * <p>Run: {@code bench/aggregate-store.sh [aggregates] [updates]}
 */
public final class AggregateStoreBenchmark {

    public record Counter(String id, long value) {}

    private AggregateStoreBenchmark() {}

    public static void main(String[] args) {
        int aggregates = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int updates = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "bench");
            // A relay that is never started: writes only record their events, nothing is published.
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay idleRelay = new OutboxRelay(
                    mongo,
                    null,
                    topic -> false,
                    Clock.systemUTC(),
                    new OutboxRelay.Settings(
                            Duration.ofHours(1), Duration.ofSeconds(1), Duration.ofSeconds(30), 256, 3, Set.of()),
                    meters,
                    "bench");
            AggregateStore store =
                    new AggregateStore(mongo, idleRelay, "bench", Clock.systemUTC(), meters, Spans.generated());

            long started = System.nanoTime();
            for (int i = 0; i < aggregates; i++) {
                increment(store, "c-" + i);
            }
            double createSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "created %,d aggregates in %.1f s (%.0f/s)%n",
                    aggregates, createSeconds, aggregates / createSeconds);

            long[] micros = new long[updates];
            started = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                long t0 = System.nanoTime();
                increment(store, "c-" + ThreadLocalRandom.current().nextInt(aggregates));
                micros[i] = (System.nanoTime() - t0) / 1_000;
            }
            double updateSeconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(micros);
            System.out.printf(
                    "updated %,d random aggregates of %,d: %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    updates,
                    aggregates,
                    updates / updateSeconds,
                    micros[updates / 2] / 1000.0,
                    micros[(int) (updates * 0.99)] / 1000.0,
                    micros[updates - 1] / 1000.0);
        } finally {
            server.shutdownNow();
        }
    }

    private static void increment(AggregateStore store, String id) {
        store.apply("counters", id, Counter.class, current -> {
                    long value = current.map(Counter::value).orElse(0L) + 1;
                    return Change.of(
                            new Counter(id, value),
                            new OrderPlaced(
                                    id, "bench", "bench", id, List.of(), new Money(value, "USD"), null, Instant.now()));
                })
                .block();
    }
}
