package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * What a console builds its screens from: the caller's desk with its queue lengths, the store's
 * terms, the steps each person is offered on a case and on a complaint, each line's standing in the
 * ledger, and an order's cases.
 */
@ServiceTest
class DeskRouteServiceTest {

    private static final String STORE = "jd-desk";
    private static final String CS = TestTokens.bearer("cs.gao", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.ma", StaffRole.SUPERVISOR, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void theDeskTheTermsTheStepsAndTheLinesAreThoseTheRoutesAccept() {
        DeskSteps steps = new DeskSteps(http, kafka);
        String orderId = steps.paidOrder(
                STORE,
                List.of(
                        new OrderLine("TEA-1", "铁观音 250g", 2, new Money(1000, "CNY")),
                        new OrderLine("POT-1", "紫砂壶", 1, new Money(8800, "CNY"))),
                0,
                10800,
                "CNY",
                CS);
        JsonNode entered = steps.post(
                "/api/refunds",
                CS,
                Map.of(
                        "orderId",
                        orderId,
                        "type",
                        "REFUND_ONLY",
                        "reason",
                        "stale",
                        "lines",
                        List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 500))),
                201);
        String caseId = entered.get("refundCase").get("caseId").asString();

        JsonNode desk = TestHttp.read(http, "/api/after-sale-desk", SUPERVISOR);
        assertThat(desk.get("actions").valueStream().map(JsonNode::asString))
                .containsExactly("SEE_CASES", "DECIDE", "SEE_COMPLAINTS");
        assertThat(desk.get("stores").get(0).get("queues").propertyNames())
                .containsExactly("new", "negotiating", "dueSoon", "payoutRefused", "openComplaints", "lowReviews");
        assertThat(desk.get("stores").get(0).get("queues").get("new").asLong()).isEqualTo(1);
        assertThat(desk.get("stores").get(0).get("queues").get("negotiating").asLong())
                .isZero();

        assertThat(entered.get("currency").asString()).isEqualTo("CNY");
        assertThat(entered.get("steps").valueStream().map(JsonNode::asString))
                .as("customer service who entered it")
                .containsExactly("contacts", "revision", "withdrawal");
        JsonNode forTheSupervisor = TestHttp.read(http, "/api/refunds/" + caseId, SUPERVISOR);
        assertThat(forTheSupervisor.get("steps").valueStream().map(JsonNode::asString))
                .containsExactly("approval", "rejection");
        assertThat(forTheSupervisor.get("heldBack")).isEmpty();

        JsonNode terms = TestHttp.read(http, "/api/after-sale-desk/terms/" + STORE, CS);
        assertThat(terms.get("reasonCodes")).isEmpty();
        assertThat(terms.get("paysThroughGateway").asBoolean())
                .as("the tests' simulated gateway")
                .isTrue();

        steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of(), 200);
        JsonNode tea = TestHttp.read(http, "/api/refund-ledgers/" + orderId, CS)
                .get("lines")
                .get(0);
        assertThat(tea.get("title").asString()).isEqualTo("铁观音 250g");
        assertThat(tea.get("paid").get("amountMinor").asLong()).isEqualTo(2000);
        assertThat(tea.get("refunded").get("amountMinor").asLong()
                        + tea.get("held").get("amountMinor").asLong())
                .isEqualTo(500);
        assertThat(tea.get("left").get("amountMinor").asLong()).isEqualTo(1500);
        assertThat(tea.get("unitsLeft").asInt()).isEqualTo(1);

        JsonNode ofTheOrder = TestHttp.read(http, "/api/refunds?storeId=" + STORE + "&orderId=" + orderId, CS);
        assertThat(ofTheOrder
                        .get("cases")
                        .valueStream()
                        .map(refund -> refund.get("caseId").asString()))
                .containsExactly(caseId);
    }

    @Test
    void theComplaintsDeskOffersTheStepsItsRoutesTakeAndCountsTheOpenComplaints() {
        DeskSteps steps = new DeskSteps(http, kafka);
        String orderId = steps.paidOrder(STORE, new OrderLine("TEA-1", "铁观音 250g", 1, new Money(1000, "CNY")), CS);
        long before = openComplaints(SUPERVISOR);

        JsonNode opened = steps.post(
                "/api/complaints",
                CS,
                Map.of("orderId", orderId, "channel", "PHONE", "category", "SERVICE", "description", "rude on 旺旺"),
                201);
        String complaintId = opened.get("complaint").get("complaintId").asString();

        assertThat(names(opened.get("steps")))
                .as("customer service who took it")
                .containsExactly("contacts", "resolution", "withdrawal");
        assertThat(TestHttp.read(http, "/api/complaints/" + complaintId, SUPERVISOR)
                        .get("steps"))
                .as("the supervisor looks on")
                .isEmpty();
        assertThat(openComplaints(SUPERVISOR)).isEqualTo(before + 1);
        assertThat(openComplaints(CS)).isEqualTo(openComplaints(SUPERVISOR));

        JsonNode talked = steps.post(
                "/api/complaints/" + complaintId + "/contacts",
                CS,
                Map.of("channel", "PHONE", "offered", "sorry"),
                200);
        assertThat(talked.get("complaint").get("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(names(talked.get("steps"))).containsExactly("contacts", "resolution", "withdrawal");
        assertThat(openComplaints(SUPERVISOR)).as("in progress is still open").isEqualTo(before + 1);
        JsonNode listed = TestHttp.read(
                http, "/api/complaints?storeId=" + STORE + "&state=OPEN,IN_PROGRESS&limit=500", SUPERVISOR);
        assertThat(listed.get("nextCursor").isNull()).isTrue();
        assertThat((long) listed.get("complaints").size())
                .as("the desk counts what the open tab lists")
                .isEqualTo(openComplaints(SUPERVISOR));

        JsonNode resolved = steps.post(
                "/api/complaints/" + complaintId + "/resolution",
                CS,
                Map.of("outcome", "NO_ACTION", "note", "explained"),
                200);
        assertThat(resolved.get("steps")).as("ended: nothing more").isEmpty();
        assertThat(openComplaints(SUPERVISOR)).isEqualTo(before);
    }

    private long openComplaints(String bearer) {
        return TestHttp.read(http, "/api/after-sale-desk", bearer)
                .get("stores")
                .get(0)
                .get("queues")
                .get("openComplaints")
                .asLong();
    }

    private static List<String> names(JsonNode list) {
        return list.valueStream().map(JsonNode::asString).toList();
    }
}
