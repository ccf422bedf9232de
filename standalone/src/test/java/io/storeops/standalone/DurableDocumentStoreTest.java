package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCursorNotFoundException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** The standalone's durable store keeps documents and unique-index keys in BSON, and reads them back after a restart. */
class DurableDocumentStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsAndUniqueIndexesReadBackAfterARestart() throws Exception {
        Path file = dataDir.resolve("mongo/storeops.mv");
        Document everyType = new Document("_id", "order-1")
                .append("version", 3L)
                .append("count", 7)
                .append("share", 0.25)
                .append("paid", true)
                .append("paidAt", Date.from(Instant.parse("2026-11-28T02:11:30Z")))
                .append("amount", Decimal128.parse("1280.00"))
                .append("note", null)
                .append("picture", new Binary(new byte[] {1, 2, 3}))
                .append("lines", List.of(new Document("sku", "A-1").append("quantity", 2), new Document("sku", "B-2")))
                .append("buyer", new Document("name", "李雷").append("city", "杭州"));
        ObjectId generated;
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, freePort(), false);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            orders.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            orders.createIndex(
                    Indexes.ascending("number"), new IndexOptions().unique(true).sparse(true));
            orders.insertOne(everyType);
            Document withoutId = new Document("number", "T-1");
            orders.insertOne(withoutId);
            generated = withoutId.getObjectId("_id");
            orders.updateOne(
                    Filters.and(Filters.eq("_id", "order-1"), Filters.eq("version", 3L)),
                    Updates.combine(Updates.set("version", 4L), Updates.push("lines", new Document("sku", "C-3"))));
        }

        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, freePort(), false);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> orders = client.getDatabase("orders").getCollection("orders");
            Document expected = new Document(everyType)
                    .append("version", 4L)
                    .append(
                            "lines",
                            List.of(
                                    new Document("sku", "A-1").append("quantity", 2),
                                    new Document("sku", "B-2"),
                                    new Document("sku", "C-3")));
            assertThat(orders.find(Filters.and(Filters.eq("_id", "order-1"), Filters.eq("version", 4L)))
                            .first())
                    .isEqualTo(expected);
            assertThat(orders.find(Filters.eq("number", "T-1")).first())
                    .isEqualTo(new Document("_id", generated).append("number", "T-1"));
            assertThatThrownBy(() -> orders.insertOne(new Document("number", "T-1")))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            refused -> assertThat(ErrorCategory.fromErrorCode(refused.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(orders.updateOne(
                                    Filters.and(Filters.eq("_id", "order-1"), Filters.eq("version", 3L)),
                                    Updates.set("version", 5L))
                            .getMatchedCount())
                    .as("an update conditional on a superseded version")
                    .isZero();
        }
    }

    @Test
    void aFileWrittenInTheEarlierFormatIsRefusedWithWhatToDo() throws Exception {
        Path file = dataDir.resolve("mongo/storeops.mv");
        file.getParent().toFile().mkdirs();
        H2Backend earlier = new H2Backend(file.toString());
        MongoServer server = new MongoServer(earlier);
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("orders")
                    .getCollection("orders")
                    .insertOne(new Document("_id", UUID.randomUUID().toString()));
        } finally {
            server.shutdown();
            earlier.close();
        }

        assertThatThrownBy(() -> EmbeddedDocumentStore.start(file, freePort(), false))
                .hasMessageContaining("written by an earlier StoreOps standalone")
                .hasMessageContaining("move the data folder aside");
    }

    @Test
    void aFindLargerThanTheDriversLargestReplyArrivesInBatches() throws Exception {
        String payload = "x".repeat(2_000);
        int documents = 30_000; // about 60 MB: more than the 48 MB the driver takes in one reply
        try (EmbeddedDocumentStore store =
                        EmbeddedDocumentStore.start(dataDir.resolve("mongo/storeops.mv"), freePort(), false);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> facts = client.getDatabase("analytics").getCollection("facts");
            for (int first = 0; first < documents; first += 1_000) {
                facts.insertMany(IntStream.range(first, first + 1_000)
                        .mapToObj(number -> new Document("_id", number).append("payload", payload))
                        .toList());
            }

            List<Object> found = new ArrayList<>();
            facts.find().forEach(fact -> found.add(fact.get("_id")));
            assertThat(found).hasSize(documents).doesNotHaveDuplicates();
            assertThat(facts.find().limit(300).into(new ArrayList<>())).hasSize(300);
            try (com.mongodb.reactivestreams.client.MongoClient services =
                    com.mongodb.reactivestreams.client.MongoClients.create(store.uri())) {
                List<Document> everything = Flux.from(services.getDatabase("analytics")
                                .getCollection("facts")
                                .find())
                        .collectList()
                        .block(Duration.ofSeconds(60));
                assertThat(everything)
                        .as("a subscriber that asks for everything")
                        .hasSize(documents);
            }
        }
    }

    /**
     * refund-service finds a case's file by {@code state.cases.caseId}; the server underneath ignored
     * the index, so each such find read every file. The collection's statistics name what each index
     * holds: the case index holds the cases once a find has used it, and answers through changes and
     * a restart.
     */
    @Test
    void aFindByANonUniqueIndexedFieldIsAnsweredFromTheIndex() throws Exception {
        Path file = dataDir.resolve("mongo/storeops.mv");
        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, freePort(), false);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> files = client.getDatabase("refunds").getCollection("after_sales");
            files.createIndex(Indexes.ascending("state.cases.caseId"), new IndexOptions().name("case_id"));
            files.insertMany(IntStream.range(0, 1_000)
                    .mapToObj(number -> afterSale("order-" + number, "case-" + number, "case-" + number + "-b"))
                    .toList());

            assertThat(orderOfCase(files, "case-417-b")).isEqualTo("order-417");
            assertThat(indexSize(client, "case_id"))
                    .as("entries of the case index")
                    .isEqualTo(2_000);

            files.updateOne(Filters.eq("_id", "order-417"), Updates.set("state.cases", List.of()));
            files.insertOne(afterSale("order-1000", "case-417-b"));
            files.deleteOne(Filters.eq("_id", "order-3"));
            assertThat(orderOfCase(files, "case-417-b")).isEqualTo("order-1000");
            assertThat(orderOfCase(files, "case-3")).isNull();
            assertThat(indexSize(client, "case_id"))
                    .as("kept up with the changes")
                    .isEqualTo(1_997);
            assertThat(files.find(Filters.and(Filters.in("state.cases.caseId", "case-5", "case-6-b", "case-x")))
                            .map(found -> found.getString("_id"))
                            .into(new ArrayList<>()))
                    .containsExactly("order-5", "order-6");
        }

        try (EmbeddedDocumentStore store = EmbeddedDocumentStore.start(file, freePort(), false);
                MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> files = client.getDatabase("refunds").getCollection("after_sales");
            assertThat(indexSize(client, "case_id")).as("before a find uses it").isZero();
            assertThat(orderOfCase(files, "case-999")).isEqualTo("order-999");
            assertThat(orderOfCase(files, "case-417-b")).isEqualTo("order-1000");
            assertThat(indexSize(client, "case_id"))
                    .as("built again from the file")
                    .isEqualTo(1_997);
        }
    }

    /**
     * A client that stops reading a large answer (a find that timed out, a service killed) leaves
     * the rest of it on the server; MongoDB closes such a cursor after ten idle minutes, and so does
     * the store, while a cursor still being read stays open.
     */
    @Test
    void aCursorNoClientFetchesFromIsClosedOnceIdleAndAReadOneIsNot() throws Exception {
        DurableH2Backend backend =
                new DurableH2Backend(dataDir.resolve("storeops.mv").toString());
        int port = freePort();
        MongoServer server = EmbeddedDocumentStore.serve(backend, port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> facts = client.getDatabase("analytics").getCollection("facts");
            facts.insertMany(IntStream.range(0, 10)
                    .mapToObj(number -> new Document("_id", number))
                    .toList());
            MongoCursor<Document> abandoned = facts.find().batchSize(2).iterator();
            MongoCursor<Document> read = facts.find().batchSize(2).iterator();
            abandoned.next();
            Instant beforeTheLastFetch = Instant.now();
            read.next();
            read.next();
            read.next(); // the second batch: a fetch from the server

            assertThat(backend.closeCursorsIdleSince(beforeTheLastFetch))
                    .as("closed")
                    .isEqualTo(1);
            assertThatThrownBy(() -> IntStream.range(0, 2).forEach(any -> abandoned.next()))
                    .isInstanceOf(MongoCursorNotFoundException.class);
            List<Object> rest = new ArrayList<>();
            read.forEachRemaining(fact -> rest.add(fact.get("_id")));
            assertThat(rest).containsExactly(3, 4, 5, 6, 7, 8, 9);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    private static Document afterSale(String orderId, String... caseIds) {
        return new Document("_id", orderId)
                .append(
                        "state",
                        new Document("orderId", orderId)
                                .append(
                                        "cases",
                                        List.of(caseIds).stream()
                                                .map(caseId -> new Document("caseId", caseId))
                                                .toList()));
    }

    /** Found as the services' queries ask: their conditions inside an {@code $and}. */
    private static String orderOfCase(MongoCollection<Document> files, String caseId) {
        Document found = files.find(Filters.and(Filters.eq("state.cases.caseId", caseId)))
                .limit(1)
                .first();
        return found == null ? null : found.getString("_id");
    }

    private static int indexSize(MongoClient client, String index) {
        Document stats = client.getDatabase("refunds").runCommand(new Document("collStats", "after_sales"));
        return ((Number) stats.get("indexSize", Document.class).get(index)).intValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
