package io.storeops.console.aftersale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.ServiceStubs.read;
import static io.storeops.console.SignedIn.form;
import static io.storeops.console.aftersale.AfterSaleDeskStubs.idempotencyKey;
import static io.storeops.console.aftersale.AfterSaleDeskStubs.stubViewFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.console.ConsoleTest;
import io.storeops.console.ServiceStubs;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The after-sale desk's pages against refund-service's answers (and order-service's, for the
 * order's lines): the queues, a case for customer service and for a supervisor (four-eyes shown
 * before the click and explained when the service refuses), each step's request, the new-case form
 * and its key, the refund sheet — what they show, what they send, how refusals read.
 */
@ConsoleTest
class AfterSalePagesTest {

    private static final String CASE = "/api/refunds/rf-cup-0001";
    private static final String ORDER = "/api/orders/tmall-flagship%3AT2001";
    private static final String LEDGER = "/api/refund-ledgers/tmall-flagship%3AT2001";
    private static final String TERMS = "/api/after-sale-desk/terms/tmall-flagship";
    private static final String REQUESTED = "aftersale/case-requested.json";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn cs;
    private SignedIn supervisor;

    @BeforeEach
    void signIn() {
        services.resetAll();
        AfterSaleDeskStubs.stubEveryonesDesks();
        stubViewFor(CASE, "secret-bearer-token", CaseViews.offering(REQUESTED, "contacts", "revision", "withdrawal"));
        stubViewFor(CASE, "supervisor-token", CaseViews.offering(REQUESTED, "approval", "rejection"));
        services.stubFor(get(urlEqualTo(TERMS)).willReturn(json(200, "aftersale/terms.json")));
        services.stubFor(get(urlEqualTo(ORDER)).willReturn(json(200, "aftersale/shipped-order.json")));
        services.stubFor(get(urlEqualTo(LEDGER)).willReturn(json(200, "aftersale/ledger.json")));
        cs = SignedIn.as(http, "dev-cs-aftersale");
        supervisor = SignedIn.as(http, "dev-supervisor");
    }

