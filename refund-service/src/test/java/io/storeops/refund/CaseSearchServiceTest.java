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

/** The desk's lists: a store's cases by state and type, those with news first, page after page. */
@ServiceTest
class CaseSearchServiceTest {

    private static final String STORE = "jd-outlet";
    private static final String CS = TestTokens.bearer("cs.lu", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.he", StaffRole.SUPERVISOR, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void newAndNegotiatingCasesAreListedNewsFirstPageAfterPage() {
        DeskSteps steps = new DeskSteps(http, kafka);
        String first = caseOn(steps, "first");
        String rejected = caseOn(steps, "second");
        String third = caseOn(steps, "third");
        steps.post("/api/refunds/" + rejected + "/rejection", SUPERVISOR, Map.of("note", "photo first"), 200);

        JsonNode firstPage = TestHttp.read(http, "/api/refunds?storeId=" + STORE + "&state=REQUESTED&limit=1", CS);
        JsonNode secondPage = TestHttp.read(
                http,
                "/api/refunds?storeId=" + STORE + "&state=REQUESTED&limit=1&cursor="
                        + firstPage.get("nextCursor").asString(),
                CS);
        JsonNode negotiating = TestHttp.read(http, "/api/refunds?storeId=" + STORE + "&state=REJECTED,NEGOTIATING", CS);

        assertThat(caseIds(firstPage)).containsExactly(third);
        assertThat(caseIds(secondPage)).containsExactly(first);
        assertThat(secondPage.get("nextCursor").isNull()).as("the last page").isTrue();
        assertThat(caseIds(negotiating)).containsExactly(rejected);
        assertThat(negotiating.get("cases").get(0).get("decidedBy").asString()).isEqualTo("sup.he");
        assertThat(caseIds(TestHttp.read(http, "/api/refunds?storeId=" + STORE + "&type=RETURN_AND_REFUND", CS)))
                .isEmpty();
    }

    @Test
    void aSearchItCannotAnswerIsAProblem() {
        assertThat(problem("/api/refunds?storeId=" + STORE + "&state=LOST", CS, 400))
                .contains("state must be one of");
        assertThat(problem("/api/refunds?storeId=" + STORE + "&type=GIFT", CS, 400))
                .contains("type must be one of");
        assertThat(problem("/api/refunds?storeId=" + STORE + "&cursor=not-ours", CS, 400))
                .contains("cursor");
        assertThat(problem("/api/refunds", CS, 400)).contains("storeId");
        assertThat(problem(
                        "/api/refunds?storeId=" + STORE,
                        TestTokens.bearer("cs.other", StaffRole.CS_AFTERSALE, "shopify-us"),
                        403))
                .contains(STORE);
    }

    private String caseOn(DeskSteps steps, String why) {
        String orderId = steps.paidOrder(
                STORE, List.of(new OrderLine("RICE-5", "五常大米 5kg", 1, new Money(8800, "CNY"))), 0, 8800, "CNY", CS);
        return steps.post(
                        "/api/refunds",
                        CS,
                        Map.of(
                                "orderId",
                                orderId,
                                "type",
                                "REFUND_ONLY",
                                "reason",
                                why,
                                "lines",
                                List.of(Map.of("lineIndex", 0, "amountMinor", 1000))),
                        201)
                .get("refundCase")
                .get("caseId")
                .asString();
    }

    private static List<String> caseIds(JsonNode page) {
        return DeskSteps.listed(page, "cases", "caseId");
    }

    private String problem(String uri, String bearer, int status) {
        return new DeskSteps(http, kafka).problemDetail(uri, bearer, status);
    }
}
