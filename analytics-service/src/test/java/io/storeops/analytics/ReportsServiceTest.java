package io.storeops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.analytics.reports.OperationsReports;
import io.storeops.analytics.reports.WeeklyReportFiles;
import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A week of the Shopify store from real Kafka records, an imported report and a target, as the weekly report tells it. */
@ServiceTest
class ReportsServiceTest {

    private static final String STORE = "shopify-us";
    private static final String MANAGER = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    OperationsReports reports;

    @Autowired
    StoreCatalog stores;

    @Test
    void theWeeklyReportHoldsTheWeekAgainstTheWeekBeforeAndTheQuartersTarget() throws IOException {
        events().send(
                        new DispatchBatchCreated(
                                "b-0513",
                                STORE,
                                LocalDate.parse("2024-05-13"),
                                Instant.parse("2024-05-13T18:00:00Z"),
                                List.of(),
                                2),
                        "fulfillment-service");
        events().send(paid("W20-A", 10_000, "2024-05-13T14:00:00Z", "tea mug"), "order-service");
        events().send(paid("W20-B", 5_000, "2024-05-14T15:00:00Z", null), "order-service");
        events().send(paid("W20-C", 3_000, "2024-05-15T15:00:00Z", null), "order-service");
        events().send(paid("W19-D", 6_000, "2024-05-08T15:00:00Z", null), "order-service");
        events().send(dispatched("W20-A", "2024-05-13T20:00:00Z"), "fulfillment-service");
        // the batch of the 13th, but it left on the 15th (New York)
        events().send(dispatched("W20-B", "2024-05-15T15:00:00Z"), "fulfillment-service");
        events().send(
                        new OrderCancelled(
                                STORE + ":W20-C", STORE, "buyer", "cs", Instant.parse("2024-05-16T15:00:00Z")),
                        "order-service",
                        2);
        events().send(
                        new RefundCompleted(
                                STORE + ":W20-A",
                                STORE,
                                "rf-W20-A",
                                new Money(2_000, "USD"),
                                Instant.parse("2024-05-17T15:00:00Z"),
                                List.of(new LineAmount("MUG-1", 1, new Money(2_000, "USD")))),
                        "refund-service");
        events().send(
                        new ShipmentException(
                                STORE + ":W20-B",
                                STORE,
                                "shp-W20-B",
                                "LOST",
                                "no scan for 3 days",
                                Instant.parse("2024-05-18T15:00:00Z")),
                        "fulfillment-service",
                        2);
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .bodyValue(Map.of(
                        "storeId",
                        STORE,
                        "source",
                        "GOOGLE_ADS",
                        "rows",
                        List.of(
                                Map.of(
                                        "day",
                                        "2024-05-13",
                                        "campaign",
                                        "Spring ",
                                        "keyword",
                                        "tea mug",
                                        "impressions",
                                        1000,
                                        "clicks",
                                        50,
                                        "spendMinor",
                                        4000),
                                Map.of(
                                        "day",
                                        "2024-05-14",
                                        "campaign",
                                        "Spring ",
                                        "keyword",
                                        "tea mug",
                                        "impressions",
                                        300,
                                        "clicks",
                                        10,
                                        "spendMinor",
                                        1000))))
                .exchange()
                .expectStatus()
                .isOk();
        http.put()
                .uri("/api/analytics/targets/{store}/2024-Q2", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .bodyValue(Map.of("amountMinor", 900_000, "breakdown", "EVEN"))
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> weekly("2024-W20")
                        .jsonPath("$.figures.paidOrders")
                        .isEqualTo(3)
                        .jsonPath("$.figures.gmvMinor")
                        .isEqualTo(18_000)
                        .jsonPath("$.figures.aovMinor")
                        .isEqualTo(6_000)
                        .jsonPath("$.figures.cancelled")
                        .isEqualTo(1)
                        .jsonPath("$.figures.parcelsDispatched")
                        .isEqualTo(2)
                        .jsonPath("$.figures.dispatchedLate")
                        .isEqualTo(1)
                        .jsonPath("$.figures.troublesReported")
                        .isEqualTo(1)
                        .jsonPath("$.figures.parcelsInTrouble")
                        .isEqualTo(1)
                        .jsonPath("$.figures.refunds")
                        .isEqualTo(1)
                        .jsonPath("$.figures.refundedMinor")
                        .isEqualTo(2_000)
                        .jsonPath("$.figures.refundRate")
                        .isEqualTo(0.3333)
                        .jsonPath("$.figures.netMinor")
                        .isEqualTo(16_000)
                        .jsonPath("$.figures.adSpendMinor")
                        .isEqualTo(5_000)
                        .jsonPath("$.figures.roi")
                        .isEqualTo(3.6)
                        .jsonPath("$.figures.roiNetOfRefunds")
                        .isEqualTo(3.2)
                        .jsonPath("$.previous.gmvMinor")
                        .isEqualTo(6_000)
                        .jsonPath("$.changes.gmv")
                        .isEqualTo(2.0)
                        .jsonPath("$.target.targetMinor")
                        .isEqualTo(900_000)
                        .jsonPath("$.target.achievedMinor")
                        .isEqualTo(24_000)
                        .jsonPath("$.days.length()")
                        .isEqualTo(7)
                        .jsonPath("$.days[0].gmvMinor")
                        .isEqualTo(10_000)
                        .jsonPath("$.topKeywords[0].label")
                        .isEqualTo("tea mug")
                        .jsonPath("$.topKeywords[0].figures.attributed.refundedMinor")
                        .isEqualTo(2_000));

        // the campaign ran that week: the week before and after as long, and what its mug sold in all
        http.get()
                .uri("/api/analytics/reports/campaign?storeId={s}&campaign=spring&from=2024-05-13&to=2024-05-19", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEqualTo(List.of("mug-1"))
                .jsonPath("$.windows[0].phase")
                .isEqualTo("BEFORE")
                .jsonPath("$.windows[0].from")
                .isEqualTo("2024-05-06")
                .jsonPath("$.windows[0].itemSales[0].orders")
                .isEqualTo(1)
                .jsonPath("$.windows[0].itemSales[0].gmvMinor")
                .isEqualTo(6_000)
                .jsonPath("$.windows[1].phase")
                .isEqualTo("DURING")
                .jsonPath("$.windows[1].campaign.spendMinor")
                .isEqualTo(5_000)
                .jsonPath("$.windows[1].campaign.attributed.orders")
                .isEqualTo(1)
                .jsonPath("$.windows[1].campaign.attributed.refundedMinor")
                .isEqualTo(2_000)
                .jsonPath("$.windows[1].keywords[0].label")
                .isEqualTo("tea mug")
                .jsonPath("$.windows[1].itemSales[0].sku")
                .isEqualTo("MUG-1")
                .jsonPath("$.windows[1].itemSales[0].orders")
                .isEqualTo(3)
                .jsonPath("$.windows[1].itemSales[0].gmvMinor")
                .isEqualTo(18_000)
                .jsonPath("$.windows[1].itemSales[0].refundedMinor")
                .isEqualTo(2_000)
                .jsonPath("$.windows[2].phase")
                .isEqualTo("AFTER")
                .jsonPath("$.windows[2].to")
                .isEqualTo("2024-05-26")
                .jsonPath("$.windows[2].itemSales[0].orders")
                .isEqualTo(0);
        byte[] weeklyPdf = http.get()
                .uri("/api/analytics/reports/weekly/pdf?storeId={s}&period=2024-W20", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition).contains("weekly-shopify-us-2024-W20.pdf"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(textOf(weeklyPdf)).contains("每周运营报表", "Weekly report", "$180.00", "tea mug");
        byte[] campaignPdf = http.get()
                .uri(
                        "/api/analytics/reports/campaign/pdf?storeId={s}&campaign=spring&from=2024-05-13&to=2024-05-19",
                        STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(textOf(campaignPdf)).contains("活动效果分析", "spring", "活动中 During");
        http.get()
                .uri("/api/analytics/reports/campaign?storeId={s}&campaign=spring&from=2024-05-19&to=2024-05-13", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/analytics/reports/weekly?storeId={s}&period=2024-W99", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/analytics/reports/yearly?storeId={s}", STORE)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/analytics/reports/daily?storeId={s}", STORE)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void eachStoresWeeklyReportOfTheWeekJustOverIsWrittenOnceIntoTheFolder(@TempDir Path folder) throws IOException {
        // its own folder and Monday: the service's own look at start writes into the configured folder
        // at the same time, and would race a test that deleted a file there
        Clock mondayMorning = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
        WeeklyReportFiles weeklyFiles =
                new WeeklyReportFiles(reports, stores, mondayMorning, folder.toString(), Duration.ofHours(1));
        Path tmall = folder.resolve("weekly-tmall-flagship-2026-W48.pdf");

        List<Path> written = weeklyFiles.writeDue().collectList().block();

        assertThat(written).contains(tmall);
        assertThat(textOf(Files.readAllBytes(tmall))).contains("每周运营报表", "2026-W48");
        assertThat(weeklyFiles.writeDue().collectList().block()).as("once").isEmpty();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private WebTestClient.BodyContentSpec weekly(String week) {
        return http.get()
                .uri("/api/analytics/reports/weekly?storeId={s}&period={w}", STORE, week)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private AnalyticsFixtures events() {
        return new AnalyticsFixtures(http, kafka);
    }

    private static ShipmentDispatched dispatched(String number, String at) {
        return AnalyticsFixtures.dispatched(STORE + ":" + number, "UPS", "1Z" + number, "b-0513", Instant.parse(at));
    }

    private static OrderPaid paid(String number, long totalMinor, String paidAt, String keyword) {
        return AnalyticsFixtures.paid(
                STORE + ":" + number,
                "shopify",
                List.of(new OrderLine("MUG-1", "Stoneware mug", 1, new Money(totalMinor, "USD"))),
                Instant.parse(paidAt),
                new Address("Ann Lee", "5550100", "US", "NY", "New York", null, "1 Main St", null, "10001"),
                keyword == null ? Attribution.NONE : new Attribution("google", "cpc", "spring", keyword));
    }
}