    @Test
    void theDeskIsInTheMenuOfThoseWhoSeeCasesAndForbiddenToOthers() {
        assertThat(cs.page("/")).contains("id=\"nav-after-sale\"", "After-sale desk");
        assertThat(supervisor.page("/")).contains("id=\"nav-after-sale\"");
        services.verify(getRequestedFor(urlEqualTo("/api/after-sale-desk"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token")));

        SignedIn warehouse = SignedIn.as(http, "dev-warehouse");
        assertThat(warehouse.page("/")).doesNotContain("nav-after-sale");
        warehouse.get("/after-sale").expectStatus().isForbidden();
        warehouse.get("/after-sale/cases/rf-cup-0001").expectStatus().isForbidden();
        cs.get("/after-sale/cases/new").expectStatus().isOk();
        supervisor.get("/after-sale/cases/new").expectStatus().isForbidden(); // supervisors decide, not enter
    }

    @Test
    void theMenuAndTheHomePageShowTheQueueLengthsOfTheAfterSaleDesk() {
        String home = cs.page("/?store=tmall-flagship");

        assertThat(home)
                .contains(
                        "data-queue=\"new\">4<",
                        "data-queue=\"negotiating\">2<",
                        "data-queue=\"dueSoon\">1<",
                        "data-queue=\"openComplaints\">3<",
                        "data-queue=\"lowReviews\">7<")
                .contains(
                        "Orders with a new after-sale request",
                        "Complaints open or in progress",
                        "Low reviews waiting for a reply")
                .contains("href=\"/after-sale?store=tmall-flagship&amp;tab=negotiating\"")
                .containsPattern(
                        "id=\"nav-after-sale\"[^>]*>\\s*<span>After-sale</span>\\s*<span class=\"badge\">4</span>")
                .containsPattern(
                        "id=\"nav-reviews\"[^>]*>\\s*<span>Low reviews</span>\\s*<span class=\"badge\">7</span>")
                .containsPattern(
                        "id=\"nav-complaints\"[^>]*>\\s*<span>Complaints</span>\\s*<span class=\"badge\">3</span>");
        assertThat(cs.page("/?store=shopify-us"))
                .containsPattern(
                        "id=\"nav-after-sale\"[^>]*>\\s*<span>After-sale</span>\\s*<span class=\"badge\">0</span>");
        assertThat(cs.inChinese().page("/?store=tmall-flagship")).contains("有新售后申请的订单", "待回复的差评", "处理中的投诉");
    }

    @Test
    void theMenuFollowsTheActionsTheDeskRouteGivesNotTheRoles() {
        ServiceStubs.afterSaleDesk(
                "supervisor-token",
                "{\"username\": \"dev-supervisor\", \"roles\": [\"SUPERVISOR\"], \"actions\": [\"SEE_COMPLAINTS\"],"
                        + " \"stores\": []}");

        assertThat(supervisor.page("/"))
                .doesNotContain("id=\"nav-after-sale\"", "data-queue=\"new\"")
                .contains("id=\"nav-reviews\"");
        supervisor.get("/after-sale?store=tmall-flagship").expectStatus().isForbidden();
        supervisor.get("/after-sale/cases/rf-cup-0001").expectStatus().isForbidden();
    }

    @Test
    void withoutRefundServiceTheOrderDeskStillWorksAndTheAfterSalePagesAreUnavailable() {
        services.stubFor(get(urlPathEqualTo("/api/after-sale-desk"))
                .willReturn(aResponse().withStatus(503)));

        assertThat(cs.page("/"))
                .contains("data-queue=\"review\">3<")
                .doesNotContain("id=\"nav-after-sale\"", "id=\"nav-reviews\"", "data-queue=\"new\"");
        assertThat(cs.page("/orders/tmall-flagship:T2001")).doesNotContain("id=\"open-case\"", "id=\"order-cases\"");
        for (String page : List.of(
                "/after-sale", "/after-sale/cases/rf-cup-0001", "/after-sale/reviews", "/after-sale/complaints")) {
            cs.get(page)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody(String.class)
                    .value(shown -> assertThat(shown).contains("not reachable"));
        }

        services.stubFor(get(urlPathEqualTo("/api/after-sale-desk"))
                .willReturn(aResponse().withFixedDelay(5000)));
        assertThat(cs.page("/")).doesNotContain("id=\"nav-after-sale\"").contains("data-queue=\"review\">3<");
    }

    @Test
    void theNewRequestsQueueListsAStoresCasesAndPagesOnWithTheCursor() {
        services.stubFor(get(urlPathEqualTo("/api/refunds")).willReturn(json(200, "aftersale/cases-new.json")));

        String english = supervisor.page("/after-sale?store=tmall-flagship");
        assertThat(english)
                .contains("rf-cup-0001", "tmall-flagship:RF-77", "Return and refund", "Refund only", "Arrived damaged")
                .contains("买家说茶叶受潮", "CN¥44.00", "CN¥128.00", "Seller answers")
                .contains("href=\"/after-sale/cases/rf-cup-0001\"", "href=\"/after-sale/cases/tmall-flagship:RF-77\"")
                .contains("hx-get=\"/after-sale?store=tmall-flagship&amp;tab=new&amp;cursor=next-page-cursor\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/refunds"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("state", equalTo("REQUESTED"))
                .withQueryParam("limit", equalTo("50")));

        String chinese = supervisor.inChinese().page("/after-sale?store=tmall-flagship");
        assertThat(chinese).contains("新申请", "退货退款", "破损", "¥44.00", "商家处理时限", "2026-11-29 09:00:00");

        String next = supervisor.fragment("/after-sale?store=tmall-flagship&tab=new&cursor=next-page-cursor");
        assertThat(next).contains("rf-cup-0001").doesNotContain("<html", "id=\"tab-new\"");
        services.verify(
                getRequestedFor(urlPathEqualTo("/api/refunds")).withQueryParam("cursor", equalTo("next-page-cursor")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "negotiating    | No case is in negotiation. | REJECTED,NEGOTIATING",
                "payout-refused | No payout was refused.     | PAYOUT_REFUSED"
            })
    void aQueueTabAsksForItsStates(String tab, String empty, String states) {
        services.stubFor(
                get(urlPathEqualTo("/api/refunds")).willReturn(json(200, "{\"cases\": [], \"nextCursor\": null}")));

        assertThat(cs.page("/after-sale?store=tmall-flagship&tab=" + tab))
                .contains(empty, "id=\"tab-new-case\"")
                .containsPattern("id=\"tab-" + tab + "\"[^>]*aria-current=\"page\"");
        List<LoggedRequest> asked = services.findAll(getRequestedFor(urlPathEqualTo("/api/refunds")));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).queryParameter("state").values()).containsExactly(states.split(","));
    }

    @Test
    void dueSoonShowsTheTimeLeftAndTheKindOfTimer() {
        Instant now = Instant.now();
        String due = read("aftersale/due-soon.json")
                .replace(
                        "2026-11-30T03:30:00Z",
                        now.plus(Duration.ofMinutes(210)).toString())
                .replace(
                        "2026-12-01T06:00:00Z",
                        now.plus(Duration.ofMinutes(53 * 60 + 30)).toString());
        services.stubFor(get(urlPathEqualTo("/api/refund-queues/due-soon")).willReturn(json(200, due)));

        String page = supervisor.page("/after-sale?store=tmall-flagship&tab=due-soon&within=P3D");

        assertThat(page)
                .contains("3 h 30 min left", "2 d 5 h left", "Seller answers", "Buyer ships the return")
                .contains("time-left urgent", "<option value=\"P3D\" selected=\"selected\">3 days</option>")
                .doesNotContain("id=\"more\"");
        assertThat(supervisor.inChinese().page("/after-sale?store=tmall-flagship&tab=due-soon"))
                .contains("剩余 3 小时 30 分钟", "买家退货时限");
        services.verify(getRequestedFor(urlPathEqualTo("/api/refund-queues/due-soon"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("within", equalTo("P3D")));
        services.verify(getRequestedFor(urlPathEqualTo("/api/refund-queues/due-soon"))
                .withQueryParam("within", equalTo("PT24H")));
    }

    @Test
    void aCaseShowsTheOrdersLinesEvidenceAndTimelineAndCustomerServiceItsSteps() {
        String page = cs.page("/after-sale/cases/rf-cup-0001");

        assertThat(page)
                .contains("After-sale case rf-cup-0001", "Requested", "玻璃杯", "CUP-GL-01", "CN¥39.00", "CN¥5.00")
                .contains("CN¥44.00", "CN¥305.00", "T2001", "Arrived damaged", "Entered by customer service")
                .contains("cracked on arrival", "Photo")
                .contains("href=\"https://img.example/crack.jpg\"", "href=\"https://img.example/order-chat.html\"")
                .doesNotContain("href=\"javascript:")
                .contains("javascript:alert(1)") // shown as the text it is
                .contains("by Dec 1, 2026", "Seller answers")
                .contains("id=\"contact-form\"", "id=\"revise\"", "id=\"withdraw\"")
                .doesNotContain("id=\"approve\"", "id=\"reject\"", "id=\"four-eyes\"");
        services.verify(
                getRequestedFor(urlEqualTo(CASE)).withHeader("Authorization", equalTo("Bearer secret-bearer-token")));

        assertThat(cs.inChinese().page("/after-sale/cases/rf-cup-0001"))
                .contains("售后单 rf-cup-0001", "待审核", "破损", "¥39.00", "买家凭证", "图片", "申请售后");
    }

    @Test
    void withoutTheOrderTheCaseStillShowsItsLinesByNumber() {
        services.stubFor(get(urlEqualTo(ORDER)).willReturn(aResponse().withStatus(503)));

        assertThat(cs.page("/after-sale/cases/rf-cup-0001"))
                .contains("Line 2", "CN¥39.00", "The order&#39;s items could not be fetched")
                .doesNotContain("玻璃杯");
    }

    @Test
    void aSupervisorWhoEnteredTheCaseSeesTheDecisionHeldBackBeforeTheClick() {
        String entered =
                read(REQUESTED).replace("\"openedBy\": \"dev-cs-aftersale\"", "\"openedBy\": \"dev-supervisor\"");
        stubViewFor(
                CASE,
                "supervisor-token",
                CaseViews.offering(entered, List.of("approval", "rejection"), List.of("approval", "rejection")));

        String page = supervisor.page("/after-sale/cases/rf-cup-0001");

        assertThat(page)
                .contains("id=\"four-eyes\"", "another supervisor decides it")
                .containsPattern("<button type=\"submit\" id=\"approve\"[^>]* disabled=\"disabled\">")
                .containsPattern("<button type=\"submit\" id=\"approve\" aria-describedby=\"four-eyes\"")
                .containsPattern("<button type=\"submit\" id=\"reject\"[^>]* disabled=\"disabled\">")
                .doesNotContain("id=\"contact-form\"");
        assertThat(supervisor.inChinese().page("/after-sale/cases/rf-cup-0001")).contains("须由另一位主管审核");

        stubViewFor(CASE, "supervisor-token", CaseViews.offering(entered, "approval", "rejection"));
        assertThat(supervisor.page("/after-sale/cases/rf-cup-0001"))
                .as("who worked on the case is the service's judgement: here it holds nothing back")
                .doesNotContain("id=\"four-eyes\"")
                .containsPattern("<button type=\"submit\" id=\"approve\">");

        stubViewFor(CASE, "supervisor-token", CaseViews.offering(entered, "approval"));
        assertThat(supervisor.page("/after-sale/cases/rf-cup-0001"))
                .as("exactly the steps offered")
                .contains("id=\"approve\"")
                .doesNotContain("id=\"reject\"", "id=\"close-case\"");
    }

    @Test
    void anApprovalSendsTheNoteAndShowsTheCaseAsItNowStands() {
        services.stubFor(
                post(urlEqualTo(CASE + "/approval"))
                        .willReturn(
                                json(
                                        200,
                                        read("aftersale/case-requested.json")
                                                .replace("\"state\": \"REQUESTED\"", "\"state\": \"AWAITING_RETURN\"")
                                                .replace(
                                                        "\"decision\": null",
                                                        "\"decision\": {\"approved\": true, \"by\": \"dev-supervisor\","
                                                                + " \"at\": \"2026-11-29T04:00:00Z\", \"automatic\": false, \"note\": \"photo shows the crack\"}"))));

        String answered = supervisor
                .post("/after-sale/cases/rf-cup-0001/approval", form("note", "photo shows the crack"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answered)
                .startsWith("<section id=\"case\"")
                .contains("Approved.", "Awaiting the return", "photo shows the crack", "by dev-supervisor")
                .doesNotContain("id=\"approve\"", "id=\"decision-automatic\"");
        services.verify(postRequestedFor(urlEqualTo(CASE + "/approval"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withRequestBody(equalToJson("{\"note\": \"photo shows the crack\"}")));
    }

    @Test
    void aFourEyesRefusalAndARaceLostToAnotherSupervisorAreExplainedWithTheCaseAsItStands() {
        services.stubFor(
                post(urlEqualTo(CASE + "/approval"))
                        .willReturn(
                                json(
                                        403,
                                        "{\"type\": \"urn:storeops:problem:four-eyes\", \"status\": 403,"
                                                + " \"detail\": \"dev-supervisor opened rf-cup-0001: another supervisor decides it.\"}")));
        String refused = supervisor
                .post("/after-sale/cases/rf-cup-0001/approval", form("note", "fine"))
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains(
                        "id=\"problem\"",
                        "You entered, negotiated or revised this case: another supervisor decides it.")
                .contains("After-sale case rf-cup-0001", "value=\"fine\"");

        services.stubFor(
                post(urlEqualTo(CASE + "/rejection"))
                        .willReturn(
                                json(
                                        409,
                                        "{\"type\": \"urn:storeops:problem:case-state\", \"status\": 409, \"currentState\": \"AWAITING_RETURN\","
                                                + " \"detail\": \"A RETURN_AND_REFUND case that is AWAITING_RETURN cannot take REJECT.\"}")));
        String lost = supervisor
                .inChinese()
                .post("/after-sale/cases/rf-cup-0001/rejection", form("note", "no photo"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(lost)
                .contains("当前无法操作（售后单状态为「待买家退货」）：A RETURN_AND_REFUND case that is AWAITING_RETURN cannot take REJECT.");
    }

    @Test
    void anAutomaticDecisionIsMarkedAndThePayoutShown() {
        services.stubFor(get(urlEqualTo("/api/refunds/rf-tea-0003"))
                .willReturn(json(200, "aftersale/case-completed-automatic.json")));

        assertThat(supervisor.page("/after-sale/cases/rf-tea-0003"))
                .contains("id=\"decision-automatic\"", "Automatic", "by timer", "the seller did not answer in time")
                .contains("SIM-123", "gateway timed out", "Payout failed", "Paid back", "Completed")
                .doesNotContain("id=\"actions-title\"");
    }

    @Test
    void customerServiceRecordsAContactAndReviseTheRequestInTheStoresMoney() {
        services.stubFor(get(urlEqualTo("/api/refunds/rf-tea-0002"))
                .willReturn(json(200, CaseViews.offering("aftersale/case-rejected.json", "contacts", "withdrawal"))));
        String negotiating = CaseViews.offering(
                read("aftersale/case-rejected.json")
                        .replace("\"state\": \"REJECTED\"", "\"state\": \"NEGOTIATING\"")
                        .replace(
                                "\"contacts\": []",
                                "\"contacts\": [{\"channel\": \"CHAT\", \"offered\": \"a photo of the tea\","
                                        + " \"buyerAnswer\": \"will send it\", \"by\": \"dev-cs-aftersale\","
                                        + " \"at\": \"2026-11-29T05:00:00Z\"}]"),
                "contacts",
                "revision",
                "withdrawal");
        services.stubFor(post(urlEqualTo("/api/refunds/rf-tea-0002/contacts")).willReturn(json(200, negotiating)));

        assertThat(cs.page("/after-sale/cases/rf-tea-0002"))
                .contains("send a photo", "The buyer, on the storefront", "id=\"contact-form\"")
                .doesNotContain("id=\"revise\""); // not offered: a rejected case is negotiated first
        String recorded = cs.post(
                        "/after-sale/cases/rf-tea-0002/contacts",
                        form("channel", "CHAT", "offered", "a photo of the tea", "buyerAnswer", "will send it"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(recorded)
                .contains(
                        "The contact is recorded.",
                        "Negotiating",
                        "Offered: a photo of the tea.",
                        "The buyer: will send it.")
                .contains("id=\"revise\"");
        services.verify(postRequestedFor(urlEqualTo("/api/refunds/rf-tea-0002/contacts"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withRequestBody(equalToJson("{\"channel\": \"CHAT\", \"offered\": \"a photo of the tea\","
                        + " \"buyerAnswer\": \"will send it\"}")));

        services.stubFor(get(urlEqualTo("/api/refunds/rf-tea-0002")).willReturn(json(200, negotiating)));
        services.stubFor(post(urlEqualTo("/api/refunds/rf-tea-0002/revision")).willReturn(json(200, negotiating)));
        String notMoney = cs.post(
                        "/after-sale/cases/rf-tea-0002/revision",
                        form(
                                "reason",
                                "QUALITY",
                                "line",
                                "0",
                                "quantity",
                                "",
                                "amount",
                                "12.345",
                                "line",
                                "1",
                                "quantity",
                                "",
                                "amount",
                                "",
                                "shipping",
                                ""))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(notMoney).contains("such as 39.00", "value=\"12.345\"");
        services.verify(0, postRequestedFor(urlEqualTo("/api/refunds/rf-tea-0002/revision")));

        cs.post(
                        "/after-sale/cases/rf-tea-0002/revision",
                        form(
                                "reason",
                                "QUALITY",
                                "line",
                                "0",
                                "quantity",
                                "",
                                "amount",
                                "15",
                                "line",
                                "1",
                                "quantity",
                                "",
                                "amount",
                                "",
                                "shipping",
                                "5.00"))
                .expectStatus()
                .isOk();
        services.verify(postRequestedFor(urlEqualTo("/api/refunds/rf-tea-0002/revision"))
                .withRequestBody(equalToJson("{\"reason\": \"QUALITY\", \"lines\": [{\"lineIndex\": 0, \"quantity\": 0,"
                        + " \"amountMinor\": 1500}], \"shippingMinor\": 500}")));
    }

    @Test
    void aSupervisorSettlesAReturnAsItStandsLineByLineWithWhy() {
        String awaiting = awaitingReturn();
        stubViewFor(CASE, "supervisor-token", CaseViews.offering(awaiting, "closure", "settlement"));

        String page = supervisor.page("/after-sale/cases/rf-cup-0001");
        assertThat(page)
                .contains("id=\"settlement-form\"", "Settle the return as it stands", "Units accepted", "Money back")
                .containsPattern("id=\"settlement-lines\">[\\s\\S]*?玻璃杯[\\s\\S]*?1 · CN¥39.00")
                .containsPattern("id=\"settle-quantity-1\"[^>]*value=\"1\"")
                .containsPattern("id=\"settle-amount-1\"[^>]*value=\"39.00\"")
                .containsPattern("<input id=\"settle-shipping\"[^>]*value=\"5.00\"")
                .containsPattern("<input id=\"settlement-note\" name=\"note\" required")
                .doesNotContain("settle-quantity-0", "id=\"four-eyes\"", "id=\"approve\"")
                .containsPattern("<button type=\"submit\" id=\"settle\">")
                .contains("id=\"close-case\"");
        assertThat(supervisor.inChinese().page("/after-sale/cases/rf-cup-0001")).contains("按现状结算退货", "收下件数", "结算并退款");

        String settled = CaseViews.offering(
                awaiting.replace("\"state\": \"AWAITING_RETURN\"", "\"state\": \"REFUNDING\"")
                        .replace(
                                "\"lines\": [{\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 3900}], \"shippingMinor\": 500",
                                "\"lines\": [{\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 2000}], \"shippingMinor\": 0"));
        services.stubFor(post(urlEqualTo(CASE + "/settlement")).willReturn(json(200, settled)));
        String answered = supervisor
                .post(
                        "/after-sale/cases/rf-cup-0001/settlement",
                        form(
                                "line",
                                "1",
                                "quantity",
                                "1",
                                "amount",
                                "20.00",
                                "shipping",
                                "0",
                                "note",
                                "the cup came back chipped: half back"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answered)
                .startsWith("<section id=\"case\"")
                .contains("Settled: what was entered goes on to the payout.", "Being paid back", "CN¥20.00")
                .doesNotContain("id=\"settlement-form\"");
        services.verify(postRequestedFor(urlEqualTo(CASE + "/settlement"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withRequestBody(equalToJson("{\"lines\": [{\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 2000}],"
                        + " \"shippingMinor\": 0, \"note\": \"the cup came back chipped: half back\"}")));
    }

    @Test
    void aSettlementThatIsNotMoneyOrThatTheServiceRefusesComesBackWithWhatWasTyped() {
        stubViewFor(CASE, "supervisor-token", CaseViews.offering(awaitingReturn(), "closure", "settlement"));

        String notMoney = supervisor
                .post(
                        "/after-sale/cases/rf-cup-0001/settlement",
                        form("line", "1", "quantity", "1", "amount", "half", "shipping", "", "note", "chipped"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(notMoney)
                .contains("such as 39.00")
                .containsPattern("id=\"settle-amount-1\"[^>]*value=\"half\"")
                .containsPattern("<input id=\"settlement-note\"[^>]*value=\"chipped\"")
                .containsPattern("<input id=\"closure-note\"[^>]*value=\"\"");
        services.verify(0, postRequestedFor(urlEqualTo(CASE + "/settlement")));

        services.stubFor(post(urlEqualTo(CASE + "/settlement"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:invalid-payload\", \"status\": 422,"
                                + " \"detail\": \"line 1 has CNY 39.00 left to refund: CNY 45.00 asked.\"}")));
        String refused = supervisor
                .post(
                        "/after-sale/cases/rf-cup-0001/settlement",
                        form("line", "1", "quantity", "1", "amount", "45", "shipping", "", "note", "all of it"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("What was entered was refused: line 1 has CNY 39.00 left to refund: CNY 45.00 asked.")
                .containsPattern("id=\"settle-amount-1\"[^>]*value=\"45\"")
                .containsPattern("<input id=\"settlement-note\"[^>]*value=\"all of it\"");
        services.verify(postRequestedFor(urlEqualTo(CASE + "/settlement"))
                .withRequestBody(equalToJson("{\"lines\": [{\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 4500}],"
                        + " \"shippingMinor\": 0, \"note\": \"all of it\"}")));
    }

    @Test
    void aSupervisorWhoWorkedOnTheReturnSeesTheSettlementHeldBackBeforeTheClick() {
        stubViewFor(
                CASE,
                "supervisor-token",
                CaseViews.offering(
                        awaitingReturn(), List.of("closure", "settlement"), List.of("closure", "settlement")));

        assertThat(supervisor.page("/after-sale/cases/rf-cup-0001"))
                .contains("id=\"four-eyes\"", "id=\"settlement-form\"")
                .containsPattern("<form(?=[^>]*id=\"settlement-form\")(?=[^>]*class=\"step-form held-back\")")
                .containsPattern("id=\"settlement-form\"[\\s\\S]*?<fieldset disabled=\"disabled\">")
                .containsPattern("<button type=\"submit\" id=\"settle\" aria-describedby=\"four-eyes\"")
                .containsPattern("<button type=\"submit\" id=\"settle\"[^>]* disabled=\"disabled\">")
                .containsPattern("<button type=\"submit\" id=\"close-case\"[^>]* disabled=\"disabled\">");
    }

    /** The fixture's return, approved: the warehouse waits for the cup. */
    private static String awaitingReturn() {
        return read(REQUESTED)
                .replace("\"state\": \"REQUESTED\"", "\"state\": \"AWAITING_RETURN\"")
                .replace(
                        "\"decision\": null",
                        "\"decision\": {\"approved\": true, \"by\": \"dev-manager\","
                                + " \"at\": \"2026-11-29T04:00:00Z\", \"automatic\": false, \"note\": null}");
    }

    @Test
    void thePaymentFormShowsOnlyWhenTheServiceOffersThePayment() {
        String refunding = read(REQUESTED)
                .replace("\"state\": \"REQUESTED\"", "\"state\": \"REFUNDING\"")
                .replace(
                        "\"decision\": null",
                        "\"decision\": {\"approved\": true, \"by\": \"dev-supervisor\","
                                + " \"at\": \"2026-11-29T04:00:00Z\", \"automatic\": false, \"note\": null}");
        stubViewFor(CASE, "secret-bearer-token", CaseViews.offering(refunding));
        assertThat(cs.page("/after-sale/cases/rf-cup-0001"))
                .as("a store whose gateway pays")
                .contains("Being paid back")
                .doesNotContain("id=\"confirm-payment\"", "id=\"actions-title\"");

        stubViewFor(CASE, "secret-bearer-token", CaseViews.offering(refunding, "payment"));
        assertThat(cs.page("/after-sale/cases/rf-cup-0001"))
                .contains("id=\"confirm-payment\"", "id=\"payment-reference\"")
                .doesNotContain("id=\"withdraw\"", "id=\"contact-form\"");
        String completed =
                CaseViews.offering(refunding.replace("\"state\": \"REFUNDING\"", "\"state\": \"COMPLETED\""));
        services.stubFor(post(urlEqualTo(CASE + "/payment")).willReturn(json(200, completed)));
        assertThat(cs.post("/after-sale/cases/rf-cup-0001/payment", form("reference", "TB-REFUND-1"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("The payment is confirmed", "Completed")
                .doesNotContain("id=\"confirm-payment\"");
        services.verify(postRequestedFor(urlEqualTo(CASE + "/payment"))
                .withRequestBody(equalToJson("{\"reference\": \"TB-REFUND-1\"}")));
    }

    @Test
    void aSupervisorHasARefusedPayoutTriedAgain() {
        String refused = read(REQUESTED)
                .replace("\"state\": \"REQUESTED\"", "\"state\": \"PAYOUT_REFUSED\"")
                .replace(
                        "\"decision\": null",
                        "\"decision\": {\"approved\": true, \"by\": \"dev-supervisor\","
                                + " \"at\": \"2026-11-29T04:00:00Z\", \"automatic\": false, \"note\": null}");
        stubViewFor(CASE, "supervisor-token", CaseViews.offering(refused, "payout-retry", "closure"));
        assertThat(supervisor.page("/after-sale/cases/rf-cup-0001"))
                .contains("Payout refused", "id=\"payout-refused\"", "id=\"retry-payout\"", "id=\"close-case\"")
                .contains("Close without paying")
                .doesNotContain("Reject for good");

        String refunding =
                CaseViews.offering(refused.replace("\"state\": \"PAYOUT_REFUSED\"", "\"state\": \"REFUNDING\""));
        services.stubFor(post(urlEqualTo(CASE + "/payout-retry")).willReturn(json(200, refunding)));
        assertThat(supervisor
                        .post("/after-sale/cases/rf-cup-0001/payout-retry", form("note", "card re-linked"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("The payout is asked for again", "Being paid back")
                .doesNotContain("id=\"retry-payout\"");
        services.verify(postRequestedFor(urlEqualTo(CASE + "/payout-retry"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withRequestBody(equalToJson("{\"note\": \"card re-linked\"}")));
    }

    @Test
    void theNewCaseFormSendsItsKeyWithEverySubmitSoADoubleSubmitOpensOneCase() {
        services.stubFor(post(urlEqualTo("/api/refunds")).willReturn(json(201, "aftersale/case-requested.json")));

        String formPage = cs.page("/after-sale/cases/new?order=tmall-flagship:T2001");
        assertThat(formPage)
                .contains("西湖龙井 250g", "玻璃杯", "2 × CN¥128.00", "CN¥305.00 of CN¥305.00 paid may still be refunded.")
                .contains("<select id=\"case-reason-choice\" name=\"reason\" required")
                .contains("<option value=\"DAMAGED\">Arrived damaged</option>")
                .contains("<option value=\"STORE_OWN_REASON\">STORE_OWN_REASON</option>")
                .doesNotContain("NO_REASON_7_DAYS", "CHANGED_MIND") // the store's list, not the demo's
                .contains("CN¥128.00 left, 1 unit", "CN¥39.00 left, 1 unit")
                .containsPattern("id=\"left-1\">\\s*CN¥39.00 left, 1 unit")
                .contains("The store approves refund-only requests below CN¥50.00 at once");
        services.verify(
                getRequestedFor(urlEqualTo(TERMS)).withHeader("Authorization", equalTo("Bearer secret-bearer-token")));
        assertThat(cs.inChinese().page("/after-sale/cases/new?order=tmall-flagship:T2001"))
                .contains("可退 ¥39.00，1 件", "低于 ¥50.00 的仅退款申请");
        String key = idempotencyKey(formPage);
        assertThat(key).matches("[A-Za-z0-9._-]{8,64}");
        assertThat(idempotencyKey(cs.page("/after-sale/cases/new?order=tmall-flagship:T2001")))
                .as("a new key for each rendering")
                .isNotEqualTo(key);

        for (int submit = 0; submit < 2; submit++) {
            cs.post("/after-sale/cases", entry(key, "39.00"))
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals("HX-Redirect", "/after-sale/cases/rf-cup-0001");
        }
        List<LoggedRequest> sent = services.findAll(postRequestedFor(urlEqualTo("/api/refunds")));
        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer secret-bearer-token");
        });
        services.verify(postRequestedFor(urlEqualTo("/api/refunds"))
                .withRequestBody(equalToJson("{\"orderId\": \"tmall-flagship:T2001\", \"type\": \"RETURN_AND_REFUND\","
                        + " \"reason\": \"DAMAGED\", \"goodsReceived\": true,"
                        + " \"lines\": [{\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 3900}], \"shippingMinor\": 500,"
                        + " \"evidence\": [\"cracked on arrival\", \"https://img.example/crack.jpg\"]}")));
    }

    @Test
    void aStoreWithoutReasonCodesTakesTheReasonAsTextAndWithoutALimitApprovesNothingAtOnce() {
        services.stubFor(get(urlEqualTo(TERMS))
                .willReturn(json(
                        200,
                        "{\"storeId\": \"tmall-flagship\", \"currency\": \"CNY\", \"reasonCodes\": [],"
                                + " \"autoApproveBelowMinor\": 0, \"paysThroughGateway\": true}")));

        assertThat(cs.page("/after-sale/cases/new?order=tmall-flagship:T2001"))
                .containsPattern("<input id=\"case-reason-choice\" name=\"reason\" required")
                .contains("The store keeps no list of reasons")
                .doesNotContain("<select id=\"case-reason-choice\"", "id=\"approved-at-once\"");

        services.stubFor(get(urlEqualTo(TERMS)).willReturn(aResponse().withStatus(503)));
        assertThat(cs.page("/after-sale/cases/new?order=tmall-flagship:T2001"))
                .as("terms out of reach: any reason, checked by the service")
                .containsPattern("<input id=\"case-reason-choice\" name=\"reason\" required");
    }

    @Test
    void aRefusedEntryComesBackWithWhyWhatWasTypedAndTheSameKey() {
        services.stubFor(post(urlEqualTo("/api/refunds"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:invalid-payload\", \"status\": 422,"
                                + " \"detail\": \"line 1 has CNY 39.00 left to refund: CNY 40.00 asked.\"}")));

        String refused = cs.post("/after-sale/cases", entry("cs-form-key-0001", "40.00"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(refused)
                .startsWith("<div id=\"new-case\"")
                .contains("What was entered was refused: line 1 has CNY 39.00 left to refund: CNY 40.00 asked.")
                .contains("value=\"40.00\"", "<option value=\"DAMAGED\" selected=\"selected\">", "cracked on arrival")
                .contains("name=\"idempotencyKey\" value=\"cs-form-key-0001\"");

        cs.post("/after-sale/cases", entry("short", "39.00")).expectStatus().isBadRequest();
        assertThat(services.findAll(postRequestedFor(urlEqualTo("/api/refunds"))))
                .hasSize(1);
    }

    @Test
    void anOrderThatIsNotThereIsSaidOnTheNewCaseForm() {
        services.stubFor(get(urlEqualTo("/api/orders/tmall-flagship%3AT404"))
                .willReturn(json(
                        404, "{\"type\": \"urn:storeops:problem:not-found\", \"status\": 404, \"detail\": \"no\"}")));

        assertThat(cs.get("/after-sale/cases/new?order=tmall-flagship:T404")
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("There is no order tmall-flagship:T404 in your stores", "id=\"find-order\"");
    }

    @Test
    void theOrderPageListsItsCasesAndLeadsCustomerServiceToANewCaseOrComplaint() {
        assertThat(cs.page("/orders/tmall-flagship:T2001"))
                .contains("href=\"/after-sale/cases/new?order=tmall-flagship:T2001\"")
                .contains("href=\"/after-sale/complaints/new?order=tmall-flagship:T2001\"")
                .contains(
                        "id=\"order-cases\"",
                        "href=\"/after-sale/cases/rf-cup-0001\"",
                        "href=\"/after-sale/cases/rf-tea-0003\"")
                .containsPattern(
                        "id=\"order-case-rf-cup-0001\">[\\s\\S]*?Return and refund[\\s\\S]*?Requested[\\s\\S]*?CN¥44.00")
                .containsPattern(
                        "id=\"order-case-rf-tea-0003\">[\\s\\S]*?Refund only[\\s\\S]*?Completed[\\s\\S]*?CN¥20.00");
        assertThat(supervisor.page("/orders/tmall-flagship:T2001"))
                .doesNotContain("id=\"open-case\"", "id=\"take-complaint\"")
                .contains("id=\"order-cases\"");
        assertThat(supervisor.inChinese().page("/orders/tmall-flagship:T2001")).contains("售后单", "待审核", "已完成");

        SignedIn warehouse = SignedIn.as(http, "dev-warehouse");
        assertThat(warehouse.page("/orders/tmall-flagship:T2001"))
                .as("a role that does not see cases")
                .doesNotContain("id=\"order-cases\"", "rf-cup-0001");
    }

    @Test
    void theRefundSheetComesThroughTheConsoleAndARefusalComesBackToTheForm() {
        byte[] sheet = "\uFEFF订单,售后单\ntmall-flagship:T2001,rf-cup-0001\n".getBytes(StandardCharsets.UTF_8);
        services.stubFor(get(urlPathEqualTo("/api/refund-sheets"))
                .withQueryParam("format", equalTo("csv"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv")
                        .withHeader(
                                "Content-Disposition",
                                "attachment; filename=\"refunds-tmall-flagship-2026-11-01-2026-11-30.csv\"")
                        .withBody(sheet)));

        assertThat(supervisor.page("/after-sale/sheet?store=tmall-flagship"))
                .contains("id=\"sheet-form\"", "action=\"/after-sale/sheet/file\"", "totals per reason in the XLSX")
                .contains("Excel (XLSX)", "<option value=\"COMPLETED\">Completed</option>");
        byte[] downloaded = supervisor
                .get("/after-sale/sheet/file?store=tmall-flagship&from=2026-11-01&to=2026-11-30"
                        + "&status=COMPLETED&type=&format=csv")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"refunds-tmall-flagship-2026-11-01-2026-11-30.csv\"")
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(downloaded).isEqualTo(sheet);
        services.verify(getRequestedFor(urlPathEqualTo("/api/refund-sheets"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("from", equalTo("2026-11-01"))
                .withQueryParam("to", equalTo("2026-11-30"))
                .withQueryParam("status", equalTo("COMPLETED"))
                .withoutQueryParam("type"));

        services.stubFor(get(urlPathEqualTo("/api/refund-sheets"))
                .withQueryParam("format", equalTo("xlsx"))
                .willReturn(json(
                        400,
                        "{\"type\": \"urn:storeops:problem:invalid-range\", \"status\": 400,"
                                + " \"detail\": \"from 2026-12-01 is after to 2026-11-01\"}")));
        String back = supervisor
                .get("/after-sale/sheet/file?store=tmall-flagship&from=2026-12-01&to=2026-11-01&format=xlsx")
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .valueEquals(
                        HttpHeaders.LOCATION,
                        "/after-sale/sheet?store=tmall-flagship&from=2026-12-01&to=2026-11-01&format=xlsx")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(back).isNullOrEmpty();
        String form = supervisor
                .get("/after-sale/sheet?store=tmall-flagship&from=2026-12-01&to=2026-11-01&format=xlsx")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(form)
                .contains("No sheet for these days: the first day must not be after the last")
                .contains("value=\"2026-12-01\"", "value=\"2026-11-01\"");
        assertThat(supervisor.page("/after-sale/sheet?store=tmall-flagship")).doesNotContain("No sheet for these days");
    }

    private static org.springframework.util.MultiValueMap<String, String> entry(String key, String cupAmount) {
        return form(
                "idempotencyKey", key,
                "orderId", "tmall-flagship:T2001",
                "type", "RETURN_AND_REFUND",
                "reason", "DAMAGED",
                "goodsReceived", "true",
                "line", "0",
                "quantity", "",
                "amount", "",
                "line", "1",
                "quantity", "1",
                "amount", cupAmount,
                "shipping", "5",
                "evidence", "cracked on arrival\nhttps://img.example/crack.jpg\n");
    }
}
