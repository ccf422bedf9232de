package io.storeops.console.aftersale;

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
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The complaints and reviews screens against refund-service's answers: the complaints queue, a
 * complaint with its order, contacts, resolution and withdrawal, a new complaint from an order and
 * its key; the low-reviews queue, a buyer's reviews by nickname, a review with its rating, text,
 * images as links, buyer, order and contacts, and the seller's reply, written once, and whether it is
 * on the storefront — what they show, what they send, how refusals read, and which forms they show:
 * exactly the steps refund-service's answer offers the person.
 */
@ConsoleTest
class ComplaintAndReviewPagesTest {

    private static final String COMPLAINT = "/api/complaints/cp-late-0001";
    private static final String REVIEW = "/api/reviews/tmall-flagship%3ARV-9001";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn cs;
    private SignedIn supervisor;

    @BeforeEach
    void signIn() {
        services.resetAll();
        AfterSaleDeskStubs.stubEveryonesDesks();
        services.stubFor(get(urlEqualTo(COMPLAINT)).willReturn(json(200, "aftersale/complaint-open.json")));
        services.stubFor(get(urlEqualTo(REVIEW)).willReturn(json(200, "aftersale/review-new.json")));
        stubViewFor(
                COMPLAINT,
                "secret-bearer-token",
                CaseViews.recordOffering("aftersale/complaint-open.json", "contacts", "resolution", "withdrawal"));
        stubViewFor(
                REVIEW,
                "secret-bearer-token",
                CaseViews.recordOffering("aftersale/review-new.json", "contacts", "reply"));
        services.stubFor(get(urlEqualTo("/api/orders/tmall-flagship%3AT2001"))
                .willReturn(json(200, "aftersale/shipped-order.json")));
        cs = SignedIn.as(http, "dev-cs-aftersale");
        supervisor = SignedIn.as(http, "dev-supervisor");
    }

    @Test
    void theMenuOffersComplaintsAndReviewsToThoseTheDeskLetsSeeThemAndNobodyElse() {
        assertThat(supervisor.page("/")).contains("id=\"nav-complaints\"", "id=\"nav-reviews\"");

        SignedIn warehouse = SignedIn.as(http, "dev-warehouse");
        assertThat(warehouse.page("/")).doesNotContain("id=\"nav-complaints\"", "id=\"nav-reviews\"");
        for (String page : List.of(
                "/after-sale/complaints",
                "/after-sale/complaints/cp-late-0001",
                "/after-sale/reviews",
                "/after-sale/reviews/tmall-flagship:RV-9001")) {
            warehouse.get(page).expectStatus().isForbidden();
        }
        supervisor
                .get("/after-sale/complaints/new?order=tmall-flagship:T2001")
                .expectStatus()
                .isForbidden();
        assertThat(services.findAll(getRequestedFor(urlPathEqualTo("/api/complaints"))))
                .isEmpty();
    }

    @Test
    void theComplaintsQueueListsTheOpenComplaintsAndPagesOn() {
        services.stubFor(
                get(urlPathEqualTo("/api/complaints")).willReturn(json(200, "aftersale/complaints-open.json")));

        assertThat(cs.page("/after-sale/complaints?store=tmall-flagship"))
                .contains("cp-late-0001", "cp-rude-0002", "茶友小王", "Delivery", "Our service", "In progress", "Open")
                .contains("href=\"/after-sale/complaints/cp-late-0001\"", "href=\"/orders/tmall-flagship:T2001\"")
                .contains(
                        "hx-get=\"/after-sale/complaints?store=tmall-flagship&amp;tab=open&amp;cursor=next-complaints\"")
                .contains("id=\"tab-new-complaint\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/complaints"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("state", equalTo("OPEN,IN_PROGRESS")));

        assertThat(cs.fragment("/after-sale/complaints?store=tmall-flagship&tab=open&cursor=next-complaints"))
                .contains("cp-late-0001")
                .doesNotContain("<html");
        services.verify(getRequestedFor(urlPathEqualTo("/api/complaints"))
                .withQueryParam("cursor", equalTo("next-complaints")));

        supervisor.page("/after-sale/complaints?store=tmall-flagship&tab=ended");
        services.verify(getRequestedFor(urlPathEqualTo("/api/complaints"))
                .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                .withQueryParam("state", equalTo("RESOLVED,WITHDRAWN")));
        assertThat(supervisor.inChinese().page("/after-sale/complaints?store=tmall-flagship"))
                .contains("物流", "处理中", "服务态度")
                .doesNotContain("id=\"tab-new-complaint\"");
    }

