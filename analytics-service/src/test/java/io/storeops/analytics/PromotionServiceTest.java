package io.storeops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Pay-per-click reports imported over HTTP, joined with orders and refunds from real Kafka records. */
@ServiceTest
class PromotionServiceTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final String PROMOTION = TestTokens.bearer("tg.zhou", StaffRole.PROMOTION, "tmall-flagship");

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aKeywordReportMeetsItsOrdersAndRefundsAndADayImportedAgainReplacesTheDay() {
        String first = AnalyticsFixtures.ZTC_KEYWORD_HEADER
                + "2026-10-05,龙井茶-双11冲量,6501234567,西湖龙井 250g,龙井茶,\"2,000\",100,5.00%,100.00,1.00,3,\"768.00\"\n"
                + "2026-10-06,龙井茶-双11冲量,6501234567,西湖龙井 250g,龙井茶,\"1,000\",50,5.00%,50.00,1.00,1,256.00\n"
                + "2026-10-06,龙井茶-双11冲量,6501234567,西湖龙井 250g,明前龙井,800,20,2.50%,20.00,1.00,0,0.00\n"
                + "2026-10-06,龙井茶-双11冲量,6501234567,西湖龙井 250g,龙井礼盒,800,20,2.50%,-5.00,1.00,0,0.00\n"
                + "合计,,,,,\"4,600\",190,,165.00,,4,\"1,024.00\"\n";

        String firstImport = completed(upload("zhitongche-keywords.csv", first.getBytes(GB18030)));
        http.get()
                .uri("/api/analytics/promotion/imports/{id}", firstImport)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.source")
                .isEqualTo("TAOBAO_ZTC")
                .jsonPath("$.grain")
                .isEqualTo("KEYWORD")
                .jsonPath("$.percent")
                .isEqualTo(100)
                .jsonPath("$.rowsAccepted")
                .isEqualTo(3)
                .jsonPath("$.rowsRefused")
                .isEqualTo(1)
                .jsonPath("$.days")
                .isEqualTo(List.of("2026-10-05", "2026-10-06"));
        String refused = http.get()
                .uri("/api/analytics/promotion/imports/{id}/refused-rows", firstImport)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).contains("5", "花费(元)", "龙井礼盒");

        // two tins bought on 龙井茶, one paid back
        String orderId = "tmall-flagship:P" + UUID.randomUUID();
        kafka.send(TestEvents.record(paidOn(orderId, "龙井茶", Instant.parse("2026-10-05T02:00:00Z")), "order-service", 1))
                .join();
        RefundCompleted oneTin = new RefundCompleted(
                orderId,
                "tmall-flagship",
                "rf-" + orderId,
                new Money(25600, "CNY"),
                Instant.parse("2026-10-08T02:00:00Z"),
                List.of(new LineAmount("TEA-LJ-250", 1, new Money(25600, "CNY"))));
        kafka.send(TestEvents.record(oneTin, "refund-service", 1)).join();
        kafka.send(TestEvents.record(oneTin, "refund-service", 1)).join();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> keywordFigures()
                        .jsonPath("$.rows[0].label")
                        .isEqualTo("龙井茶")
                        .jsonPath("$.rows[0].spendMinor")
                        .isEqualTo(15000)
                        .jsonPath("$.rows[0].reportedOrders")
                        .isEqualTo(4)
                        .jsonPath("$.rows[0].orders")
                        .isEqualTo(1)
                        .jsonPath("$.rows[0].gmvMinor")
                        .isEqualTo(51200)
                        .jsonPath("$.rows[0].refundedMinor")
                        .isEqualTo(25600)
                        .jsonPath("$.rows[0].ctr")
                        .isEqualTo(0.05) // 150 / 3000
                        .jsonPath("$.rows[0].roi")
                        .isEqualTo(3.41) // 51200 / 15000
                        .jsonPath("$.rows[0].roiNetOfRefunds")
                        .isEqualTo(1.71) // 25600 / 15000
                        .jsonPath("$.rows[1].label")
                        .isEqualTo("明前龙井")
                        .jsonPath("$.total.spendMinor")
                        .isEqualTo(17000));

        // the 6th again, corrected: it replaces the day, 明前龙井 included, and never adds to it
        String again = AnalyticsFixtures.ZTC_KEYWORD_HEADER
                + "2026-10-06,龙井茶-双11冲量,6501234567,西湖龙井 250g,龙井茶,\"1,000\",50,5.00%,70.00,1.40,1,256.00\n";
        completed(upload("zhitongche-keywords-1006.csv", again.getBytes(StandardCharsets.UTF_8)));
        completed(upload("zhitongche-keywords-1006.csv", again.getBytes(StandardCharsets.UTF_8)));

        keywordFigures()
                .jsonPath("$.rowsInAll")
                .isEqualTo(1)
                .jsonPath("$.rows[0].spendMinor")
                .isEqualTo(17000)
                .jsonPath("$.total.spendMinor")
                .isEqualTo(17000);
    }

    @Test
    void aFileThatIsNoReportFailsItsJobNamingWhyAndChangesNothing() {
        String unknownColumn = "日期,关键词,展现量,点击量,花费(元),利润\n2026-10-10,龙井茶,100,10,10.00,5\n";
        String failed = finished(upload("odd.csv", unknownColumn.getBytes(StandardCharsets.UTF_8)));

        http.get()
                .uri("/api/analytics/promotion/imports/{id}", failed)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("FAILED")
                .jsonPath("$.problem")
                .value(problem -> assertThat((String) problem).contains("利润"));
        String binary =
                finished(upload("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, (byte) 0xff}));
        http.get()
                .uri("/api/analytics/promotion/imports/{id}", binary)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("FAILED");
        http.get()
                .uri("/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-10-10&to=2026-10-10&by=keyword")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.rowsInAll")
                .isEqualTo(0);
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithA413AndNoJob() {
        StringBuilder large = new StringBuilder(AnalyticsFixtures.ZTC_KEYWORD_HEADER);
        while (large.length() <= 1024 * 1024) {
            large.append("2026-10-15,龙井茶-双11冲量,6501234567,西湖龙井 250g,龙井茶,100,1,1.00%,1.00,1.00,0,0.00\n");
        }

        http.post()
                .uri("/api/analytics/promotion/imports?storeId=tmall-flagship")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(
                        AnalyticsFixtures.file("large.csv", large.toString().getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:payload-too-large");
        http.get()
                .uri("/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-10-15&to=2026-10-15")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.rowsInAll")
                .isEqualTo(0);
    }

    @Test
    void twoAdAccountsOfAStoreAreTwoSpendsAndAReportOfBothIsRefused() {
        importRows(List.of(Map.of("day", "2026-10-20", "account", "旗舰店一号", "keyword", "龙井茶", "spendMinor", 1_000)));
        importRows(List.of(Map.of("day", "2026-10-20", "account", "旗舰店二号", "keyword", "龙井茶", "spendMinor", 2_000)));
        // the first account's day again, corrected: the second account's stays
        importRows(List.of(Map.of("day", "2026-10-20", "account", "旗舰店一号", "keyword", "龙井茶", "spendMinor", 1_500)));

        http.get()
                .uri("/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-10-20&to=2026-10-20&by=account")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.rowsInAll")
                .isEqualTo(2)
                .jsonPath("$.total.spendMinor")
                .isEqualTo(3_500);
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of(
                        "storeId",
                        "tmall-flagship",
                        "source",
                        "TAOBAO_ZTC",
                        "rows",
                        List.of(
                                Map.of("day", "2026-10-21", "account", "旗舰店一号", "spendMinor", 10),
                                Map.of("day", "2026-10-21", "account", "旗舰店二号", "spendMinor", 20))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("FAILED")
                .jsonPath("$.problem")
                .value(problem -> assertThat((String) problem).contains("more than one ad account"));
    }

    private void importRows(List<Map<String, Object>> rows) {
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of("storeId", "tmall-flagship", "source", "TAOBAO_ZTC", "rows", rows))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");
    }

    @Test
    void rowsSentAsJsonAreCheckedAllFirstAndOneRefusedRowRefusesThemAll() {
        Map<String, Object> good =
                Map.of("day", "2026-10-12", "region", "浙江", "impressions", 1000, "clicks", 40, "spendMinor", 8000);
        Map<String, Object> future = Map.of("day", "2099-01-01", "region", "上海", "impressions", 10, "clicks", 20);

        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of("storeId", "tmall-flagship", "source", "TAOBAO_ZTC", "rows", List.of(good, future)))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:invalid-report-rows")
                .jsonPath("$.errors[?(@.row == 1 && @.field == 'day')]")
                .exists()
                .jsonPath("$.errors[?(@.row == 1 && @.field == 'clicks')]")
                .exists();
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of("storeId", "tmall-flagship", "source", "TAOBAO_ZTC", "rows", List.of(good)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.grain")
                .isEqualTo("REGION");
        http.get()
                .uri("/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-10-12&to=2026-10-12&by=region")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.rows[0].label")
                .isEqualTo("浙江")
                .jsonPath("$.rows[0].cpcMinor")
                .isEqualTo(200);
    }

    @Test
    void todaysSalesAndSpendArePublishedPerStoreForDashboards() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        kafka.send(TestEvents.record(
                        paidOn("tmall-flagship:G" + UUID.randomUUID(), "龙井茶", Instant.now()), "order-service", 1))
                .join();
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of(
                        "storeId",
                        "tmall-flagship",
                        "source",
                        "TAOBAO_ZTC",
                        "rows",
                        List.of(Map.of("day", today, "impressions", 500, "clicks", 25, "spendMinor", 12_345))))
                .exchange()
                .expectStatus()
                .isOk();

        // gauges are counted on a timer, and a slow round of counts is followed by 20 times its duration
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Scrapes.value(
                            http, "storeops_promotion_spend_minor", "store=\"tmall-flagship\"", "window=\"today\""))
                    .isEqualTo(12_345);
            assertThat(Scrapes.value(http, "storeops_sales_gmv_minor", "store=\"tmall-flagship\"", "window=\"today\""))
                    .isGreaterThanOrEqualTo(51_200);
            assertThat(Scrapes.value(http, "storeops_sales_orders", "store=\"tmall-flagship\"", "window=\"30d\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(Scrapes.value(http, "storeops_sales_gmv_minor", "store=\"tmall-flagship\"", "window=\"month\""))
                    .as("the month to date holds today")
                    .isGreaterThanOrEqualTo(51_200);
            assertThat(Scrapes.value(
                            http, "storeops_promotion_spend_minor", "store=\"tmall-flagship\"", "window=\"month\""))
                    .isGreaterThanOrEqualTo(12_345);
        });
        YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        int quarter = (thisMonth.getMonthValue() + 2) / 3;
        http.put()
                .uri("/api/analytics/targets/tmall-flagship/{quarter}", thisMonth.getYear() + "-Q" + quarter)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship"))
                .bodyValue(Map.of("amountMinor", 900_000, "breakdown", "EVEN"))
                .exchange()
                .expectStatus()
                .isOk();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                Scrapes.value(http, "storeops_sales_target_minor", "store=\"tmall-flagship\""))
                        .as("this month's share of the quarter's target the manager set, for sales against target")
                        .isEqualTo(300_000));
    }

    @Test
    void badParametersAreProblemsNamingWhatIsAccepted() {
        // who may import and read is the security matrix's
        String manager = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship");
        String figures = "/api/analytics/promotion/figures?storeId=tmall-flagship&by=keyword";

        http.get()
                .uri(figures.replace("keyword", "shelf"))
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("account, campaign, item, keyword"));
        http.get()
                .uri(figures + "&sort=profit")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/analytics/promotion/imports/ppc-nope")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient.BodyContentSpec keywordFigures() {
        return http.get()
                .uri("/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-10-05&to=2026-10-06"
                        + "&by=keyword&sort=spend")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private String upload(String name, byte[] content) {
        return http.post()
                .uri("/api/analytics/promotion/imports?storeId=tmall-flagship")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(AnalyticsFixtures.file(name, content)))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("importId")
                .toString();
    }

    /** Waits for the import to finish and answers its id; it must have completed. */
    private String completed(String importId) {
        finished(importId);
        http.get()
                .uri("/api/analytics/promotion/imports/{id}", importId)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");
        return importId;
    }

    private String finished(String importId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<?, ?> job = http.get()
                    .uri("/api/analytics/promotion/imports/{id}", importId)
                    .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            return "COMPLETED".equals(job.get("status")) || "FAILED".equals(job.get("status"));
        });
        return importId;
    }

    private static OrderPaid paidOn(String orderId, String keyword, Instant paidAt) {
        return AnalyticsFixtures.paid(
                orderId,
                "storefront",
                List.of(new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(25600, "CNY"))),
                paidAt,
                AnalyticsFixtures.HANGZHOU,
                new Attribution("ztc", "cpc", "龙井茶-双11冲量", keyword));
    }
}
