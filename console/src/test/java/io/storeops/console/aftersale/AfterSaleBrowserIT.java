package io.storeops.console.aftersale;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
 * on a rejected case. Screens are photographed into {@code target/screenshots}.
 */
@ConsoleTest
class AfterSaleBrowserIT {

    private static final String ENTERED_BY_SUPERVISOR = "/api/refunds/rf-cup-0001";
    private static final String TO_APPROVE = "/api/refunds/rf-tea-0004";
    private static final String REJECTED = "/api/refunds/rf-tea-0002";

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
        services.stubFor(get(urlEqualTo("/api/orders/tmall-flagship%3AT2001"))
                .willReturn(json(200, "aftersale/shipped-order.json")));
        services.stubFor(get(urlEqualTo("/api/refund-ledgers/tmall-flagship%3AT2001"))
                .willReturn(json(200, "aftersale/ledger.json")));

        String entered = read("aftersale/case-requested.json");
        services.stubFor(get(urlEqualTo(ENTERED_BY_SUPERVISOR))
                .willReturn(json(
                        200,
                        entered.replace("\"openedBy\": \"dev-cs-aftersale\"", "\"openedBy\": \"dev-supervisor\""))));

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
                .willReturn(json(200, requested)));
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
        String rejected = read("aftersale/case-rejected.json");
        String negotiating = rejected.replace("\"state\": \"REJECTED\"", "\"state\": \"NEGOTIATING\"")
                .replace(
                        "\"contacts\": []",
                        "\"contacts\": [{\"channel\": \"CHAT\", \"offered\": \"a photo of the tea\","
                                + " \"buyerAnswer\": \"will send it tonight\", \"by\": \"dev-cs-aftersale\","
                                + " \"at\": \"2026-11-29T05:00:00Z\"}]");
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
        browser.screenshot("after-sale-contact");
    }

    private static String summary(String caseId, String type, String reason, long amountMinor) {
        return "{\"orderId\": \"tmall-flagship:T2001\", \"caseId\": \"" + caseId + "\", \"type\": \"" + type + "\","
                + " \"state\": \"REQUESTED\", \"reason\": \"" + reason + "\", \"source\": \"CS\","
                + " \"amount\": {\"amountMinor\": " + amountMinor + ", \"currency\": \"CNY\"},"
                + " \"openedAt\": \"2026-11-29T01:00:00Z\", \"lastStepAt\": \"2026-11-29T01:00:00Z\","
                + " \"decidedBy\": null, \"deadline\": {\"kind\": \"ANSWER\", \"dueAt\": \"2026-12-01T01:00:00Z\"}}";
    }
}
