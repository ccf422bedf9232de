package io.storeops.analytics;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The cost ledger of tmall-flagship over 2025-09 and 2025-10 (no other test uses them), with real orders and PPC spend. */
@ServiceTest
class CostsServiceTest {

    private static final String MANAGER = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship");
    private static final String PROMOTION = TestTokens.bearer("tg.zhou", StaffRole.PROMOTION, "tmall-flagship");
    private static final String COSTS = "/api/analytics/costs/tmall-flagship";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void enteredImportedAndAdSpendCostsAgainstNetSalesGiveTheOperatingRoi() {
        // staff 15 000.00, sent twice under one key; a fee entered and removed again
        for (int i = 0; i < 2; i++) {
            enter("2025-09", "wages-2025-09", Map.of("category", "工资", "amountMinor", 1_500_000, "note", "客服3人"))
                    .expectStatus()
                    .isEqualTo(i == 0 ? 201 : 200)
                    .expectBody()
                    .jsonPath("$.entries.length()")
                    .isEqualTo(1);
        }
        enter("2025-09", "wages-2025-09", Map.of("category", "STAFF", "amountMinor", 1))
                .expectStatus()
                .isEqualTo(409);
        String feeId = enter("2025-09", null, Map.of("category", "PLATFORM_FEES", "amountMinor", 300_000))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .toString()
                .replaceAll("(?s).*entryId=(entry-[0-9a-f-]+).*", "$1");
        http.delete()
                .uri(COSTS + "/2025-09/entries/{id}", feeId)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries.length()")
                .isEqualTo(1);
        http.delete()
                .uri(COSTS + "/2025-09/entries/{id}", feeId)
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isNotFound();
        enter("2025-09", null, Map.of("category", "AD_SPEND", "amountMinor", 1))
                .expectStatus()
                .isEqualTo(422);

        // imported twice: the same costs once; a file with a bad row changes nothing
        String ledger = "月份,类别,金额(元),说明\n2025-10,运费,800.00,顺丰\n2025-09,其他,100.00,包材\n";
        for (int i = 0; i < 2; i++) {
            importCosts(ledger.getBytes(Charset.forName("GB18030")))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.rows")
                    .isEqualTo(2);
        }
        importCosts("月份,类别,金额\n2025-10,运费,1.00\n2025-10,房租,5.00\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].line")
                .isEqualTo(3)
                .jsonPath("$.errors[0].column")
                .isEqualTo("类别");

        // 2 000.00 of pay-per-click on 10 September; an order of 50 000.00 paid on the 15th, 1 000.00 paid back
        http.post()
                .uri("/api/analytics/promotion/rows")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of(
                        "storeId",
                        "tmall-flagship",
                        "source",
                        "TAOBAO_ZTC",
                        "rows",
                        List.of(Map.of("day", "2025-09-10", "impressions", 1000, "clicks", 10, "spendMinor", 200_000))))
                .exchange()
                .expectStatus()
                .isOk();
        OrderPaid order = AnalyticsFixtures.paidTmall(
                "TEA-GIFT", "龙井礼盒", 1, 5_000_000, Instant.parse("2025-09-15T02:00:00Z"), null);
        kafka.send(TestEvents.record(order, "order-service", 1)).join();
        kafka.send(TestEvents.record(
                        new RefundCompleted(
                                order.orderId(),
                                "tmall-flagship",
                                "rf-" + order.orderId(),
                                new Money(100_000, "CNY"),
                                Instant.parse("2025-09-20T02:00:00Z"),
                                List.of()),
                        "refund-service",
                        1))
                .join();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri(COSTS + "?from=2025-09&to=2025-10")
                        .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.months[0].month")
                        .isEqualTo("2025-09")
                        .jsonPath("$.months[0].costs.STAFF")
                        .isEqualTo(1_500_000)
                        .jsonPath("$.months[0].costs.OTHER")
                        .isEqualTo(10_000)
                        .jsonPath("$.months[0].costs.PLATFORM_FEES")
                        .isEqualTo(0)
                        .jsonPath("$.months[0].costs.AD_SPEND")
                        .isEqualTo(200_000)
                        .jsonPath("$.months[0].totalCostMinor")
                        .isEqualTo(1_710_000)
                        .jsonPath("$.months[0].gmvMinor")
                        .isEqualTo(5_000_000)
                        .jsonPath("$.months[0].netSalesMinor")
                        .isEqualTo(4_900_000)
                        .jsonPath("$.months[0].roi")
                        .isEqualTo(2.87) // 4 900 000 / 1 710 000 = 2.8655
                        .jsonPath("$.months[0].costRatio")
                        .isEqualTo(0.349) // 1 710 000 / 4 900 000 = 0.348979
                        .jsonPath("$.months[1].costs.SHIPPING")
                        .isEqualTo(80_000)
                        .jsonPath("$.months[1].roi")
                        .isEqualTo(0.0)
                        .jsonPath("$.months[1].costRatio")
                        .doesNotExist()
                        .jsonPath("$.total.totalCostMinor")
                        .isEqualTo(1_790_000)
                        .jsonPath("$.total.roi")
                        .isEqualTo(2.74)); // 4 900 000 / 1 790 000 = 2.7374
    }

    @Test
    void onlyManagersKeepTheLedgerOnlyItsReadersReadItAndBadMonthsAreProblems() {
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship");
        String otherStore = TestTokens.bearer("mgr.li", StaffRole.MANAGER, "shopify-us");

        http.get()
                .uri(COSTS)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri(COSTS)
                .header(HttpHeaders.AUTHORIZATION, otherStore)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri(COSTS + "/2025-10/entries")
                .header(HttpHeaders.AUTHORIZATION, PROMOTION)
                .bodyValue(Map.of("category", "OTHER", "amountMinor", 1))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri(COSTS + "?from=2025-13&to=2025-10")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri(COSTS + "?from=2023-01&to=2025-10")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private WebTestClient.ResponseSpec enter(String month, String key, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request =
                http.post().uri(COSTS + "/" + month + "/entries").header(HttpHeaders.AUTHORIZATION, MANAGER);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec importCosts(byte[] content) {
        return http.post()
                .uri(COSTS + "/imports")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(AnalyticsFixtures.file("ledger.csv", content)))
                .exchange();
    }
}
