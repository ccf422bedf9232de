package io.storeops.console.analytics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.SignedIn.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.storeops.console.ConsoleTest;
import io.storeops.console.ServiceStubs;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The promotion pages against analytics-service's answers: who sees them, the figures sorted and
 * both ROIs side by side, an import's job polled to its end, a target typed in yuan and sent in
 * fen, a weekly report and its PDF, and an analytics-service that cannot be reached.
 */
@ConsoleTest
class PromotionPagesTest {

    private static final String FIGURES = "/api/analytics/promotion/figures";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn promotion;

    @BeforeEach
    void signInAsThePromotionSpecialist() {
        services.resetAll();
        stubDesks();
        promotion = SignedIn.as(http, "dev-promotion");
    }

    /** The desks of the people of these tests: the promotion specialist, the manager, after-sale customer service. */
    static void stubDesks() {
        ServiceStubs.desk("promotion-token", "analytics/desk-promotion.json");
        ServiceStubs.desk("manager-token", "analytics/desk-manager.json");
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        StubServices.server()
                .stubFor(get(urlPathMatching("/api/(warehouse|after-sale)-desk"))
                        .willReturn(json(200, "{\"actions\": [], \"stores\": []}")));
    }

    @Test
    void theMenuFollowsTheRolesAndOtherRolesAreRefused() {
        assertThat(promotion.page("/?store=tmall-flagship"))
                .contains("id=\"nav-promotion\"", "Promotion &amp; reports");

        SignedIn customerService = SignedIn.as(http, "dev-cs-aftersale");
        assertThat(customerService.page("/")).doesNotContain("nav-promotion");
        customerService.get("/promotion/figures").expectStatus().isForbidden();
        services.verify(0, anyRequestedFor(urlPathMatching("/api/analytics/.*")));
    }