    @Test
    void aComplaintShowsItsOrderAndCustomerServiceItsForms() {
        String page = cs.page("/after-sale/complaints/cp-late-0001");

        assertThat(page)
                .contains("Complaint cp-late-0001", "parcel three days late, nobody answered on 旺旺", "茶友小王")
                .contains("id=\"record-order\" href=\"/orders/tmall-flagship:T2001\">T2001</a>", "CN¥305.00")
                .contains("href=\"/after-sale/cases/rf-cup-0001\"")
                .contains(
                        "href=\"/after-sale/reviews?store=tmall-flagship&amp;buyer=%E8%8C%B6%E5%8F%8B%E5%B0%8F%E7%8E%8B\"")
                .contains("id=\"contact-form\"", "id=\"resolution-form\"", "id=\"withdrawal-form\"")
                .contains("<option value=\"MARKETPLACE\">The marketplace&#39;s form</option>")
                .contains("<option value=\"rf-cup-0001\">rf-cup-0001 · Requested</option>")
                .contains("Taken", "Not resolved yet.");
        assertThat(cs.inChinese().page("/after-sale/complaints/cp-late-0001")).contains("投诉 cp-late-0001", "待处理", "受理");

        assertThat(supervisor.page("/after-sale/complaints/cp-late-0001"))
                .as("the supervisor looks on")
                .contains("parcel three days late")
                .doesNotContain("id=\"contact-form\"", "id=\"resolution-form\"", "id=\"withdrawal-form\"");

        stubViewFor(
                COMPLAINT,
                "secret-bearer-token",
                CaseViews.recordOffering("aftersale/complaint-open.json", "contacts"));
        assertThat(cs.page("/after-sale/complaints/cp-late-0001"))
                .as("exactly the steps offered")
                .contains("id=\"contact-form\"")
                .doesNotContain("id=\"resolution-form\"", "id=\"withdrawal-form\"");
        stubViewFor(COMPLAINT, "secret-bearer-token", CaseViews.recordOffering("aftersale/complaint-open.json"));
        assertThat(cs.page("/after-sale/complaints/cp-late-0001"))
                .as("an open complaint the service offers no step on: the console infers none")
                .doesNotContain("id=\"actions-title\"", "id=\"contact-form\"");
    }

