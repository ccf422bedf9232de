package io.storeops.console.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.ServiceStubs.read;
import static io.storeops.console.SignedIn.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storeops.console.ConsoleTest;
import io.storeops.console.ServiceStubs;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The order desk's pages against order-service's answers: what they show, what they send, how refusals read. */
@ConsoleTest
class OrderDeskPagesTest {

    /** The order's route as the console calls it: the id is a path variable, so its ':' arrives encoded. */
    private static final String ORDER = "/api/orders/tmall-flagship%3AT1001";

    private static final String CS_TOKEN = "Bearer secret-bearer-token";

    @Autowired
    WebTestClient http;

    private final WireMockServer orderService = StubServices.server();
    private SignedIn cs;

    @BeforeEach
    void signInAsCustomerService() {
        orderService.resetAll();
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        ServiceStubs.desk("another-token", "orders/desk-warehouse.json");
        cs = SignedIn.as(http, "dev-cs-aftersale");
    }

    @Test
    void homeShowsEachStoresQueuesWithTheTokenRelayedButNeverShown() {
        String home = cs.page("/");

        assertThat(home)
                .contains("天猫旗舰店", "Waiting for review", "Buyers to tell about missing stock")
                .contains("data-queue=\"review\">3<", "data-queue=\"heldByStaff\">1<", "data-queue=\"stockOut\">2<")
                .doesNotContain("secret-bearer-token");
        orderService.verify(
                getRequestedFor(urlPathEqualTo("/api/order-desk")).withHeader("Authorization", equalTo(CS_TOKEN)));
    }

    @Test
    void anOrderShowsMoneyAndTimesInTheStoresZoneAndTheReadersLanguage() {
        orderService.stubFor(get(urlEqualTo(ORDER)).willReturn(json(200, "orders/held-order.json")));

        String chinese = cs.inChinese().page("/orders/tmall-flagship:T1001");
        String english = cs.page("/orders/tmall-flagship:T1001");

        assertThat(chinese)
                .contains("¥1,280.00", "2026-11-28 10:11:30", "挂起待审", "买家留言", "地址核实", "缺少联系电话。", "请发顺丰")
                .contains("放行", "取消订单");
        assertThat(english)
                .contains("CN¥1,280.00", "Nov 28, 2026", "On hold", "The phone number is missing.", "Release")
                .doesNotContain("id=\"hold\""); // held already: release, not hold
    }

    @Test
    void aSplitOrderShowsEachParcelWithWhatItCarriesAndWhereItIs() {
        String parcels = "\"parcels\": ["
                + "{\"shipmentId\": \"shp-tmall-flagship:T1001\", \"lines\": [{\"sku\": \"TEA-LJ-250\", \"quantity\": 1}],"
                + " \"carrier\": \"SF\", \"trackingNumber\": \"SF1234567890123\","
                + " \"dispatchedAt\": \"2026-11-28T06:30:00Z\"},"
                + "{\"shipmentId\": \"shp-2~tmall-flagship:T1001\", \"lines\": [{\"sku\": \"CUP-QC-01\", \"quantity\": 1}]}]";
        orderService.stubFor(get(urlEqualTo(ORDER))
                .willReturn(json(
                        200,
                        read("orders/held-order.json")
                                .replace(
                                        "\"progress\": \"ON_HOLD\", \"status\": \"ON_HOLD\"",
                                        "\"progress\": \"PARTIALLY_SHIPPED\", \"status\": \"PARTIALLY_SHIPPED\"")
                                .replace("\"parcels\": []", parcels))));

        String chinese = cs.inChinese().page("/orders/tmall-flagship:T1001");
        String english = cs.page("/orders/tmall-flagship:T1001");

        assertThat(chinese).contains("拆单发货", "包裹 1/2", "包裹 2/2", "TEA-LJ-250 × 1", "CUP-QC-01 × 1", "SF1234567890123");
        assertThat(english).contains("Split shipment", "Parcel 1 of 2", "Parcel 2 of 2");
    }