    @Test
    void theFiguresShowBothRoisSideBySideAndTheHeadersSortTheTable() {
        services.stubFor(get(urlPathEqualTo(FIGURES)).willReturn(json(200, "analytics/figures-keyword.json")));

        String page = promotion.page("/promotion/figures?store=tmall-flagship&from=2026-11-20&to=2026-11-22"
                + "&by=keyword&sort=roiNetOfRefunds&order=desc");

        services.verify(getRequestedFor(urlPathEqualTo(FIGURES))
                .withHeader("Authorization", equalTo("Bearer promotion-token"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("from", equalTo("2026-11-20"))
                .withQueryParam("to", equalTo("2026-11-22"))
                .withQueryParam("by", equalTo("keyword"))
                .withQueryParam("sort", equalTo("roiNetOfRefunds"))
                .withQueryParam("order", equalTo("desc")));
        assertThat(page)
                .contains("ROI (report)", ">ROI<", "ROI net of refunds")
                .contains(
                        "data-col=\"roi\">0.79<",
                        "data-col=\"roiNetOfRefunds\">0.59<",
                        "data-col=\"reportedRoi\">4.34<")
                .contains("CN¥1,511.53", "3.00%", "16,075")
                .contains("id=\"col-roiNetOfRefunds\"", "aria-sort=\"descending\"")
                // a second click on the sorted column turns the order round; another column sorts descending
                .contains("sort=roiNetOfRefunds&amp;order=asc", "sort=spend&amp;order=desc")
                .contains("<svg id=\"roi-chart\"", "class=\"bar roi-net\"")
                .contains("/promotion/figures/sheet?store=tmall-flagship&amp;from=2026-11-20");
        assertThat(page.indexOf("绿茶")).isLessThan(page.indexOf("龙井茶"));

        assertThat(promotion.inChinese().page("/promotion/figures?store=tmall-flagship&by=keyword"))
                .contains("扣退款投入产出比", "投入产出比（报表）", "¥1,511.53", "关键词");
        promotion
                .get("/promotion/figures?store=tmall-flagship&sort=nonsense")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void anImportIsPolledUntilItCompletesAndLinksItsRefusedRows() {
        services.stubFor(post(urlPathEqualTo("/api/analytics/promotion/imports"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .willReturn(json(202, "analytics/import-running.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/promotion/imports/ppc-0001"))
                .willReturn(json(200, "analytics/import-completed.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/promotion/imports/ppc-0001/refused-rows"))
                .willReturn(file("text/csv", "refused-rows-ppc-0001.csv", "line,column,reason\n7,花费,negative\n")));

        String running = promotion
                .postFile(
                        "/promotion/imports?store=tmall-flagship",
                        "file",
                        "ztc-keywords-2026-11.csv",
                        "日期,关键词\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(running)
                .contains("hx-trigger=\"every 1s\"", "/promotion/imports/ppc-0001?store=tmall-flagship")
                .contains("<progress id=\"import-progress\" max=\"100\" value=\"40\"", "Running");

        String completed = promotion.fragment("/promotion/imports/ppc-0001?store=tmall-flagship");
        assertThat(completed)
                .doesNotContain("hx-trigger")
                .contains("Completed", "24 rows kept, 1 refused; days 2026-11-20, 2026-11-21, 2026-11-22")
                .contains("/promotion/imports/ppc-0001/refused-rows?format=csv");

        promotion
                .get("/promotion/imports/ppc-0001/refused-rows?format=csv")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"refused-rows-ppc-0001.csv\"")
                .expectBody(String.class)
                .isEqualTo("line,column,reason\n7,花费,negative\n");
    }

    @Test
    void theManagerSetsATargetTypedInYuanAndOthersOnlyReadIt() {
        services.stubFor(put(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4"))
                .willReturn(json(200, "analytics/target-q4.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/targets/tmall-flagship"))
                .willReturn(json(200, "analytics/targets-2026.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4/progress"))
                .willReturn(json(200, "analytics/progress-q4.json")));
        SignedIn manager = SignedIn.as(http, "dev-manager");
        assertThat(manager.page("/promotion/targets?store=tmall-flagship&quarter=2026-Q4"))
                .contains("id=\"target-form\"", "CN¥900,000.00", "<svg id=\"progress-chart\"", "polyline")
                .contains("47.44%", "61 of 92");

        manager.post(
                        "/promotion/targets?store=tmall-flagship",
                        form(
                                "quarter",
                                "2026-Q4",
                                "amount",
                                "¥900,000.00",
                                "breakdown",
                                "EVEN",
                                "months",
                                "",
                                "months",
                                "",
                                "months",
                                "",
                                "owner",
                                ""))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Redirect", "/promotion/targets?store=tmall-flagship&quarter=2026-Q4&set=2026-Q4");
        services.verify(putRequestedFor(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4"))
                .withHeader("Authorization", equalTo("Bearer manager-token"))
                .withRequestBody(equalToJson("{\"amountMinor\": 90000000, \"breakdown\": \"EVEN\"}")));

        manager.post(
                        "/promotion/targets?store=tmall-flagship",
                        form(
                                "quarter",
                                "2026-Q4",
                                "amount",
                                "300000",
                                "breakdown",
                                "BY_HAND",
                                "months",
                                "100,000.01",
                                "months",
                                "99999.99",
                                "months",
                                "100000",
                                "owner",
                                "dev-store-manager"))
                .expectStatus()
                .isOk();
        services.verify(
                putRequestedFor(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"amountMinor\": 30000000, \"breakdown\": \"BY_HAND\", \"owner\": \"dev-store-manager\","
                                                + " \"months\": {\"2026-10\": 10000001, \"2026-11\": 9999999, \"2026-12\": 10000000}}")));

        String refused = manager.inChinese()
                .post(
                        "/promotion/targets?store=tmall-flagship",
                        form("quarter", "2026-Q4", "amount", "900000.005", "breakdown", "EVEN"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).contains("小数位不超过该币种的位数", "value=\"900000.005\"");
        services.verify(2, putRequestedFor(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4")));

        services.stubFor(put(urlPathEqualTo("/api/analytics/targets/tmall-flagship/2026-Q4"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:invalid-payload\", \"status\": 422,"
                                + " \"detail\": \"the months add up to 299999.99, 0.01 short of the quarter\"}")));
        assertThat(manager.post(
                                "/promotion/targets?store=tmall-flagship",
                                form("quarter", "2026-Q4", "amount", "300000", "breakdown", "EVEN"))
                        .expectStatus()
                        .isEqualTo(422)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("0.01 short of the quarter", "value=\"300000\"");

        assertThat(promotion.page("/promotion/targets?store=tmall-flagship&quarter=2026-Q4"))
                .contains("CN¥900,000.00", "progress-chart")
                .doesNotContain("id=\"target-form\"");
        promotion
                .post("/promotion/targets?store=tmall-flagship", form("quarter", "2026-Q4", "amount", "1"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theWeeklyReportComparesWithTheWeekBeforeAndItsPdfComesThroughTheConsole() {
        services.stubFor(get(urlPathEqualTo("/api/analytics/reports/weekly"))
                .withQueryParam("period", equalTo("2026-W47"))
                .willReturn(json(200, "analytics/report-weekly.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/reports/weekly/pdf"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("period", equalTo("2026-W47"))
                .withHeader("Authorization", equalTo("Bearer promotion-token"))
                .willReturn(file("application/pdf", "weekly-2026-W47.pdf", "%PDF-1.7")));

        assertThat(promotion.page("/promotion/reports?store=tmall-flagship&kind=weekly&period=2026-W47"))
                .contains("Weekly report 2026-W47", "2026-11-16 – 2026-11-22")
                .contains("CN¥48,000.00", "CN¥42,000.00", "+14.29%", "-8.57%", "+25.00%", "4.17%", "10.34", "10.01")
                .contains("href=\"/promotion/reports/weekly/pdf?store=tmall-flagship&amp;period=2026-W47\"");
        promotion
                .get("/promotion/reports/weekly/pdf?store=tmall-flagship&period=2026-W47")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/pdf")
                .expectBody(String.class)
                .isEqualTo("%PDF-1.7");
        promotion
                .get("/promotion/reports?store=tmall-flagship&kind=yearly")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anAnalyticsServiceOutOfReachLeavesTheOtherPagesAlone() {
        services.stubFor(get(urlPathMatching("/api/analytics/.*"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        promotion
                .get("/promotion/figures?store=tmall-flagship")
                .expectStatus()
                .isEqualTo(503)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("not reachable"));
        assertThat(promotion.page("/?store=tmall-flagship")).contains("nav-promotion");
    }

    /** A file as analytics-service answers a download: its type, its name and its content. */
    private static ResponseDefinitionBuilder file(String type, String fileName, String content) {
        return aResponse()
                .withHeader("Content-Type", type)
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .withBody(content);
    }
}