    @Test
    void aResolutionIsSentAndTheEndedComplaintTakesNoMoreForms() {
        String resolved = read("aftersale/complaint-open.json")
                .replace("\"state\": \"OPEN\"", "\"state\": \"RESOLVED\"")
                .replace(
                        "\"resolution\": null",
                        "\"resolution\": {\"outcome\": \"REFUND_CASE\", \"note\": \"return of the cracked cup opened\","
                                + " \"refundCaseId\": \"rf-cup-0001\", \"by\": \"dev-cs-aftersale\", \"at\": \"2026-11-30T06:00:00Z\"}");
        services.stubFor(post(urlEqualTo(COMPLAINT + "/resolution")).willReturn(json(200, resolved)));

        String answered = cs.post(
                        "/after-sale/complaints/cp-late-0001/resolution",
                        form(
                                "outcome",
                                "REFUND_CASE",
                                "refundCaseId",
                                "rf-cup-0001",
                                "note",
                                "return of the cracked cup opened"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answered)
                .startsWith("<section id=\"complaint\"")
                .contains("Resolved: the complaint has ended.", "Refund case", "return of the cracked cup opened")
                .doesNotContain("id=\"contact-form\"", "id=\"resolution-form\"", "id=\"withdrawal-form\"");
        services.verify(postRequestedFor(urlEqualTo(COMPLAINT + "/resolution"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withRequestBody(
                        equalToJson("{\"outcome\": \"REFUND_CASE\", \"note\": \"return of the cracked cup opened\","
                                + " \"refundCaseId\": \"rf-cup-0001\"}")));

        services.stubFor(post(urlEqualTo(COMPLAINT + "/resolution"))
                .willReturn(json(
                        409,
                        "{\"type\": \"urn:storeops:problem:complaint-state\", \"status\": 409, \"currentState\": \"WITHDRAWN\","
                                + " \"detail\": \"A complaint that is WITHDRAWN cannot take RESOLVE.\"}")));
        String refused = cs.inChinese()
                .post(
                        "/after-sale/complaints/cp-late-0001/resolution",
                        form("outcome", "APOLOGY", "refundCaseId", "", "note", "said sorry"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("当前无法操作（投诉状态为「已撤回」）：A complaint that is WITHDRAWN cannot take RESOLVE.")
                .contains("value=\"said sorry\"");
        services.verify(postRequestedFor(urlEqualTo(COMPLAINT + "/resolution"))
                .withRequestBody(
                        equalToJson("{\"outcome\": \"APOLOGY\", \"note\": \"said sorry\", \"refundCaseId\": null}")));
    }

    @Test
    void aContactAndAWithdrawalAreRecorded() {
        String inProgress = CaseViews.recordOffering(
                read("aftersale/complaint-open.json")
                        .replace("\"state\": \"OPEN\"", "\"state\": \"IN_PROGRESS\"")
                        .replace(
                                "\"contacts\": []",
                                "\"contacts\": [{\"channel\": \"PHONE\", \"offered\": \"apologised, a 10 yuan coupon\","
                                        + " \"buyerAnswer\": \"accepts\", \"by\": \"dev-cs-aftersale\", \"at\": \"2026-11-30T02:00:00Z\"}]"),
                "contacts",
                "resolution",
                "withdrawal");
        services.stubFor(post(urlEqualTo(COMPLAINT + "/contacts")).willReturn(json(200, inProgress)));
        assertThat(cs.post(
                                "/after-sale/complaints/cp-late-0001/contacts",
                                form(
                                        "channel",
                                        "PHONE",
                                        "offered",
                                        "apologised, a 10 yuan coupon",
                                        "buyerAnswer",
                                        "accepts"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("The contact is recorded.", "In progress", "Said or offered: apologised, a 10 yuan coupon.")
                .contains("The buyer: accepts.", "id=\"resolution-form\"");
        services.verify(postRequestedFor(urlEqualTo(COMPLAINT + "/contacts"))
                .withRequestBody(equalToJson("{\"channel\": \"PHONE\", \"offered\": \"apologised, a 10 yuan coupon\","
                        + " \"buyerAnswer\": \"accepts\"}")));

        String withdrawn =
                read("aftersale/complaint-open.json").replace("\"state\": \"OPEN\"", "\"state\": \"WITHDRAWN\"");
        services.stubFor(post(urlEqualTo(COMPLAINT + "/withdrawal")).willReturn(json(200, withdrawn)));
        assertThat(cs.post("/after-sale/complaints/cp-late-0001/withdrawal", form("note", "parcel arrived"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Withdrawn: the complaint has ended.", "The buyer withdrew the complaint.")
                .doesNotContain("id=\"withdrawal-form\"");
        services.verify(postRequestedFor(urlEqualTo(COMPLAINT + "/withdrawal"))
                .withRequestBody(equalToJson("{\"note\": \"parcel arrived\"}")));
    }

    @Test
    void aComplaintIsTakenFromAnOrderOnceHoweverOftenItsFormIsSent() {
        services.stubFor(post(urlEqualTo("/api/complaints")).willReturn(json(201, "aftersale/complaint-open.json")));

        String formPage = cs.page("/after-sale/complaints/new?order=tmall-flagship:T2001");
        assertThat(formPage)
                .contains("id=\"new-complaint-form\"", "T2001", "<option value=\"LOGISTICS\">Delivery</option>")
                .contains("<option value=\"CHAT\">Chat</option>");
        String key = idempotencyKey(formPage);
        assertThat(idempotencyKey(cs.page("/after-sale/complaints/new?order=tmall-flagship:T2001")))
                .isNotEqualTo(key);

        for (int submit = 0; submit < 2; submit++) {
            cs.post(
                            "/after-sale/complaints",
                            form(
                                    "idempotencyKey", key,
                                    "orderId", "tmall-flagship:T2001",
                                    "channel", "CHAT",
                                    "category", "LOGISTICS",
                                    "description", "parcel three days late, nobody answered on 旺旺",
                                    "buyerNick", "茶友小王"))
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals("HX-Redirect", "/after-sale/complaints/cp-late-0001");
        }
        List<LoggedRequest> sent = services.findAll(postRequestedFor(urlEqualTo("/api/complaints")));
        assertThat(sent)
                .hasSize(2)
                .allSatisfy(request ->
                        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key));
        services.verify(postRequestedFor(urlEqualTo("/api/complaints"))
                .withRequestBody(equalToJson("{\"orderId\": \"tmall-flagship:T2001\", \"channel\": \"CHAT\","
                        + " \"category\": \"LOGISTICS\", \"description\": \"parcel three days late, nobody answered on 旺旺\","
                        + " \"buyerNick\": \"茶友小王\"}")));

        services.stubFor(post(urlEqualTo("/api/complaints"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:invalid-payload\", \"status\": 422,"
                                + " \"detail\": \"description is required.\"}")));
        assertThat(cs.post(
                                "/after-sale/complaints",
                                form(
                                        "idempotencyKey", "cs-complaint-0002",
                                        "orderId", "tmall-flagship:T2001",
                                        "channel", "PHONE",
                                        "category", "QUALITY",
                                        "description", "",
                                        "buyerNick", "lee"))
                        .expectStatus()
                        .isEqualTo(422)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .startsWith("<div id=\"new-complaint\"")
                .contains("What was entered was refused: description is required.")
                .contains("name=\"idempotencyKey\" value=\"cs-complaint-0002\"", "value=\"lee\"")
                .containsPattern("<option value=\"QUALITY\" selected=\"selected\">");
    }

    @Test
    void theLowReviewsQueueAndABuyersReviews() {
        services.stubFor(get(urlPathEqualTo("/api/reviews")).willReturn(json(200, "aftersale/reviews-new.json")));

        assertThat(cs.page("/after-sale/reviews?store=tmall-flagship"))
                .contains("★☆☆☆☆", "★★★☆☆", "杯子碎了，客服也不理人", "茶友小王", "Low, waiting")
                .contains("href=\"/after-sale/reviews/tmall-flagship:RV-9001\"")
                .doesNotContain("id=\"more\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/reviews"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("state", equalTo("NEW"))
                .withQueryParam("low", equalTo("true"))
                .withoutQueryParam("buyerNick"));

        services.resetRequests();
        assertThat(cs.page("/after-sale/reviews?store=tmall-flagship&buyer=茶友小王"))
                .contains("Reviews by 茶友小王", "value=\"茶友小王\"");
        services.verify(getRequestedFor(urlPathEqualTo("/api/reviews"))
                .withQueryParam("buyerNick", equalTo("茶友小王"))
                .withoutQueryParam("state")
                .withoutQueryParam("low"));

        services.resetRequests();
        cs.page("/after-sale/reviews?store=tmall-flagship&tab=contacted");
        services.verify(getRequestedFor(urlPathEqualTo("/api/reviews"))
                .withQueryParam("state", equalTo("CONTACTED"))
                .withQueryParam("low", equalTo("true")));
        assertThat(services.findAll(getRequestedFor(urlPathEqualTo("/api/reviews"))))
                .as("the contacted tab lists the low reviews only, as the lowReviews badge counts them")
                .allSatisfy(request ->
                        assertThat(request.queryParameter("low").firstValue()).isEqualTo("true"));
        assertThat(cs.inChinese().page("/after-sale/reviews?store=tmall-flagship"))
                .contains("差评，待处理", "买家评价");
    }

    @Test
    void aReviewShowsItsRatingTextImagesAsLinksBuyerAndOrderAndTheReplyForm() {
        String page = cs.page("/after-sale/reviews/tmall-flagship:RV-9001");

        assertThat(page)
                .contains("Review RV-9001", "1 of 5", "Low rating", "杯子碎了，客服也不理人")
                .contains(
                        "href=\"https://img.example/review/cup.jpg\"",
                        "href=\"https://img.example/review/box.png?size=large\"")
                .contains("not a link")
                .doesNotContain("<img", "href=\"not a link\"")
                .contains(
                        "id=\"buyer-reviews\" href=\"/after-sale/reviews?store=tmall-flagship&amp;buyer=%E8%8C%B6%E5%8F%8B%E5%B0%8F%E7%8E%8B\"")
                .contains(
                        "id=\"record-order\" href=\"/orders/tmall-flagship:T2001\">T2001</a>",
                        "href=\"/after-sale/cases/rf-cup-0001\"")
                .contains("id=\"reply-form\"", "id=\"contact-form\"", "1 of 5: low, to customer service");
        services.verify(
                getRequestedFor(urlEqualTo(REVIEW)).withHeader("Authorization", equalTo("Bearer secret-bearer-token")));
        assertThat(cs.inChinese().page("/after-sale/reviews/tmall-flagship:RV-9001"))
                .contains("评价 RV-9001", "1 星（满分 5 星）", "该买家的评价", "发布回复");

        assertThat(supervisor.page("/after-sale/reviews/tmall-flagship:RV-9001"))
                .contains("No reply yet.")
                .doesNotContain("id=\"reply-form\"", "id=\"contact-form\"");

        stubViewFor(REVIEW, "secret-bearer-token", CaseViews.recordOffering("aftersale/review-new.json", "contacts"));
        assertThat(cs.page("/after-sale/reviews/tmall-flagship:RV-9001"))
                .as("exactly the steps offered, though the review has no reply yet")
                .contains("id=\"contact-form\"", "No reply yet.")
                .doesNotContain("id=\"reply-form\"");
    }

    @Test
    void theReplyIsSentOnceAndThenShownInsteadOfTheForm() {
        String replied = CaseViews.recordOffering(
                read("aftersale/review-new.json")
                        .replace("\"state\": \"NEW\"", "\"state\": \"REPLIED\"")
                        .replace(
                                "\"reply\": null",
                                "\"reply\": {\"text\": \"亲，非常抱歉，已为您办理退货退款。\", \"by\": \"dev-cs-aftersale\","
                                        + " \"at\": \"2026-11-30T06:00:00Z\"}"),
                "contacts");
        services.stubFor(post(urlEqualTo(REVIEW + "/reply")).willReturn(json(200, replied)));

        String answered = cs.post(
                        "/after-sale/reviews/tmall-flagship:RV-9001/reply", form("reply", "亲，非常抱歉，已为您办理退货退款。"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answered)
                .startsWith("<section id=\"buyer-review\"")
                .contains("The reply is written and handed to the storefront.", "Replied")
                .contains("id=\"reply\">亲，非常抱歉，已为您办理退货退款。</p>", "Written by dev-cs-aftersale")
                .doesNotContain("id=\"reply-form\"")
                .contains("id=\"contact-form\""); // the buyer may still be contacted after the reply
        services.verify(postRequestedFor(urlEqualTo(REVIEW + "/reply"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withRequestBody(equalToJson("{\"reply\": \"亲，非常抱歉，已为您办理退货退款。\"}")));

        services.stubFor(get(urlEqualTo(REVIEW)).willReturn(json(200, replied)));
        services.stubFor(post(urlEqualTo(REVIEW + "/reply"))
                .willReturn(json(
                        409,
                        "{\"type\": \"urn:storeops:problem:review-state\", \"status\": 409, \"currentState\": \"REPLIED\","
                                + " \"detail\": \"A review that is REPLIED cannot take REPLY.\"}")));
        assertThat(cs.post("/after-sale/reviews/tmall-flagship:RV-9001/reply", form("reply", "another reply"))
                        .expectStatus()
                        .isEqualTo(409)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .as("another person replied first: their reply shows, with why")
                .contains("Not possible now (the review is Replied): A review that is REPLIED cannot take REPLY.")
                .contains("亲，非常抱歉，已为您办理退货退款。")
                .doesNotContain("id=\"reply-form\"");
    }

    @Test
    void aRepliedReviewShowsWhetherItsReplyIsOnTheStorefront() {
        String posted = "{\"attempts\": 1, \"lastFailure\": null, \"retryAt\": null, \"reference\": \"MR-R-77\","
                + " \"postedAt\": \"2026-11-30T06:00:05Z\", \"refusedAt\": null}";
        assertThat(repliedPage(posted, "REPLY_POSTED", "en"))
                .contains("id=\"reply-posting\"", "Posted on the storefront", "(reference MR-R-77)")
                .contains("Reply posted on the storefront");
        assertThat(repliedPage(posted, "REPLY_POSTED", "zh"))
                .contains("已于 2026-11-30 14:00:05 发布到店铺（编号 MR-R-77）。", "回复已发布到店铺");

        String waiting = "{\"attempts\": 0, \"lastFailure\": null, \"retryAt\": null, \"reference\": null,"
                + " \"postedAt\": null, \"refusedAt\": null}";
        assertThat(repliedPage(waiting, null, "en")).contains("Waiting to be posted on the storefront.");
        assertThat(repliedPage(waiting, null, "zh")).contains("等待发布到店铺。");

        String retrying = "{\"attempts\": 2, \"lastFailure\": \"the marketplace answered 503 Service Unavailable\","
                + " \"retryAt\": \"2026-11-30T06:01:00Z\", \"reference\": null, \"postedAt\": null, \"refusedAt\": null}";
        assertThat(repliedPage(retrying, "REPLY_POST_FAILED", "en"))
                .contains(
                        "Failed attempts: 2, the last: the marketplace answered 503 Service Unavailable.",
                        "Tried again")
                .contains("Posting the reply failed (tried again)");
        assertThat(repliedPage(retrying, "REPLY_POST_FAILED", "zh"))
                .contains("已失败 2 次，最近一次：the marketplace answered 503 Service Unavailable。将于 2026-11-30 14:01:00 重试。");

        String refused =
                "{\"attempts\": 1, \"lastFailure\": \"the marketplace refused the reply: 422 contact details\","
                        + " \"retryAt\": null, \"reference\": null, \"postedAt\": null, \"refusedAt\": \"2026-11-30T06:00:05Z\"}";
        assertThat(repliedPage(refused, "REPLY_REFUSED", "en"))
                .contains("The storefront refused this reply for good: the marketplace refused the reply: 422 contact"
                        + " details. It is not asked again: post it in the marketplace&#39;s back office.")
                .contains("Reply refused by the storefront");
        assertThat(repliedPage(refused, "REPLY_REFUSED", "zh"))
                .contains("店铺拒绝发布此回复：the marketplace refused the reply: 422 contact details。", "店铺拒绝发布回复");

        assertThat(repliedPage("null", null, "en"))
                .as("a store whose staff post replies by hand")
                .contains("This store&#39;s replies are not posted by StoreOps")
                .doesNotContain("Waiting to be posted");
        assertThat(repliedPage("null", null, "zh")).contains("本店的回复不由 StoreOps 发布");
    }

    /**
     * The review page, in {@code language}, of the review replied to whose reply's posting is {@code
     * posting}, with {@code step} (if any) last on its timeline.
     */
    private String repliedPage(String posting, String step, String language) {
        String review = read("aftersale/review-new.json")
                .replace("\"state\": \"NEW\"", "\"state\": \"REPLIED\"")
                .replace(
                        "\"reply\": null",
                        "\"reply\": {\"text\": \"亲，非常抱歉。\", \"by\": \"dev-cs-aftersale\","
                                + " \"at\": \"2026-11-30T06:00:00Z\", \"posting\": " + posting + "}");
        if (step != null) {
            review = review.replace(
                    "\"detail\": \"1 of 5: low, to customer service\"}",
                    "\"detail\": \"1 of 5: low, to customer service\"}, {\"at\": \"2026-11-30T06:00:05Z\", \"what\": \""
                            + step + "\", \"by\": \"storefront\", \"detail\": \"-\"}");
        }
        stubViewFor(REVIEW, "secret-bearer-token", CaseViews.recordOffering(review, "contacts"));
        return (language.equals("zh") ? cs.inChinese() : cs).page("/after-sale/reviews/tmall-flagship:RV-9001");
    }

    @Test
    void aContactAboutAReviewIsRecorded() {
        String contacted = CaseViews.recordOffering(
                read("aftersale/review-new.json")
                        .replace("\"state\": \"NEW\"", "\"state\": \"CONTACTED\"")
                        .replace(
                                "\"contacts\": []",
                                "\"contacts\": [{\"channel\": \"CHAT\", \"offered\": \"apologised, offered a return\","
                                        + " \"buyerAnswer\": \"will think about it\", \"by\": \"dev-cs-aftersale\", \"at\": \"2026-11-30T05:00:00Z\"}]"),
                "contacts",
                "reply");
        services.stubFor(post(urlEqualTo(REVIEW + "/contacts")).willReturn(json(200, contacted)));

        assertThat(cs.post(
                                "/after-sale/reviews/tmall-flagship:RV-9001/contacts",
                                form(
                                        "channel",
                                        "CHAT",
                                        "offered",
                                        "apologised, offered a return",
                                        "buyerAnswer",
                                        "will think about it"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(
                        "The contact is recorded.", "Buyer contacted", "Said or offered: apologised, offered a return.")
                .contains("id=\"reply-form\"");
        services.verify(postRequestedFor(urlEqualTo(REVIEW + "/contacts"))
                .withRequestBody(equalToJson("{\"channel\": \"CHAT\", \"offered\": \"apologised, offered a return\","
                        + " \"buyerAnswer\": \"will think about it\"}")));
    }
}
