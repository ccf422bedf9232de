package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EqualityIndexTest {

    private final List<Document> documents = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final EqualityIndex.Source source = new EqualityIndex.Source() {
        @Override
        public Object writeLock() {
            return documents;
        }

        @Override
        public Stream<Document> documents() {
            reads.incrementAndGet();
            return documents.stream();
        }
    };

    private final EqualityIndex byCase = index("case_id", "state.cases.caseId");

    @Test
    void namesTheFilesHoldingACaseAmongTheirArrayOfCases() {
        documents.add(file("order-1", "case-a", "case-b"));
        documents.add(file("order-2", "case-c"));
        documents.add(file("order-3"));

        Document query = and(new Document("state.cases.caseId", "case-b"));
        assertThat(byCase.canHandle(query)).isTrue();
        assertThat(byCase.getPositions(query)).containsExactly("order-1");
        assertThat(byCase.getPositions(and(new Document("state.cases.caseId", "case-z"))))
                .isEmpty();
    }

    @Test
    void readsTheCollectionOnceAndOnlyWhenAFindCanUseIt() {
        documents.add(file("order-1", "case-a"));
        assertThat(byCase.canHandle(new Document("state.storeId", "store-1"))).isFalse();
        assertThat(reads).hasValue(0);

        byCase.canHandle(new Document("state.cases.caseId", "case-a"));
        byCase.canHandle(new Document("state.cases.caseId", "case-b"));
        assertThat(reads).hasValue(1);
    }

    @Test
    void followsInsertsUpdatesAndRemovalsOnceBuilt() {
        Document first = file("order-1", "case-a");
        documents.add(first);
        byCase.canHandle(new Document("state.cases.caseId", "case-a"));

        Document second = file("order-2", "case-b");
        byCase.add(second, "order-2", null);
        byCase.updateInPlace(first, file("order-1", "case-c"), "order-1", null);

        assertThat(positions(byCase, "state.cases.caseId", "case-a")).isEmpty();
        assertThat(positions(byCase, "state.cases.caseId", "case-c")).containsExactly("order-1");
        assertThat(positions(byCase, "state.cases.caseId", "case-b")).containsExactly("order-2");
        assertThat(byCase.remove(second)).isEqualTo("order-2");
        assertThat(positions(byCase, "state.cases.caseId", "case-b")).isEmpty();
    }

    @Test
    void aCompoundIndexServesAFindGivingEachOfItsFieldsAValueOrAList() {
        EqualityIndex byStoreAndState = index("store_case_state", "state.storeId", "state.cases.state");
        documents.add(new Document("_id", "order-1")
                .append(
                        "state",
                        new Document("storeId", "tmall")
                                .append(
                                        "cases",
                                        List.of(new Document("state", "OPEN"), new Document("state", "REFUNDED")))));
        documents.add(new Document("_id", "order-2")
                .append(
                        "state",
                        new Document("storeId", "jd").append("cases", List.of(new Document("state", "OPEN")))));

        Document query = and(
                new Document("state.storeId", new Document("$in", List.of("tmall", "jd"))),
                new Document("state.cases.state", "OPEN"),
                new Document("state.lastStepAt", new Document("$exists", true)));
        assertThat(byStoreAndState.canHandle(query)).isTrue();
        assertThat(byStoreAndState.getPositions(query)).containsExactly("order-1", "order-2");
        assertThat(byStoreAndState.canHandle(and(new Document("state.storeId", "tmall"))))
                .as("one of its fields without a value")
                .isFalse();
    }

    @Test
    void leavesToScansWhatItsEqualityCannotName() {
        EqualityIndex byDue = index("payout_due", "state.payoutDueAt");
        assertThat(byDue.canHandle(new Document("state.payoutDueAt", Instant.parse("2026-12-01T00:00:00Z"))))
                .as("a date")
                .isTrue();
        assertThat(byDue.canHandle(new Document("state.payoutDueAt", new Document("$lt", Instant.EPOCH))))
                .as("a range")
                .isFalse();
        assertThat(byDue.canHandle(new Document("state.payoutDueAt", null)))
                .as("null")
                .isFalse();
        assertThat(byDue.canHandle(new Document("state.payoutDueAt", 1L)))
                .as("a number, which MongoDB matches across types")
                .isFalse();
        assertThat(byDue.canHandle(new Document("$or", List.of(new Document("state.payoutDueAt", Instant.EPOCH)))))
                .as("an alternative")
                .isFalse();
    }

    @Test
    void aFieldNamingAPositionInAnArrayIsLeftToScans() {
        EqualityIndex byFirstCase = index("first_case", "state.cases.0.caseId");
        documents.add(file("order-1", "case-a"));

        assertThat(byFirstCase.canHandle(new Document("state.cases.0.caseId", "case-a")))
                .isFalse();
    }

    private EqualityIndex index(String name, String... fields) {
        return new EqualityIndex(
                name, Stream.of(fields).map(field -> new IndexKey(field, true)).toList(), false, source);
    }

    private static Iterable<Object> positions(EqualityIndex index, String field, Object value) {
        return index.getPositions(new Document(field, value));
    }

    private static Document and(Document... clauses) {
        return new Document("$and", List.of(clauses));
    }

    private static Document file(String orderId, String... caseIds) {
        return new Document("_id", orderId)
                .append(
                        "state",
                        new Document("orderId", orderId)
                                .append(
                                        "cases",
                                        Stream.of(caseIds)
                                                .map(id -> new Document("caseId", id))
                                                .toList()));
    }
}
