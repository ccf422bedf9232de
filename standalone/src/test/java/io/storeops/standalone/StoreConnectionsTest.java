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

    @Test
    void aCountIsAnsweredWhileManyOtherConnectionsWaitForACollection() throws Exception {
        MongoBackend backend =
                new DurableH2Backend(dataDir.resolve("storeops.mv").toString());
        MongoServer server = EmbeddedDocumentStore.serve(backend, 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        try (MongoClient waiting = MongoClients.create(uri + "/?maxPoolSize=" + WAITING);
                MongoClient other = MongoClients.create(uri)) {
            waiting.getDatabase("slow").getCollection("held").insertOne(new Document("_id", "a"));
            Object held = backend.resolveDatabase("slow").resolveCollection("held", true);
            // A find waiting for the collection's lock occupies its loop as a long count does.
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
        } finally {
            release.countDown();
            threads.shutdownNow();
            server.shutdownNow();
        }
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
