package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections to the standalone's store wait for their own commands, not for other connections'. */
class StoreConnectionsTest {

    /**
     * Waiting connections: more than Netty's default loops (two per core) on up to 24 cores, and,
     * with the clients' monitoring connections, fewer than the store's loops.
     */
    private static final int WAITING = 48;

    @TempDir
    Path dataDir;

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private MongoBackend backend;
    private MongoServer server;
    private String uri;

    @BeforeEach
    void startStore() {
        backend = new DurableH2Backend(dataDir.resolve("storeops.mv").toString());
        server = EmbeddedDocumentStore.serve(backend, 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    @AfterEach
    void stopStore() {
        release.countDown();
        threads.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void aCountIsAnsweredWhileManyOtherConnectionsWaitForACollection() throws Exception {
        try (MongoClient waiting = MongoClients.create(uri + "/?maxPoolSize=" + WAITING);
                MongoClient other = MongoClients.create(uri)) {
            waiting.getDatabase("slow").getCollection("held").insertOne(new Document("_id", "a"));
            // A find waiting for the collection's lock occupies its loop as a long count does.
            Object held = hold("slow", "held");
            List<CompletableFuture<Document>> reads = IntStream.range(0, WAITING)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> waiting.getDatabase("slow")
                                    .getCollection("held")
                                    .find()
                                    .first(),
                            threads))
                    .toList();
            await("every waiting find reached the store and holds a loop")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> loopsWaitingFor(held) == WAITING);

            CompletableFuture<Long> elsewhere = CompletableFuture.supplyAsync(
                    () -> other.getDatabase("quick").getCollection("other").countDocuments(), threads);

            assertThat(elsewhere).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(0L);
            assertThat(reads).noneMatch(CompletableFuture::isDone);
            release.countDown();
            assertThat(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)))
                    .succeedsWithin(Duration.ofSeconds(30));
            assertThat(reads).allSatisfy(read -> assertThat(read.join()).containsEntry("_id", "a"));
        }
    }

    /**
     * A write waiting for its collection held back every other write's commit, and so its answer:
     * in the 100,000-order soak, updates waiting behind a long scan stalled all connections' writes.
     */
    @Test
    void aWriteIsAnsweredWhileAnotherWriteWaitsForItsCollection() throws Exception {
        try (MongoClient waiting = MongoClients.create(uri);
                MongoClient other = MongoClients.create(uri)) {
            var heldDocuments = waiting.getDatabase("slow").getCollection("held");
            heldDocuments.insertOne(new Document("_id", "a"));
            var otherDocuments = other.getDatabase("slow").getCollection("other");
            otherDocuments.insertOne(new Document("_id", "first"));
            Object held = hold("slow", "held");
            CompletableFuture<Long> update = CompletableFuture.supplyAsync(
                    () -> heldDocuments
                            .updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 1)))
                            .getModifiedCount(),
                    threads);
            await("the update reached the store and waits for its collection")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> loopsWaitingFor(held) == 1);

            CompletableFuture<Void> elsewhere =
                    CompletableFuture.runAsync(() -> otherDocuments.insertOne(new Document("_id", "second")), threads);

            assertThat(elsewhere).succeedsWithin(Duration.ofSeconds(20));
            assertThat(update).isNotDone();
            release.countDown();
            assertThat(update).succeedsWithin(Duration.ofSeconds(30)).isEqualTo(1L);
            assertThat(heldDocuments.find().first()).containsEntry("n", 1);
        }
    }

    /** Holds the collection's monitor, as a long scan does, until {@link #release}. */
    private Object hold(String database, String collection) throws InterruptedException {
        Object held = backend.resolveDatabase(database).resolveCollection(collection, true);
        CountDownLatch locked = new CountDownLatch(1);
        threads.submit(() -> {
            synchronized (held) {
                locked.countDown();
                release.await();
            }
            return null;
        });
        locked.await();
        return held;
    }

    /** How many of the store's loop threads are blocked on {@code lock}'s monitor. */
    private static long loopsWaitingFor(Object lock) {
        int identity = System.identityHashCode(lock);
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
        return Arrays.stream(threads)
                .filter(thread -> thread.getThreadName().startsWith("mongo-server-worker"))
                .filter(thread -> thread.getThreadState() == Thread.State.BLOCKED)
                .filter(thread ->
                        thread.getLockInfo() != null && thread.getLockInfo().getIdentityHashCode() == identity)
                .count();
    }
}
