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
 * terms, the steps each person is offered on a case, each line's standing in the ledger, and an
 * order's cases.
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
}