    @Test
    void anExchangesReplacementShowsApartFromTheOrdersOwnParcelWithItsCase() {
        String parcels = "\"parcels\": ["
                + "{\"shipmentId\": \"shp-tmall-flagship:T1001\", \"lines\": [{\"sku\": \"TEA-LJ-250\", \"quantity\": 1}],"
                + " \"carrier\": \"SF\", \"trackingNumber\": \"SF1234567890123\","
                + " \"dispatchedAt\": \"2026-11-28T06:30:00Z\"},"
                + "{\"shipmentId\": \"shp-r~rf-swap-1\", \"lines\": [{\"sku\": \"TEA-LJ-250\", \"quantity\": 1}],"
                + " \"replacementFor\": \"rf-swap-1\"}]";
        orderService.stubFor(get(urlEqualTo(ORDER))
                .willReturn(json(
                        200,
                        read("orders/held-order.json")
                                .replace(
                                        "\"progress\": \"ON_HOLD\", \"status\": \"ON_HOLD\"",
                                        "\"progress\": \"DELIVERED\", \"status\": \"DELIVERED\"")
                                .replace("\"parcels\": []", parcels))));

        String english = cs.page("/orders/tmall-flagship:T1001");

        assertThat(english)
                .contains("Replacement sent for exchange", "href=\"/after-sale/cases/rf-swap-1\"")
                .doesNotContain("Split shipment", "Parcel 1 of 2");
        assertThat(cs.inChinese().page("/orders/tmall-flagship:T1001")).contains("换货补发");
    }

