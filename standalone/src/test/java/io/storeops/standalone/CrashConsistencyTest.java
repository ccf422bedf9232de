package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killed while a write command is half applied (its document stored, its {@code _id} index entry
 * not yet), the durable store must not have committed that half: another writer's commit in the
 * middle once stored a document without its index entry, which after the restart could be neither
 * found nor inserted again (KillNineIT saw a fulfilment dead-lettered that way).
 */
class CrashConsistencyTest {

    @TempDir
    Path dataDir;

    @Test
    void anotherWritersCommitNeverStoresAWriteHalfApplied() throws Exception {
        String file = dataDir.resolve("storeops.mv").toString();
        CountDownLatch halfApplied = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        DurableH2Backend backend = new DurableH2Backend(file) {
            @Override
            BsonUniqueIndex uniqueIndex(
                    String collection,
                    MVMap<KeyValue, Object> entries,
                    String name,
                    List<IndexKey> keys,
                    boolean sparse) {
                if (!collection.equals("slow") || !name.equals("_id_")) {
                    return super.uniqueIndex(collection, entries, name, keys, sparse);
                }
                return new BsonUniqueIndex(entries, name, keys, sparse) {
                    @Override
                    protected boolean putKeyPosition(KeyValue key, Object position) {
                        if (key.toString().contains("half-applied")) {
                            halfApplied.countDown(); // the document is in, its _id entry not yet
                            await(finish);
                        }
                        return super.putKeyPosition(key, position);
                    }
                };
            }
        };
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(uri(address))) {
            client.getDatabase("crash")
                    .getCollection("slow")
                    .insertOne(new Document("_id", "first").append("version", 1L));
            CompletableFuture.runAsync(() -> client.getDatabase("crash")
                    .getCollection("slow")
                    .insertOne(new Document("_id", "half-applied").append("version", 1L)));
            assertThat(halfApplied.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> client.getDatabase("crash")
                    .getCollection("fast")
                    .insertOne(new Document("_id", "other").append("version", 1L)));
            try {
                other.get(2, TimeUnit.SECONDS); // answered: its commit has been made
            } catch (TimeoutException waitingForTheHalfAppliedWrite) {
                // a commit that waits for whole writes: nothing half applied can have been stored
            }
            backend.closeLikeAKill();
            finish.countDown();
        } finally {
            server.shutdownNow();
        }

        DurableH2Backend reopened = new DurableH2Backend(file);
        MongoServer restarted = new MongoServer(reopened);
        try (MongoClient client = MongoClients.create(uri(restarted.bind()))) {
            MongoCollection<Document> slow = client.getDatabase("crash").getCollection("slow");
            List<Object> unfindable = new ArrayList<>();
            for (Document stored : slow.find()) {
                if (slow.find(Filters.in("_id", List.of(stored.get("_id")))).first()
                        == null) { // as the aggregate store reads
                    unfindable.add(stored.get("_id"));
                }
            }
            assertThat(unfindable)
                    .as("documents stored without their _id index entry")
                    .isEmpty();
        } finally {
            restarted.shutdownNow();
            reopened.close();
        }
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
