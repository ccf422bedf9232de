package io.storeops.console.analytics;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.storeops.console.ServiceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.storeops.console.Browser;
import io.storeops.console.ConsoleTest;
import io.storeops.console.StubServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The promotion screens in a real browser (Debian's chromium), analytics-service and the desks
 * stubbed with WireMock: the promotion specialist imports a keyword report and watches its
 * progress to COMPLETED with the refused rows' link, sorts the keyword table by ROI net of refunds
 * with both ROI columns in view, and opens the weekly report with its PDF; the manager, in
 * Chinese, sets the quarter's target in yuan and sees its progress. Screens are photographed into
 * {@code target/screenshots}.
 */
@ConsoleTest
class PromotionBrowserIT {

    private static final String IMPORT = "/api/analytics/promotion/imports/ppc-0001";
    private static final String FIGURES = "/api/analytics/promotion/figures";
    private static final String TARGETS = "/api/analytics/targets/tmall-flagship";

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private final WireMockServer services = StubServices.server();

    @BeforeEach
    void stubTheServices() {
        services.resetAll();
        PromotionPagesTest.stubDesks();
        services.stubFor(get(urlPathEqualTo("/api/analytics/promotion/imports")).willReturn(json(200, "[]")));
        services.stubFor(post(urlPathEqualTo("/api/analytics/promotion/imports"))
                .willReturn(json(202, "analytics/import-running.json")));
        // the job runs for two looks, then completes
        services.stubFor(get(urlPathEqualTo(IMPORT))
                .inScenario("import")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("read more")
                .willReturn(json(200, "analytics/import-running.json")));
        services.stubFor(get(urlPathEqualTo(IMPORT))
                .inScenario("import")
                .whenScenarioStateIs("read more")
                .willSetStateTo("done")
                .willReturn(json(200, ServiceStubsText.running(80))));
        services.stubFor(get(urlPathEqualTo(IMPORT))
                .inScenario("import")
                .whenScenarioStateIs("done")
                .willReturn(json(200, "analytics/import-completed.json")));
        services.stubFor(get(urlPathEqualTo(FIGURES)).willReturn(json(200, "analytics/figures-keyword.json")));
        services.stubFor(get(urlPathEqualTo("/api/analytics/reports/weekly"))
                .willReturn(json(200, "analytics/report-weekly.json")));

        services.stubFor(get(urlPathEqualTo(TARGETS))
                .inScenario("target")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "analytics/targets-none.json")));
        services.stubFor(put(urlPathEqualTo(TARGETS + "/2026-Q4"))
                .inScenario("target")
                .willSetStateTo("set")
                .willReturn(json(200, "analytics/target-q4.json")));
        services.stubFor(get(urlPathEqualTo(TARGETS))
                .inScenario("target")
                .whenScenarioStateIs("set")
                .willReturn(json(200, "analytics/targets-2026.json")));
        services.stubFor(
                get(urlPathEqualTo(TARGETS + "/2026-Q4/progress")).willReturn(json(200, "analytics/progress-q4.json")));
    }

    @Test
    void thePromotionSpecialistImportsSortsByRoiNetOfRefundsAndOpensTheWeeklyReport() throws Exception {
        Path report = files.resolve("ztc-keywords-2026-11.csv");
        Files.writeString(report, "日期,关键词,展现量,点击量,花费\n2026-11-20,龙井茶,5000,150,470.00\n", StandardCharsets.UTF_8);
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn("dev-promotion");

            browser.find(By.id("nav-promotion")).click();
            browser.find(By.id("tab-imports")).click();
            browser.find(By.id("report-file")).sendKeys(report.toString());
            browser.find(By.id("import-submit")).click();
            assertThat(browser.find(By.id("import-progress")).getAttribute("value"))
                    .isIn("40", "80");
            browser.screenshot("promotion-import-running");
            browser.waitForText(By.id("import-status"), "Completed");
            assertThat(browser.find(By.id("import-outcome")).getText())
                    .contains("24 rows kept, 1 refused", "2026-11-20, 2026-11-21, 2026-11-22");
            assertThat(browser.has(By.id("import-progress"))).isFalse();
            WebElement refused = browser.find(By.cssSelector("#import-job .refused-csv"));
            assertThat(refused.getAttribute("href")).endsWith("/promotion/imports/ppc-0001/refused-rows?format=csv");
            browser.screenshot("promotion-import-completed");

            browser.open("/promotion/figures?store=tmall-flagship&from=2026-11-20&to=2026-11-22&by=keyword");
            browser.find(By.cssSelector("#col-roiNetOfRefunds a")).click();
            browser.waitForText(By.id("col-roiNetOfRefunds"), "▼");
            services.verify(getRequestedFor(urlPathEqualTo(FIGURES))
                    .withQueryParam("by", equalTo("keyword"))
                    .withQueryParam("sort", equalTo("roiNetOfRefunds"))
                    .withQueryParam("order", equalTo("desc")));
            assertThat(browser.find(By.id("col-roi")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("col-roiNetOfRefunds")).isDisplayed()).isTrue();
            List<String> firstRow = browser
                    .find(By.cssSelector("#figures tbody tr"))
                    .findElements(By.cssSelector("td[data-col^='roi']"))
                    .stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(firstRow).containsExactly("1.20", "1.20");
            assertThat(browser.find(By.cssSelector("#figures tbody tr:nth-child(2)"))
                            .getText())
                    .contains("龙井茶", "CN¥1,511.53", "0.79", "0.59");
            assertThat(browser.find(By.id("roi-chart")).isDisplayed()).isTrue();
            browser.screenshot("promotion-keywords-by-roi-net");

            browser.find(By.id("tab-reports")).click();
            new Select(browser.find(By.id("report-kind"))).selectByValue("weekly");
            browser.find(By.id("report-period")).sendKeys("2026-W47");
            browser.find(By.id("report-submit")).click();
            browser.waitForText(By.id("report-title"), "Weekly report 2026-W47");
            assertThat(browser.find(By.id("figure-gmv")).getText()).contains("CN¥48,000.00", "+14.29%");
            assertThat(browser.find(By.id("report-pdf")).getAttribute("href"))
                    .endsWith("/promotion/reports/weekly/pdf?store=tmall-flagship&period=2026-W47");
            browser.screenshot("promotion-weekly-report");
        }
    }

    @Test
    void theManagerSetsTheQuartersTargetInChineseAndSeesItsProgress() throws Exception {
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn("dev-manager");
            browser.open("/promotion/targets?store=tmall-flagship&year=2026");
            assertThat(browser.find(By.id("no-targets")).getText()).isEqualTo("本年尚未设定目标。");

            new Select(browser.find(By.id("target-quarter"))).selectByValue("2026-Q4");
            browser.find(By.id("target-amount")).sendKeys("900,000.00");
            new Select(browser.find(By.id("target-breakdown"))).selectByValue("EVEN");
            browser.find(By.id("target-submit")).click();

            browser.waitForText(By.id("target-set"), "2026-Q4 的目标已设定。");
            services.verify(putRequestedFor(urlPathEqualTo(TARGETS + "/2026-Q4"))
                    .withHeader("Authorization", equalTo("Bearer manager-token"))
                    .withRequestBody(equalToJson("{\"amountMinor\": 90000000, \"breakdown\": \"EVEN\"}")));
            assertThat(browser.find(By.id("targets")).getText()).contains("2026-Q4", "¥900,000.00", "平均分配");
            assertThat(browser.find(By.id("progress-share")).getText()).isEqualTo("47.44%");
            assertThat(browser.find(By.id("progress-figures")).getText()).contains("已完成", "尚差", "92 天中的第 61 天");
            assertThat(browser.find(By.id("progress-chart")).isDisplayed()).isTrue();
            browser.screenshot("promotion-target-progress-zh");
        }
    }
}