    @Test
    void theReviewQueueReleasesAnOrderInPlaceWithTheComment() {
        orderService.stubFor(
                get(urlPathEqualTo("/api/review-queue")).willReturn(json(200, "[" + heldOrderSummary() + "]")));
        orderService.stubFor(post(urlEqualTo(ORDER + "/release"))
                .willReturn(json(
                        200,
                        read("orders/held-order.json")
                                .replace(
                                        "\"progress\": \"ON_HOLD\", \"status\": \"ON_HOLD\"",
                                        "\"progress\": \"READY\", \"status\": \"READY\"")
                                .replace(
                                        "\"release\": null",
                                        "\"release\": {\"releasedBy\": \"dev-cs-aftersale\", \"comment\": \"SF is fine\","
                                                + " \"releasedAt\": \"2026-11-28T03:00:00Z\"}"))));

        assertThat(cs.page("/review?store=tmall-flagship")).contains("T1001", "请发顺丰", "CN¥1,280.00");
        orderService.verify(getRequestedFor(urlPathEqualTo("/api/review-queue"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("limit", equalTo("50")));
        String cell = cs.post("/orders/tmall-flagship:T1001/release", form("text", "SF is fine", "view", "queue"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(cell)
                .startsWith("<td")
                .contains("Released by dev-cs-aftersale")
                .doesNotContain("<form");
        orderService.verify(postRequestedFor(urlEqualTo(ORDER + "/release"))
                .withHeader("Authorization", equalTo(CS_TOKEN))
                .withRequestBody(equalToJson("{\"comment\": \"SF is fine\"}")));
    }

    @Test
    void aLongQueuePagesWithTheCursorTheServiceLinksTo() {
        orderService.stubFor(get(urlPathEqualTo("/api/review-queue"))
                .willReturn(json(200, "[" + heldOrderSummary() + "]")
                        .withHeader(
                                "Link",
                                "</api/review-queue?storeId=tmall-flagship&limit=50&cursor=page-2>; rel=\"next\"")));

        assertThat(cs.page("/review?store=tmall-flagship"))
                .contains("More", "/review?store=tmall-flagship&amp;cursor=page-2");
        String next = cs.fragment("/review?store=tmall-flagship&cursor=page-2");

        assertThat(next.strip()).startsWith("<tbody").contains("T1001").doesNotContain("<html");
        orderService.verify(
                getRequestedFor(urlPathEqualTo("/api/review-queue")).withQueryParam("cursor", equalTo("page-2")));
    }

    @Test
    void aRefusedCancelAnswersWithTheServicesStatusAndExplainsItInTheReadersLanguage() {
        orderService.stubFor(post(urlEqualTo(ORDER + "/cancel")).willReturn(json(409, """
                        {"type": "urn:storeops:problem:order-state", "title": "Conflict", "status": 409,
                         "detail": "The order is SHIPPED; CANCEL is not possible.", "currentStatus": "SHIPPED", "action": "CANCEL"}
                        """)));
        orderService.stubFor(get(urlEqualTo(ORDER))
                .willReturn(json(
                        200,
                        read("orders/held-order.json").replace("\"status\": \"ON_HOLD\"", "\"status\": \"SHIPPED\""))));

        String detail = cs.inChinese()
                .post("/orders/tmall-flagship:T1001/cancel", form("text", "买家拍错了"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(detail)
                .startsWith("<section id=\"order\"")
                .contains("无法取消订单：订单状态为「已发货」。已发货的订单不能取消，请改为申请退款（或退货退款）。")
                .contains("role=\"alert\"");
    }

    @Test
    void aStillDoubtfulAddressKeepsWhatWasTypedAndMarksTheFieldItIsAbout() {
        orderService.stubFor(put(urlEqualTo(ORDER + "/address")).willReturn(json(422, """
                        {"type": "urn:storeops:problem:address-doubtful", "title": "Address still doubtful", "status": 422,
                         "detail": "The address is still doubtful: the phone number is missing.",
                         "doubts": ["the phone number is missing"], "doubtKinds": ["PHONE_MISSING"]}
                        """)));
        orderService.stubFor(get(urlEqualTo(ORDER)).willReturn(json(200, "orders/held-order.json")));

        String detail = cs.post(
                        "/orders/tmall-flagship:T1001/address",
                        form("name", "王芳", "country", "CN", "line1", "文三路 90 号 5 幢 302", "postalCode", "310012"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(detail)
                .contains("The address is still doubtful; correct what is marked.")
                .contains("value=\"文三路 90 号 5 幢 302\"")
                .contains("aria-describedby=\"doubt-phone\"", "id=\"doubt-phone\">The phone number is missing.<")
                .contains("<details open");
        orderService.verify(putRequestedFor(urlEqualTo(ORDER + "/address"))
                .withRequestBody(equalToJson(
                        "{\"name\": \"王芳\", \"country\": \"CN\", \"line1\": \"文三路 90 号 5 幢 302\","
                                + " \"postalCode\": \"310012\"}",
                        true,
                        true)));
    }

    @Test
    void preSaleServiceWritesTheSellersMemoAndSeesItOnTheOrder() {
        orderService.stubFor(put(urlEqualTo(ORDER + "/seller-memo"))
                .willReturn(json(200, read("orders/held-order.json").replace("\"stockOut\": null", """
                        "stockOut": null, "sellerMemo": {"carrier": "SF", "note": "买家要求周六送达",
                          "writtenBy": "dev-cs-aftersale", "writtenAt": "2026-11-28T03:05:00Z"}"""))));

        String detail = cs.inChinese()
                .post("/orders/tmall-flagship:T1001/seller-memo", form("carrier", "SF", "note", "买家要求周六送达"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(detail).contains("卖家备注已保存。", "买家要求周六送达", "（dev-cs-aftersale，2026-11-28 11:05:00）");
        orderService.verify(putRequestedFor(urlEqualTo(ORDER + "/seller-memo"))
                .withRequestBody(equalToJson("{\"carrier\": \"SF\", \"note\": \"买家要求周六送达\"}")));
    }

    @Test
    void theWarehouseSeesOrdersButNoQueueAndNoAction() {
        orderService.stubFor(get(urlEqualTo(ORDER))
                .withHeader("Authorization", equalTo("Bearer another-token"))
                .willReturn(json(200, "orders/held-order.json")));
        SignedIn warehouse = SignedIn.as(http, "dev-warehouse");

        assertThat(warehouse.page("/")).doesNotContain("/review", "/stock-outs").contains("/orders");
        assertThat(warehouse.page("/orders/tmall-flagship:T1001"))
                .contains("T1001", "On hold")
                .doesNotContain("id=\"release\"", "id=\"cancel\"", "Correct the address", "Write the memo");
        warehouse
                .get("/review")
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Your role may not do this."));
    }

    @Test
    void anOrderOutsideThePersonsStoresIsA404PageInTheirLanguage() {
        orderService.stubFor(get(urlEqualTo("/api/orders/shopify-us%3A404")).willReturn(json(404, """
                        {"type": "urn:storeops:problem:not-found", "title": "Not Found", "status": 404,
                         "detail": "Order shopify-us:404 not found."}
                        """)));

        cs.inChinese()
                .get("/orders/shopify-us:404")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("没有找到，或不在您的店铺中。"));
    }

    @Test
    void searchPassesEveryFilterPagesWithTheCursorAndExportsTheServicesFile() {
        orderService.stubFor(get(urlPathEqualTo("/api/orders"))
                .willReturn(json(200, "{\"orders\": [" + summary("T1001") + "], \"nextCursor\": \"cursor-2\"}")));
        orderService.stubFor(get(urlPathEqualTo("/api/orders/export"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/csv;charset=UTF-8")
                        .withHeader(
                                "Content-Disposition", "attachment; filename=\"orders-tmall-flagship-2026-11-28.csv\"")
                        .withBody("\uFEFForderId,status\ntmall-flagship:T1001,ON_HOLD\n")));

        String first = cs.page("/orders?store=tmall-flagship&status=ON_HOLD&hasBuyerNote=true&sku=TEA-LJ-250&buyer=王芳");
        assertThat(first).contains("T1001", ">More<", "cursor=cursor-2", "/orders/export?store=tmall-flagship");
        orderService.verify(getRequestedFor(urlPathEqualTo("/api/orders"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("status", equalTo("ON_HOLD"))
                .withQueryParam("hasBuyerNote", equalTo("true"))
                .withQueryParam("sku", equalTo("TEA-LJ-250"))
                .withQueryParam("buyer", equalTo("王芳")));

        String next = cs.fragment("/orders?store=tmall-flagship&status=ON_HOLD&cursor=cursor-2");
        assertThat(next.strip()).startsWith("<tbody").doesNotContain("<html");
        orderService.verify(
                getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("cursor", equalTo("cursor-2")));

        cs.get("/orders/export?store=tmall-flagship&status=ON_HOLD")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"orders-tmall-flagship-2026-11-28.csv\"")
                .expectBody(String.class)
                .value(csv -> assertThat(csv).contains("tmall-flagship:T1001,ON_HOLD"));
    }

    @Test
    void theStockOutQueueShowsWhatIsMissingAndAContactFormPerNotice() {
        orderService.stubFor(get(urlPathEqualTo("/api/stock-out-queue")).willReturn(json(200, """
                [{"orderId": "tmall-flagship:T1001", "externalOrderId": "T1001", "status": "READY",
                  "paidAt": "2026-11-28T02:11:30Z", "buyer": "王芳", "shippingAddress": null, "lines": [],
                  "stockOut": {"openSince": "2026-11-28T03:00:00Z", "shortages": [{"sku": "TEA-LJ-250",
                    "missingQuantity": 1, "detectedAt": "2026-11-28T03:00:00Z"}], "contacts": [{"channel": "PHONE",
                    "outcome": "NO_ANSWER", "note": null, "by": "dev-cs-aftersale", "at": "2026-11-28T04:00:00Z"}]}}]
                """)));

        assertThat(cs.inChinese().page("/stock-outs?store=tmall-flagship"))
                .contains("订单 T1001", "TEA-LJ-250 × 1", "电话 — 未联系上", "记录本次联系")
                .contains("hx-post=\"/orders/tmall-flagship:T1001/buyer-contacts\"");
        orderService.stubFor(get(urlPathEqualTo("/api/stock-out-queue")).willReturn(json(200, "[]")));
        assertThat(cs.page("/stock-outs?store=tmall-flagship")).contains("No buyer waits to hear about missing stock.");
    }

    @Test
    void aBuyerContactThatDecidesClosesTheNoticeInPlace() {
        orderService.stubFor(post(urlEqualTo(ORDER + "/buyer-contacts"))
                .willReturn(json(200, read("orders/held-order.json").replace("\"stockOut\": null", """
                        "stockOut": {"openSince": null, "shortages": [{"sku": "TEA-LJ-250", "missingQuantity": 1,
                          "detectedAt": "2026-11-28T03:00:00Z"}], "contacts": [{"channel": "PHONE", "outcome": "WAIT",
                          "note": "until Friday", "by": "dev-cs-aftersale", "at": "2026-11-28T04:00:00Z"}]}"""))));

        String contact = cs.post(
                        "/orders/tmall-flagship:T1001/buyer-contacts",
                        form("channel", "PHONE", "outcome", "WAIT", "note", "until Friday"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(contact).contains("Closed: Will wait for the stock.").doesNotContain("<form");
        orderService.verify(postRequestedFor(urlEqualTo(ORDER + "/buyer-contacts"))
                .withRequestBody(
                        equalToJson("{\"channel\": \"PHONE\", \"outcome\": \"WAIT\", \"note\": \"until Friday\"}")));
    }

    @Test
    void aPartOfAPageAskedForAfterTheSessionEndedTakesTheWholeWindowToTheSignIn() {
        http.get()
                .uri("/orders?store=tmall-flagship&cursor=cursor-2")
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("HX-Redirect", "/sign-in");
    }

    @Test
    void aFormWithAStaleTokenReloadsItsPageInsteadOfShowingARefusal() {
        cs.postWithStaleToken("/orders/tmall-flagship:T1001/cancel")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .valueEquals("HX-Refresh", "true");
        orderService.verify(0, postRequestedFor(urlEqualTo(ORDER + "/cancel")));
    }

    @Test
    void whenTheServicesNoLongerAcceptThePersonsTokenTheSessionEndsAndTheyAreAskedToSignInAgain() {
        orderService.stubFor(get(urlPathEqualTo("/api/order-desk"))
                .withHeader("Authorization", equalTo(CS_TOKEN))
                .willReturn(json(401, """
                        {"type": "urn:storeops:problem:authentication-required", "title": "Unauthorized", "status": 401,
                         "detail": "The token has expired."}
                        """)));

        cs.get("/").expectStatus().is3xxRedirection().expectHeader().location("/sign-in?expired");
        cs.get("/").expectStatus().is3xxRedirection().expectHeader().location("/sign-in");
    }

    @Test
    void aFailureBehindAPartOfAPageIsShownInThePagesAlertArea() {
        orderService.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(json(503, "{}")));

        String alert = cs.htmxGet("/orders?store=tmall-flagship&cursor=cursor-2")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("HX-Retarget", "#flash")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(alert.strip()).startsWith("<p").contains("role=\"alert\"").doesNotContain("<html");
    }

    @Test
    void aFilterTheServiceRefusesIsExplainedAboveTheFormWhichKeepsTheFilters() {
        orderService.stubFor(get(urlPathEqualTo("/api/orders")).willReturn(json(400, """
                        {"type": "urn:storeops:problem:invalid-search", "title": "Bad Request", "status": 400,
                         "detail": "paidFrom must be a day such as 2026-11-01."}
                        """)));

        cs.get("/orders?store=tmall-flagship&paidFrom=yesterday&sku=TEA-LJ-250&status=ON_HOLD&status=READY")
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(page -> assertThat(page)
                        .contains("The search could not run: paidFrom must be a day such as 2026-11-01.")
                        .contains("value=\"TEA-LJ-250\"", "<option value=\"READY\" selected"));
        orderService.verify(
                getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", equalTo("ON_HOLD,READY")));
    }

    private static String heldOrderSummary() {
        return """
                {"orderId": "tmall-flagship:T1001", "externalOrderId": "T1001", "holds": ["BUYER_NOTE"],
                 "paidAt": "2026-11-28T02:11:30Z", "total": {"amountMinor": 128000, "currency": "CNY"}, "buyer": "王芳",
                 "buyerNote": "请发顺丰", "requestedCarrier": "SF", "shippingAddress": null}
                """;
    }

    private static String summary(String number) {
        return """
                {"orderId": "tmall-flagship:%s", "storeId": "tmall-flagship", "externalOrderId": "%s", "status": "ON_HOLD",
                 "placedAt": "2026-11-28T02:10:00Z", "paidAt": "2026-11-28T02:11:30Z",
                 "total": {"amountMinor": 128000, "currency": "CNY"}, "refunded": {"amountMinor": 0, "currency": "CNY"},
                 "buyer": "王芳", "recipient": "王芳", "recipientPhone": null, "address": "浙江省 杭州市", "items": ["TEA-LJ-250 × 2"],
                 "itemTitles": ["西湖龙井 250g × 2"], "holds": ["BUYER_NOTE"], "buyerNote": "请发顺丰", "carrier": "SF",
                 "trackingNumber": null, "stockOutOpen": false}
                """.formatted(number, number);
    }
}
