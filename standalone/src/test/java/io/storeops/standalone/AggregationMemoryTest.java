package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts and grouped sums over a collection larger than the store's heap. The services' gauges and
 * reports are such aggregates; the store once copied a whole collection into memory for each, and
 * a fault run ran it out of its 1 GB heap at about 34,000 orders, stalling every service.
 */
class AggregationMemoryTest {

    private static final String HEAP = "-Xmx160m";
    private static final int DOCUMENTS = 96;
    /** 96 × 4 MB: more than twice the heap. */
    private static final String PAYLOAD = "x".repeat(4 * 1024 * 1024);

    @TempDir
    Path workDir;

    @Test
    void countsAndSumsACollectionLargerThanTheHeap() throws Exception {
        Path log = workDir.resolve("store.log");
        int mongoPort = BrokerRestartTest.freePort();
        Process store = StoreAlone.start(workDir.resolve("data"), log, mongoPort, HEAP);
        try {
            MongoClientSettings settings = MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + mongoPort))
                    .applyToSocketSettings(socket -> socket.readTimeout(60, TimeUnit.SECONDS))
                    .build();
            try (MongoClient client = MongoClients.create(settings)) {
                MongoCollection<Document> facts =
                        client.getDatabase("analytics").getCollection("facts");
                for (int number = 0; number < DOCUMENTS; number++) {
                    facts.insertOne(new Document("_id", number)
                            .append("store", number % 2 == 0 ? "even" : "odd")
                            .append("amountMinor", number)
                            .append("payload", PAYLOAD));
                }

                assertThat(facts.countDocuments(Filters.eq("store", "even"))).isEqualTo(DOCUMENTS / 2);
                Document totals = facts.aggregate(List.of(
                                Aggregates.match(Filters.eq("store", "odd")),
                                Aggregates.group(
                                        "$store",
                                        Accumulators.sum("count", 1),
                                        Accumulators.sum("sum", "$amountMinor"))))
                        .first();
                assertThat(totals)
                        .containsEntry("count", DOCUMENTS / 2)
                        .containsEntry(
                                "sum",
                                IntStream.range(0, DOCUMENTS)
                                        .filter(number -> number % 2 == 1)
                                        .sum());
            }
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            store.destroyForcibly();
        }
    }
}
