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
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.storeops.console.Browser;
import io.storeops.console.ConsoleTest;
import io.storeops.console.ServiceStubs;
import io.storeops.console.StubServices;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The after-sale desk in a real browser (Debian's chromium), refund-service and order-service
 * stubbed with WireMock: the supervisor finds the new requests in the queue, opens one they entered
 * and sees the decision held back with why before any click, approves another and sees its state
 * change in place (and still changed on reload); customer service records a contact with the buyer
 * on a rejected case, and walks a low review from the menu's badge to the seller's reply (in
 * Chinese), then to the buyer's other reviews. Each page offers what refund-service's answers
 * offer the person. Screens are photographed into {@code target/screenshots}.
 */
@ConsoleTest
class AfterSaleBrowserIT {

    private static final String ENTERED_BY_SUPERVISOR = "/api/refunds/rf-cup-0001";
    private static final String TO_APPROVE = "/api/refunds/rf-tea-0004";
    private static final String REJECTED = "/api/refunds/rf-tea-0002";
    private static final String LOW_REVIEW = "/api/reviews/tmall-flagship%3ARV-9001";

    @LocalServerPort
    int port;

    private final WireMockServer services = StubServices.server();

    @BeforeEach
    void stubTheServices() {
        services.resetAll();
        ServiceStubs.desk("supervisor-token", "aftersale/desk-supervisor.json");
        ServiceStubs.warehouseDesk("supervisor-token", "aftersale/warehouse-desk-supervisor.json");
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        ServiceStubs.warehouseDesk("secret-bearer-token", "warehouse/desk-cs-aftersale.json");
        ServiceStubs.afterSaleDesk("supervisor-token", "aftersale/after-sale-desk-supervisor.json");
        ServiceStubs.afterSaleDesk("secret-bearer-token", "aftersale/after-sale-desk-cs.json");
        services.stubFor(get(urlEqualTo("/api/orders/tmall-flagship%3AT2001"))
                .willReturn(json(200, "aftersale/shipped-order.json")));
        services.stubFor(get(urlEqualTo("/api/refund-ledgers/tmall-flagship%3AT2001"))
                .willReturn(json(200, "aftersale/ledger.json")));

        String entered = read("aftersale/case-requested.json");
        services.stubFor(get(urlEqualTo(ENTERED_BY_SUPERVISOR))
                .willReturn(json(
                        200,
                        CaseViews.offering(
                                entered.replace(
                                        "\"openedBy\": \"dev-cs-aftersale\"", "\"openedBy\": \"dev-supervisor\""),
                                List.of("approval", "rejection"),
                                List.of("approval", "rejection")))));

        String requested = entered.replace("rf-cup-0001", "rf-tea-0004")
                .replace(
                        "\"lineIndex\": 1, \"quantity\": 1, \"amountMinor\": 3900",
                        "\"lineIndex\": 0, \"quantity\": 1, \"amountMinor\": 12800")
                .replace("\"type\": \"RETURN_AND_REFUND\"", "\"type\": \"REFUND_ONLY\"")
                .replace("\"reason\": \"DAMAGED\"", "\"reason\": \"QUALITY\"");
        String refunding = requested
                .replace("\"state\": \"REQUESTED\"", "\"state\": \"REFUNDING\"")
                .replace(
                        "\"deadline\": {\"kind\": \"ANSWER\", \"dueAt\": \"2026-12-01T01:00:00Z\"}",
                        "\"deadline\": null")
                .replace(
                        "\"decision\": null",
                        "\"decision\": {\"approved\": true, \"by\": \"dev-supervisor\", \"at\": \"2026-11-29T04:00:00Z\","
                                + " \"automatic\": false, \"note\": \"stale tea, photo is clear\"}");
        services.stubFor(get(urlEqualTo(TO_APPROVE))
                .inScenario("approval")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, CaseViews.offering(requested, "approval", "rejection"))));
        services.stubFor(post(urlEqualTo(TO_APPROVE + "/approval"))
                .inScenario("approval")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("approved")
                .willReturn(json(200, refunding)));
        services.stubFor(get(urlEqualTo(TO_APPROVE))
                .inScenario("approval")
                .whenScenarioStateIs("approved")
                .willReturn(json(200, refunding)));

        services.stubFor(get(urlPathEqualTo("/api/refunds"))
                .withQueryParam("state", equalTo("REQUESTED"))
                .willReturn(json(
                        200,
                        "{\"cases\": [" + summary("rf-cup-0001", "RETURN_AND_REFUND", "DAMAGED", 4400) + ", "
                                + summary("rf-tea-0004", "REFUND_ONLY", "QUALITY", 12800)
                                + "], \"nextCursor\": null}")));
        services.stubFor(get(urlPathEqualTo("/api/refunds"))
                .withQueryParam("state", equalTo("NEGOTIATING"))
                .willReturn(json(
                        200,
                        "{\"cases\": ["
                                + summary("rf-tea-0002", "REFUND_ONLY", "QUALITY", 2000)
                                        .replace("\"REQUESTED\"", "\"REJECTED\"")
                                + "], \"nextCursor\": null}")));
    }

    @Test
    void theSupervisorSeesFourEyesBeforeTheClickApprovesAnotherCaseAndCustomerServiceRecordsAContact()
            throws Exception {
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn("dev-supervisor");

            browser.find(By.id("nav-after-sale")).click();
            WebElement entered = browser.find(By.id("case-rf-cup-0001"));
            assertThat(entered.getText()).contains("Return and refund", "Requested", "Arrived damaged", "CN¥44.00");
            assertThat(browser.find(By.id("case-rf-tea-0004")).getText()).contains("Quality problem", "CN¥128.00");
            browser.screenshot("after-sale-queue");

            entered.findElement(By.linkText("rf-cup-0001")).click();
            WebElement fourEyes = browser.find(By.id("four-eyes"));
            assertThat(fourEyes.isDisplayed()).isTrue();
            assertThat(fourEyes.getText()).contains("another supervisor decides it");
            assertThat(browser.find(By.id("approve")).isEnabled())
                    .as("approve, held back")
                    .isFalse();
            assertThat(browser.find(By.id("reject")).isEnabled())
                    .as("reject, held back")
                    .isFalse();
            assertThat(browser.find(By.id("case-lines")).getText()).contains("玻璃杯", "CUP-GL-01", "CN¥39.00");
            browser.screenshot("after-sale-four-eyes");

            browser.open("/after-sale?store=tmall-flagship");
            browser.find(By.id("case-rf-tea-0004"))
                    .findElement(By.linkText("rf-tea-0004"))
                    .click();
            assertThat(browser.find(By.id("case-state")).getText()).isEqualTo("Requested");
            assertThat(browser.has(By.id("four-eyes"))).isFalse();
            WebElement approve = browser.find(By.id("approve"));
            assertThat(approve.isEnabled()).isTrue();
            browser.find(By.id("approval-note")).sendKeys("stale tea, photo is clear");
            approve.click();
            browser.acceptConfirmation();
            browser.waitForText(By.id("case-state"), "Being paid back");
            assertThat(browser.find(By.id("feedback")).getText()).isEqualTo("Approved.");
            assertThat(browser.find(By.id("decision")).getText()).contains("Approved", "by dev-supervisor");
            assertThat(browser.has(By.id("approve")))
                    .as("decided: no more to approve")
                    .isFalse();
            assertThat(browser.path()).as("no page reload").isEqualTo("/after-sale/cases/rf-tea-0004");
            services.verify(postRequestedFor(urlEqualTo(TO_APPROVE + "/approval"))
                    .withHeader("Authorization", equalTo("Bearer supervisor-token"))
                    .withRequestBody(equalToJson("{\"note\": \"stale tea, photo is clear\"}")));
            services.verify(0, postRequestedFor(urlEqualTo(ENTERED_BY_SUPERVISOR + "/approval")));
            browser.screenshot("after-sale-approved");
            browser.reload();
            assertThat(browser.find(By.id("case-state")).getText()).isEqualTo("Being paid back");

            browser.signOut();
            recordsAContactAsCustomerService(browser);
        }
    }

    private void recordsAContactAsCustomerService(Browser browser) throws Exception {
        String rejected = CaseViews.offering("aftersale/case-rejected.json", "contacts", "withdrawal");
        String negotiating = CaseViews.offering(
                read("aftersale/case-rejected.json")
                        .replace("\"state\": \"REJECTED\"", "\"state\": \"NEGOTIATING\"")
                        .replace(
                                "\"contacts\": []",
                                "\"contacts\": [{\"channel\": \"CHAT\", \"offered\": \"a photo of the tea\","
                                        + " \"buyerAnswer\": \"will send it tonight\", \"by\": \"dev-cs-aftersale\","
                                        + " \"at\": \"2026-11-29T05:00:00Z\"}]"),
                "contacts",
                "revision",
                "withdrawal");
        services.stubFor(get(urlEqualTo(REJECTED)).willReturn(json(200, rejected)));
        services.stubFor(post(urlEqualTo(REJECTED + "/contacts")).willReturn(json(200, negotiating)));

        browser.signIn("dev-cs-aftersale");
        browser.open("/after-sale?store=tmall-flagship&tab=negotiating");
        browser.find(By.id("case-rf-tea-0002"))
                .findElement(By.linkText("rf-tea-0002"))
                .click();
        assertThat(browser.find(By.id("case-state")).getText()).isEqualTo("Rejected");
        assertThat(browser.find(By.id("decision-note")).getText()).isEqualTo("send a photo");
        assertThat(browser.has(By.id("approve")))
                .as("customer service does not decide")
                .isFalse();

        new Select(browser.find(By.id("contact-channel"))).selectByValue("CHAT");
        browser.find(By.id("contact-offered")).sendKeys("a photo of the tea");
        browser.find(By.id("contact-answer")).sendKeys("will send it tonight");
        browser.find(By.id("record-contact")).click();

        browser.waitForText(By.id("feedback"), "The contact is recorded.");
        assertThat(browser.find(By.id("case-state")).getText()).isEqualTo("Negotiating");
        assertThat(browser.find(By.id("contacts")).getText())
                .contains(
                        "dev-cs-aftersale · Chat", "Offered: a photo of the tea.", "The buyer: will send it tonight.");
        services.verify(postRequestedFor(urlEqualTo(REJECTED + "/contacts"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .withRequestBody(equalToJson("{\"channel\": \"CHAT\", \"offered\": \"a photo of the tea\","
                        + " \"buyerAnswer\": \"will send it tonight\"}")));
        assertThat(browser.has(By.id("revise"))).as("offered once negotiating").isTrue();
        browser.screenshot("after-sale-contact");
    }

    @Test
    void customerServiceWalksALowReviewFromTheMenuToItsReply() throws Exception {
        String low = CaseViews.recordOffering("aftersale/review-new.json", "contacts", "reply");
        String replied = CaseViews.recordOffering(
                read("aftersale/review-new.json")
                        .replace("\"state\": \"NEW\"", "\"state\": \"REPLIED\"")
                        .replace(
                                "\"reply\": null",
                                "\"reply\": {\"text\": \"亲，非常抱歉，已为您办理退货退款。\", \"by\": \"dev-cs-aftersale\","
                                        + " \"at\": \"2026-11-30T06:00:00Z\"}"),
                "contacts");
        services.stubFor(get(urlPathEqualTo("/api/reviews"))
                .withQueryParam("state", equalTo("NEW"))
                .withQueryParam("low", equalTo("true"))
                .willReturn(json(200, "aftersale/reviews-new.json")));
        services.stubFor(get(urlPathEqualTo("/api/reviews"))
                .withQueryParam("buyerNick", equalTo("茶友小王"))
                .willReturn(json(200, "aftersale/reviews-new.json")));
        services.stubFor(get(urlEqualTo(LOW_REVIEW))
                .inScenario("reply")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, low)));
        services.stubFor(post(urlEqualTo(LOW_REVIEW + "/reply"))
                .inScenario("reply")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("replied")
                .willReturn(json(200, replied)));
        services.stubFor(get(urlEqualTo(LOW_REVIEW))
                .inScenario("reply")
                .whenScenarioStateIs("replied")
                .willReturn(json(200, replied)));

        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn("dev-cs-aftersale");
            browser.open("/?store=tmall-flagship");
            assertThat(browser.find(By.id("nav-complaints")).getText()).contains("投诉", "3");
            WebElement menu = browser.find(By.id("nav-reviews"));
            assertThat(menu.getText()).contains("差评", "7");
            menu.click();

            WebElement row = browser.find(By.id("review-tmall-flagship:RV-9001"));
            assertThat(row.getText()).contains("★☆☆☆☆", "杯子碎了，客服也不理人", "茶友小王", "差评，待处理");
            browser.screenshot("reviews-low-queue");
            row.findElement(By.linkText("★☆☆☆☆")).click();

            assertThat(browser.find(By.id("review-state")).getText()).isEqualTo("差评，待处理");
            assertThat(browser.find(By.id("review-rating")).getText()).contains("1 星（满分 5 星）", "差评");
            assertThat(browser.find(By.id("review-images")).findElements(By.cssSelector("a.review-image")).stream()
                            .map(link -> link.getAttribute("href"))
                            .toList())
                    .containsExactly(
                            "https://img.example/review/cup.jpg", "https://img.example/review/box.png?size=large");
            assertThat(browser.has(By.tagName("img")))
                    .as("no outside image on the page")
                    .isFalse();
            assertThat(browser.find(By.id("record-order")).getText()).isEqualTo("T2001");
            assertThat(browser.find(By.id("buyer-reviews")).getAttribute("href"))
                    .endsWith("/after-sale/reviews?store=tmall-flagship&buyer=%E8%8C%B6%E5%8F%8B%E5%B0%8F%E7%8E%8B");

            browser.find(By.id("reply-text")).sendKeys("亲，非常抱歉，已为您办理退货退款。");
            browser.find(By.id("send-reply")).click();
            browser.acceptConfirmation();
            browser.waitForText(By.id("review-state"), "已回复");
            assertThat(browser.find(By.id("feedback")).getText()).isEqualTo("回复已保存并交由店铺发布。");
            assertThat(browser.find(By.id("reply")).getText()).isEqualTo("亲，非常抱歉，已为您办理退货退款。");
            assertThat(browser.has(By.id("reply-form")))
                    .as("the reply is written once")
                    .isFalse();
            assertThat(browser.has(By.id("contact-form")))
                    .as("the buyer may still be contacted")
                    .isTrue();
            assertThat(browser.path()).as("no page reload").isEqualTo("/after-sale/reviews/tmall-flagship:RV-9001");
            services.verify(postRequestedFor(urlEqualTo(LOW_REVIEW + "/reply"))
                    .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                    .withRequestBody(equalToJson("{\"reply\": \"亲，非常抱歉，已为您办理退货退款。\"}")));
            browser.screenshot("review-replied");

            browser.reload();
            assertThat(browser.find(By.id("reply")).getText()).isEqualTo("亲，非常抱歉，已为您办理退货退款。");
            browser.find(By.id("buyer-reviews")).click();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("茶友小王 的评价");
            services.verify(
                    getRequestedFor(urlPathEqualTo("/api/reviews")).withQueryParam("buyerNick", equalTo("茶友小王")));
        }
    }

    private static String summary(String caseId, String type, String reason, long amountMinor) {
        return "{\"orderId\": \"tmall-flagship:T2001\", \"caseId\": \"" + caseId + "\", \"type\": \"" + type + "\","
                + " \"state\": \"REQUESTED\", \"reason\": \"" + reason + "\", \"source\": \"CS\","
                + " \"amount\": {\"amountMinor\": " + amountMinor + ", \"currency\": \"CNY\"},"
                + " \"openedAt\": \"2026-11-29T01:00:00Z\", \"lastStepAt\": \"2026-11-29T01:00:00Z\","
                + " \"decidedBy\": null, \"deadline\": {\"kind\": \"ANSWER\", \"dueAt\": \"2026-12-01T01:00:00Z\"}}";
    }
}
