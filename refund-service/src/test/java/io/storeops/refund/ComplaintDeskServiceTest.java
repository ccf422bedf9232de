package io.storeops.refund;

import static io.storeops.refund.DeskSteps.orderNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.refund.ComplaintOpened;
import io.storeops.contracts.events.refund.ComplaintResolved;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Buyers' complaints over HTTP and real Kafka records: taken once however often the entry is
 * retried, talked through, resolved with the refund case it led to or withdrawn, each end announced
 * once; bad entries and steps are problems that change nothing; a store's complaints page by page,
 * news first.
 */
@ServiceTest
class ComplaintDeskServiceTest {

    private static final String STORE = "taobao-cs";
    private static final String CS = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void aComplaintIsTakenOnceTalkedThroughAndResolvedWithTheRefundCaseItLedTo() {
        String orderId = paidOrder();
        String key = "cp-key-" + UUID.randomUUID();
        Map<String, Object> entry = Map.of(
                "orderId",
                orderId,
                "channel",
                "CHAT",
                "category",
                "QUALITY",
                "description",
                "杯子裂了",
                "buyerNick",
                "茶友小王");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            JsonNode opened = open(entry, key, 201);
            JsonNode again = open(entry, key, 201);
            String complaintId = opened.get("complaint").get("complaintId").asString();
            assertThat(complaintId).isEqualTo("cp-" + key);
            assertThat(again.get("complaint").get("complaintId").asString()).isEqualTo(complaintId);
            assertThat(opened.get("order").get("externalOrderId").asString()).isEqualTo(orderNumber(orderId));

            JsonNode talked = steps.post(
                    "/api/complaints/" + complaintId + "/contacts",
                    CS,
                    Map.of("channel", "PHONE", "offered", "a return of the cup", "buyerAnswer", "agrees"),
                    200);
            assertThat(talked.get("complaint").get("state").asString()).isEqualTo("IN_PROGRESS");
            String caseId = steps.post(
                            "/api/refunds",
                            CS,
                            Map.of(
                                    "orderId",
                                    orderId,
                                    "type",
                                    "RETURN_AND_REFUND",
                                    "reason",
                                    "cracked",
                                    "goodsReceived",
                                    true,
                                    "lines",
                                    List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 12800))),
                            201)
                    .get("refundCase")
                    .get("caseId")
                    .asString();
            JsonNode resolved = steps.post(
                    "/api/complaints/" + complaintId + "/resolution",
                    CS,
                    Map.of("outcome", "REFUND_CASE", "note", "return opened", "refundCaseId", caseId),
                    200);
            JsonNode resolvedAgain = steps.post(
                    "/api/complaints/" + complaintId + "/resolution",
                    CS,
                    Map.of("outcome", "APOLOGY", "note", "sorry again"),
                    409);

            assertThat(resolved.get("complaint").get("state").asString()).isEqualTo("RESOLVED");
            assertThat(resolved.get("complaint")
                            .get("resolution")
                            .get("refundCaseId")
                            .asString())
                    .isEqualTo(caseId);
            assertThat(resolved.get("order")
                            .get("refundCases")
                            .get(0)
                            .get("caseId")
                            .asString())
                    .isEqualTo(caseId);
            assertThat(resolvedAgain.get("type").asString()).isEqualTo("urn:storeops:problem:complaint-state");
            assertThat(resolvedAgain.get("currentState").asString()).isEqualTo("RESOLVED");
            assertThat(TestHttp.read(http, "/api/complaints/" + complaintId, CS)
                            .get("complaint")
                            .get("timeline")
                            .valueStream()
                            .map(step -> step.get("what").asString()))
                    .containsExactly("OPENED", "CONTACT", "RESOLVE");

            List<ConsumerRecord<String, byte[]>> announced =
                    TestEvents.awaitTypes(events, orderId, Duration.ofSeconds(30), "ComplaintResolved");
            assertThat(TestEvents.types(announced))
                    .filteredOn(type -> type.startsWith("Complaint"))
                    .as("taken once, resolved once")
                    .containsExactly("ComplaintOpened", "ComplaintResolved");
            assertThat(announced.stream()
                            .filter(record ->
                                    "ComplaintOpened".equals(TestEvents.header(record, CloudEventHeaders.TYPE)))
                            .map(record -> EventJson.read(record.value(), ComplaintOpened.class))
                            .findFirst()
                            .orElseThrow())
                    .satisfies(event -> {
                        assertThat(event.complaintId()).isEqualTo(complaintId);
                        assertThat(event.channel()).isEqualTo("CHAT");
                        assertThat(event.openedBy()).isEqualTo("cs.mei");
                    });
            assertThat(announced.stream()
                            .filter(record ->
                                    "ComplaintResolved".equals(TestEvents.header(record, CloudEventHeaders.TYPE)))
                            .map(record -> EventJson.read(record.value(), ComplaintResolved.class))
                            .findFirst()
                            .orElseThrow())
                    .satisfies(event -> {
                        assertThat(event.outcome()).isEqualTo("REFUND_CASE");
                        assertThat(event.refundCaseId()).isEqualTo(caseId);
                        assertThat(event.category()).isEqualTo("QUALITY");
                    });
        }
    }

    @Test
    void aWithdrawnComplaintEndsAndIsAnnouncedAsWithdrawn() {
        String orderId = paidOrder();
        String complaintId = complaintOn(orderId, "late");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            JsonNode withdrawn = steps.post(
                    "/api/complaints/" + complaintId + "/withdrawal", CS, Map.of("note", "parcel arrived"), 200);
            steps.post("/api/complaints/" + complaintId + "/withdrawal", CS, Map.of(), 409);

            assertThat(withdrawn.get("complaint").get("state").asString()).isEqualTo("WITHDRAWN");
            List<ConsumerRecord<String, byte[]>> ended =
                    TestEvents.await(events, orderId, "ComplaintResolved", 2, Duration.ofSeconds(3));
            assertThat(ended).hasSize(1);
            assertThat(EventJson.read(ended.get(0).value(), ComplaintResolved.class)
                            .outcome())
                    .isEqualTo("WITHDRAWN");
        }
    }

    /** A request the desk refuses: who asks, the route, the body, the answer. */
    private record Bad(String why, String bearer, String path, String key, String body, int status, String type) {}

    @Test
    void whatTheDeskCannotTakeIsAProblemAndChangesNothing() {
        String orderId = paidOrder();
        String otherOrder = paidOrder();
        String complaintId = complaintOn(orderId, "late");
        String usedKey = complaintId.substring("cp-".length());
        String caseOfOtherOrder = steps.post(
                        "/api/refunds",
                        CS,
                        Map.of(
                                "orderId",
                                otherOrder,
                                "type",
                                "REFUND_ONLY",
                                "reason",
                                "late",
                                "lines",
                                List.of(Map.of("lineIndex", 0, "amountMinor", 100))),
                        201)
                .get("refundCase")
                .get("caseId")
                .asString();
        String farOrder = steps.paidOrder(
                "tmall-flagship",
                new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY")),
                TestTokens.bearer("cs.far", StaffRole.CS_AFTERSALE, "tmall-flagship"));
        String entry = "{\"orderId\":\"%s\",\"channel\":\"PHONE\",\"category\":\"SERVICE\",\"description\":\"rude\"}";
        String resolution = "/api/complaints/" + complaintId + "/resolution";
        List<Bad> table = List.of(
                new Bad(
                        "no order",
                        CS,
                        "/api/complaints",
                        null,
                        "{\"channel\":\"PHONE\",\"category\":\"SERVICE\",\"description\":\"rude\"}",
                        422,
                        "invalid-payload"),
                new Bad(
                        "an order never paid",
                        CS,
                        "/api/complaints",
                        null,
                        entry.formatted(STORE + ":NO-SUCH"),
                        404,
                        "not-found"),
                new Bad(
                        "another store's order",
                        CS,
                        "/api/complaints",
                        null,
                        entry.formatted(farOrder),
                        404,
                        "not-found"),
                new Bad(
                        "no description",
                        CS,
                        "/api/complaints",
                        null,
                        "{\"orderId\":\"%s\",\"channel\":\"PHONE\",\"category\":\"SERVICE\"}".formatted(otherOrder),
                        422,
                        "invalid-payload"),
                new Bad(
                        "by fax",
                        CS,
                        "/api/complaints",
                        null,
                        entry.formatted(otherOrder).replace("PHONE", "FAX"),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a key too short",
                        CS,
                        "/api/complaints",
                        "short",
                        entry.formatted(otherOrder),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a key used for another order",
                        CS,
                        "/api/complaints",
                        usedKey,
                        entry.formatted(otherOrder),
                        409,
                        "complaint-id"),
                new Bad(
                        "entered by a supervisor",
                        SUPERVISOR,
                        "/api/complaints",
                        null,
                        entry.formatted(otherOrder),
                        403,
                        "role-required"),
                new Bad("not JSON", CS, "/api/complaints", null, "{\"orderId\":", 400, "malformed-json"),
                new Bad(
                        "a refund case without its id",
                        CS,
                        resolution,
                        null,
                        "{\"outcome\":\"REFUND_CASE\",\"note\":\"done\"}",
                        422,
                        "invalid-payload"),
                new Bad(
                        "another order's refund case",
                        CS,
                        resolution,
                        null,
                        "{\"outcome\":\"REFUND_CASE\",\"note\":\"done\",\"refundCaseId\":\"%s\"}"
                                .formatted(caseOfOtherOrder),
                        422,
                        "invalid-payload"),
                new Bad("no note", CS, resolution, null, "{\"outcome\":\"APOLOGY\"}", 422, "invalid-payload"),
                new Bad(
                        "an unknown outcome",
                        CS,
                        resolution,
                        null,
                        "{\"outcome\":\"MAYBE\",\"note\":\"x\"}",
                        422,
                        "invalid-payload"),
                new Bad(
                        "resolved by a manager",
                        TestTokens.bearer("boss", StaffRole.MANAGER, STORE),
                        resolution,
                        null,
                        "{\"outcome\":\"APOLOGY\",\"note\":\"x\"}",
                        403,
                        "role-required"),
                new Bad(
                        "resolved by another store's staff",
                        TestTokens.bearer("cs.far", StaffRole.CS_AFTERSALE, "tmall-flagship"),
                        resolution,
                        null,
                        "{\"outcome\":\"APOLOGY\",\"note\":\"x\"}",
                        404,
                        "not-found"),
                new Bad(
                        "a contact saying nothing",
                        CS,
                        "/api/complaints/" + complaintId + "/contacts",
                        null,
                        "{\"channel\":\"PHONE\"}",
                        422,
                        "invalid-payload"));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            for (Bad bad : table) {
                steps.refused(bad.why(), bad.bearer(), bad.path(), bad.key(), bad.body(), bad.status(), bad.type());
            }

            assertThat(TestEvents.await(events, otherOrder, "ComplaintOpened", 1, Duration.ofSeconds(2)))
                    .isEmpty();
            assertThat(TestEvents.await(events, orderId, "ComplaintResolved", 1, Duration.ofSeconds(1)))
                    .isEmpty();
        }
        assertThat(complaintIds(TestHttp.read(http, "/api/complaints?storeId=" + STORE + "&orderId=" + otherOrder, CS)))
                .isEmpty();
        JsonNode unchanged =
                TestHttp.read(http, "/api/complaints/" + complaintId, CS).get("complaint");
        assertThat(unchanged.get("state").asString()).isEqualTo("OPEN");
        assertThat(unchanged.get("timeline")).hasSize(1);
        assertThat(unchanged.get("contacts")).isEmpty();
    }

    @Test
    void aStoresComplaintsAreListedNewsFirstPageAfterPage() {
        String orderId = paidOrder();
        String first = complaintOn(orderId, "first");
        String second = complaintOn(orderId, "second");
        String third = complaintOn(orderId, "third");
        String list = "/api/complaints?storeId=" + STORE + "&orderId=" + orderId + "&limit=2";

        JsonNode firstPage = TestHttp.read(http, list, CS);
        JsonNode secondPage = TestHttp.read(
                http, list + "&cursor=" + firstPage.get("nextCursor").asString(), CS);
        assertThat(complaintIds(firstPage)).containsExactly(third, second);
        assertThat(complaintIds(secondPage)).containsExactly(first);
        assertThat(secondPage.get("nextCursor").isNull()).as("the last page").isTrue();

        steps.post(
                "/api/complaints/" + first + "/contacts",
                CS,
                Map.of("channel", "CHAT", "offered", "looking into it"),
                200);
        assertThat(complaintIds(TestHttp.read(http, list, CS))).as("news first").containsExactly(first, third);
        assertThat(complaintIds(TestHttp.read(
                        http, "/api/complaints?storeId=" + STORE + "&orderId=" + orderId + "&state=IN_PROGRESS", CS)))
                .containsExactly(first);
        assertThat(TestHttp.read(http, list, SUPERVISOR)
                        .get("complaints")
                        .get(0)
                        .get("buyerNick")
                        .asString())
                .as("supervisors read the desk's lists too")
                .isEqualTo("茶友");
        assertThat(steps.problemDetail("/api/complaints?storeId=" + STORE + "&state=LOST", CS, 400))
                .contains("state must be one of");
        assertThat(steps.problemDetail("/api/complaints?storeId=" + STORE + "&cursor=not-ours", CS, 400))
                .contains("cursor");
        assertThat(steps.problemDetail("/api/complaints", CS, 400)).contains("storeId");
        assertThat(steps.problemDetail("/api/complaints?storeId=tmall-flagship", CS, 403))
                .contains("tmall-flagship");
    }

    private String paidOrder() {
        return steps.paidOrder(STORE, new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(12800, "CNY")), CS);
    }

    private String complaintOn(String orderId, String description) {
        return open(
                        Map.of(
                                "orderId",
                                orderId,
                                "channel",
                                "MARKETPLACE",
                                "category",
                                "LOGISTICS",
                                "description",
                                description,
                                "buyerNick",
                                "茶友"),
                        null,
                        201)
                .get("complaint")
                .get("complaintId")
                .asString();
    }

    private JsonNode open(Map<String, Object> entry, String key, int status) {
        return steps.post("/api/complaints", CS, key, entry, status);
    }

    private static List<String> complaintIds(JsonNode page) {
        return DeskSteps.listed(page, "complaints", "complaintId");
    }
}
