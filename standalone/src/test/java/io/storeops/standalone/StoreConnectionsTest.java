package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.ConnectionPoolListener;
import com.mongodb.event.ConnectionReadyEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections to the standalone's store wait only for their own commands, not for other connections'. */
class StoreConnectionsTest {

    /** Enough waiting connections to occupy each of Netty's default loops (two per core) several times. */
    private static final int WAITING = 16;

    @TempDir
    Path dataDir;

    @Test
    void aReadIsAnsweredWhileManyOtherConnectionsWaitForACollection() throws Exception {
        MongoBackend backend =
                new DurableH2Backend(dataDir.resolve("storeops.mv").toString());
        int port = BrokerRestartTest.freePort();
        MongoServer server = EmbeddedDocumentStore.serve(backend, port);
        String uri = "mongodb://127.0.0.1:" + port;
        AtomicInteger ready = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try (MongoClient waiting = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(uri))
                        .applyToConnectionPoolSettings(
                                pool -> pool.maxSize(WAITING).addConnectionPoolListener(new ConnectionPoolListener() {
                                    @Override
                                    public void connectionReady(ConnectionReadyEvent event) {
                                        ready.incrementAndGet();
                                    }
                                }))
                        .build());
                MongoClient other = MongoClients.create(uri)) {
            waiting.getDatabase("slow").getCollection("held").insertOne(new Document("_id", "a"));
            Object held = backend.resolveDatabase("slow").resolveCollection("held", true);
            // A long count holds its collection's lock the same way; holding it here makes "long" certain.
            threads.submit(() -> {
                synchronized (held) {
                    locked.countDown();
                    release.await();
                }
                return null;
            });
            locked.await();
            List<CompletableFuture<Document>> reads = IntStream.range(0, WAITING)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> waiting.getDatabase("slow")
                                    .getCollection("held")
                                    .find()
                                    .first(),
                            threads))
                    .toList();
            // Each read opens a connection of its own, whose handshake is a command too.
            await().atMost(Duration.ofSeconds(30)).until(() -> ready.get() >= WAITING);

            CompletableFuture<Long> elsewhere = CompletableFuture.supplyAsync(
                    () -> other.getDatabase("quick").getCollection("other").countDocuments(), threads);

            assertThat(elsewhere).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(0L);
            assertThat(reads).noneMatch(CompletableFuture::isDone);
            release.countDown();
            assertThat(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)))
                    .succeedsWithin(Duration.ofSeconds(30));
            assertThat(reads).allSatisfy(read -> assertThat(read.join()).containsEntry("_id", "a"));
        } finally {
            release.countDown();
            threads.shutdownNow();
            server.shutdownNow();
            backend.close();
        }
    }
}
