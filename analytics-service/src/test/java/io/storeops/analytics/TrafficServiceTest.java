package io.storeops.analytics;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Shop traffic imported over HTTP and joined with real Kafka order records of tmall-flagship (2025-06 and 2025-07). */
@ServiceTest
class TrafficServiceTest {

    private static final String PROMOTION = TestTokens.bearer("tg.zhou", StaffRole.PROMOTION, "tmall-flagship");
    private static final String DESIGNER = TestTokens.bearer("ui.chen", StaffRole.DESIGNER, "tmall-flagship");

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aShopExportMeetsThePaidOrdersAndADayImportedAgainReplacesTheDay() {
        upload("店铺整体.csv", "统计日期,访客数,浏览量,跳失率\n2025-07-01,1000,2500,40%\n2025-07-02,500,1000,40%\n")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.source")
                .isEqualTo("SYCM")
                .jsonPath("$.grain")
                .isEqualTo("STORE")
                .jsonPath("$.rowsKept")
                .isEqualTo(2)
                .jsonPath("$.days")
                .isEqualTo(List.of("2025-07-01", "2025-07-02"))
                .jsonPath("$.daysReplaced")
                .isEmpty()
                .jsonPath("$.columnsIgnored[0]")
                .isEqualTo("跳失率");
        // two orders of 512.00 paid on 1 July in Hangzhou
        for (int i = 0; i < 2; i++) {
            kafka.send(TestEvents.record(paid(Instant.parse("2025-07-01T02:00:00Z")), "order-service", 1))
                    .join();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> byDay().jsonPath("$.rows[0].day")
                        .isEqualTo("2025-07-01")
                        .jsonPath("$.rows[0].visitors")
                        .isEqualTo(1000)
                        .jsonPath("$.rows[0].paidOrders")
                        .isEqualTo(2)
                        .jsonPath("$.rows[0].gmvMinor")
                        .isEqualTo(102_400)
                        .jsonPath("$.rows[0].conversion")
                        .isEqualTo(0.002) // 2 / 1000
                        .jsonPath("$.rows[0].pagesPerVisitor")
                        .isEqualTo(2.5)
                        .jsonPath("$.rows[0].aovMinor")
                        .isEqualTo(51_200)
                        .jsonPath("$.rows[1].conversion")
                        .isEqualTo(0.0) // no orders on the 2nd
                        .jsonPath("$.total.visitors")
                        .isEqualTo(1500));

        // the 2nd again, corrected, twice: it replaces the day and never adds to it
        for (int i = 0; i < 2; i++) {
            upload("店铺整体-0702.csv", "统计日期,访客数,浏览量\n2025-07-02,800,1600\n")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.daysReplaced")
                    .isEqualTo(List.of("2025-07-02"));
        }
        byDay().jsonPath("$.rows[1].visitors")
                .isEqualTo(800)
                .jsonPath("$.rows[0].visitors")
                .isEqualTo(1000)
                .jsonPath("$.total.visitors")
                .isEqualTo(1800)
                .jsonPath("$.total.pageViews")
                .isEqualTo(4100);
    }

    @Test
    void itemsOfAShengYiCanMouExportMeetTheirOrdersByTitleAndDesignersReadThem() throws IOException {
        byte[] export;
        try (InputStream in = getClass().getResourceAsStream("/traffic/sycm-items-gb18030.csv")) {
            export = in.readAllBytes();
        }
        upload("商品效果.csv", export)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.grain")
                .isEqualTo("ITEM")
                .jsonPath("$.rowsKept")
                .isEqualTo(4)
                .jsonPath("$.rowsRefused")
                .isEqualTo(1)
                .jsonPath("$.refusedRows[0].line")
                .isEqualTo(9)
                .jsonPath("$.refusedRows[0].column")
                .isEqualTo("商品访客数");
        kafka.send(TestEvents.record(paid(Instant.parse("2025-06-01T04:00:00Z")), "order-service", 1))
                .join();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri("/api/analytics/traffic?storeId=tmall-flagship&from=2025-06-01&to=2025-06-02&by=item")
                        .header(HttpHeaders.AUTHORIZATION, DESIGNER)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.rows[0].itemId")
                        .isEqualTo("6501234567")
                        .jsonPath("$.rows[0].sku")
                        .isEqualTo("TEA-LJ-250")
                        .jsonPath("$.rows[0].visitors")
                        .isEqualTo(2000)
                        .jsonPath("$.rows[0].pageViews")
                        .isEqualTo(5000)
                        .jsonPath("$.rows[0].paidOrders")
                        .isEqualTo(1)
                        .jsonPath("$.rows[0].conversion")
                        .isEqualTo(0.0005) // 1 / 2000
                        .jsonPath("$.rows[1].itemTitle")
                        .isEqualTo("明前碧螺春 100g")
                        .jsonPath("$.rows[1].paidOrders")
                        .isEqualTo(0));
    }

    @Test
    void badParametersAndBadFilesAreProblemsThatChangeNothing() {
        // who may import and read is the security matrix's
        String figures = "/api/analytics/traffic?storeId=tmall-flagship&from=2025-08-01&to=2025-08-02";

        http.get()
                .uri(figures + "&by=week")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isBadRequest();
        upload("no-date.csv", "商品名称,访客数,浏览量\n龙井,10,20\n")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:file-refused")
                .jsonPath("$.reason")
                .isEqualTo("NO_DATE_COLUMN");
        upload("twice.csv", "统计日期,访客数,UV\n2025-08-01,10,10\n")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.column")
                .isEqualTo("UV");
        upload("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, (byte) 0xff})
                .expectStatus()
                .isBadRequest();
        upload("all-bad.csv", "统计日期,访客数\n2025-08-01,很多\n")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].line")
                .isEqualTo(2)
                .jsonPath("$.errors[0].column")
                .isEqualTo("访客数");
        http.get()
                .uri(figures)
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows")
                .isEmpty();
    }

    private WebTestClient.BodyContentSpec byDay() {
        return http.get()
                .uri("/api/analytics/traffic?storeId=tmall-flagship&from=2025-07-01&to=2025-07-02&by=day")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec upload(String name, String content) {
        return upload(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec upload(String name, byte[] content) {
        return new AnalyticsFixtures(http, kafka)
                .upload("/api/analytics/traffic/imports?storeId=tmall-flagship", PROMOTION, name, content);
    }

    /** Two tins of 西湖龙井 of 256.00 to Hangzhou. */
    static OrderPaid paid(Instant paidAt) {
        return AnalyticsFixtures.paidTmall("TEA-LJ-250", "西湖龙井 250g", 2, 25_600, paidAt, null);
    }
}
