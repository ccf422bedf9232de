package io.storeops.analytics;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sales targets against real orders of tmall-flagship (Asia/Shanghai, CNY): each test has a quarter of its own
 * (2024-Q2 with 2023-Q2, 2024-Q3), which no other test uses.
 */
@ServiceTest
class TargetsServiceTest {

    private static final String MANAGER = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship");
    private static final String PROMOTION = TestTokens.bearer("ads.zhao", StaffRole.PROMOTION, "tmall-flagship");
    private static final String TARGETS = "/api/analytics/targets/tmall-flagship/";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aQuarterTargetWeighedByLastYearAndItsProgressFromThePaidOrders() {
        // last year's Q2: 10 000, 20 000, 10 000 (weights 1 : 2 : 1); this year's so far: 3 000 + 7 000 in April,
        // 5 000 in May; paid at noon in Hangzhou
        for (var order : List.of(
                Map.entry("2023-04-12", 10_000L),
                Map.entry("2023-05-12", 20_000L),
                Map.entry("2023-06-12", 10_000L),
                Map.entry("2024-04-01", 3_000L),
                Map.entry("2024-04-10", 7_000L),
                Map.entry("2024-05-02", 5_000L))) {
            kafka.send(TestEvents.record(paid(order.getValue(), order.getKey()), "order-service", 1))
                    .join();
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri("/api/analytics/sales?storeId=tmall-flagship&from=2023-04-01&to=2023-06-30")
                        .header(HttpHeaders.AUTHORIZATION, MANAGER)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.currencies[0].gmvMinor")
                        .isEqualTo(40_000));

        // 100 001 × 1/4, 2/4, 1/4 = 25 000.25, 50 000.5, 25 000.25: the odd fen goes to May
        set("2024-Q2", MANAGER, Map.of("amountMinor", 100_001, "breakdown", "LAST_YEAR"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.targetId")
                .isEqualTo("tmall-flagship|2024-Q2|store")
                .jsonPath("$.currency")
                .isEqualTo("CNY")
                .jsonPath("$.breakdown")
                .isEqualTo("LAST_YEAR")
                .jsonPath("$.setBy")
                .isEqualTo("mgr.wang")
                .jsonPath("$.months[0].month")
                .isEqualTo("2024-04")
                .jsonPath("$.months[0].amountMinor")
                .isEqualTo(25_000)
                .jsonPath("$.months[1].amountMinor")
                .isEqualTo(50_001)
                .jsonPath("$.months[2].amountMinor")
                .isEqualTo(25_000);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read("2024-Q2/progress?asOf=2024-05-15", PROMOTION)
                        .jsonPath("$.targetMinor")
                        .isEqualTo(100_001)
                        .jsonPath("$.achievedMinor")
                        .isEqualTo(15_000)
                        .jsonPath("$.paidOrders")
                        .isEqualTo(3)
                        .jsonPath("$.netMinor")
                        .isEqualTo(15_000)
                        .jsonPath("$.gapMinor")
                        .isEqualTo(85_001)
                        .jsonPath("$.exceededByMinor")
                        .isEqualTo(0)
                        .jsonPath("$.shareAchieved")
                        .isEqualTo(0.15) // 15 000 / 100 001 = 0.149998…
                        .jsonPath("$.daysElapsed")
                        .isEqualTo(45) // 30 in April + 15 in May
                        .jsonPath("$.daysTotal")
                        .isEqualTo(91)
                        .jsonPath("$.projectedMinor")
                        .isEqualTo(30_333) // 15 000 / 45 × 91 = 30 333.33
                        .jsonPath("$.days.length()")
                        .isEqualTo(91)
                        .jsonPath("$.days[0].gmvMinor")
                        .isEqualTo(3_000)
                        .jsonPath("$.days[0].targetCumulativeMinor")
                        .isEqualTo(833) // 25 000 / 30
                        .jsonPath("$.days[44].day")
                        .isEqualTo("2024-05-15")
                        .jsonPath("$.days[44].cumulativeMinor")
                        .isEqualTo(15_000)
                        .jsonPath("$.days[44].targetCumulativeMinor")
                        .isEqualTo(49_194)); // 25 000 + 50 001 × 15/31 (24 194.03)

        read("2024-Q2/progress?asOf=2024-05-15&month=2024-04", MANAGER)
                .jsonPath("$.targetMinor")
                .isEqualTo(25_000)
                .jsonPath("$.achievedMinor")
                .isEqualTo(10_000)
                .jsonPath("$.shareAchieved")
                .isEqualTo(0.4)
                .jsonPath("$.daysElapsed")
                .isEqualTo(30)
                .jsonPath("$.projectedMinor")
                .isEqualTo(10_000);
    }

    @Test
    void onlyManagersSetTargetsAndByHandMonthsMustSumToTheQuarter() {
        // 2024-Q3 is this test's own: one order of 1 500 in July
        kafka.send(TestEvents.record(paid(1_500, "2024-07-05"), "order-service", 1))
                .join();
        set("2024-Q3", PROMOTION, Map.of("amountMinor", 9_000, "breakdown", "EVEN"))
                .expectStatus()
                .isForbidden();
        set("2024-Q3", MANAGER, byHand(3_000, 3_000, 2_999))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The months sum to 8999, 1 less than the quarter's 9000 (minor units); they must sum to "
                        + "it exactly.");
        set("2024-Q5", MANAGER, Map.of("amountMinor", 9_000, "breakdown", "EVEN"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:invalid-quarter");
        set("2024-Q3", MANAGER, Map.of("amountMinor", -5, "breakdown", "EVEN"))
                .expectStatus()
                .isEqualTo(422);

        Map<String, Object> liNas = new HashMap<>(byHand(1_000, 3_000, 5_000));
        liNas.put("owner", "li.na");
        set("2024-Q3", MANAGER, liNas)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.targetId")
                .isEqualTo("tmall-flagship|2024-Q3|li.na")
                .jsonPath("$.months[2].amountMinor")
                .isEqualTo(5_000);
        // her target is the store's: July's 1 500 against her 1 000
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> read("2024-Q3/progress?asOf=2024-07-31&month=2024-07&owner=li.na", PROMOTION)
                        .jsonPath("$.gapMinor")
                        .isEqualTo(0)
                        .jsonPath("$.exceededByMinor")
                        .isEqualTo(500)
                        .jsonPath("$.shareAchieved")
                        .isEqualTo(1.5));

        read("2024-Q3?owner=li.na", PROMOTION).jsonPath("$.breakdown").isEqualTo("BY_HAND");
        http.get()
                .uri("/api/analytics/targets/tmall-flagship?year=2024")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.targets[?(@.owner == 'li.na')].quarter")
                .isEqualTo("2024-Q3");
        http.get()
                .uri(TARGETS + "2024-Q4")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri(TARGETS + "2024-Q3/progress?owner=li.na&month=2024-10")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        http.get()
                .uri("/api/analytics/targets/shopify-us/2024-Q3")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient.ResponseSpec set(String quarter, String token, Map<String, Object> body) {
        return http.put()
                .uri(TARGETS + quarter)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    /** A target route of tmall-flagship read with {@code token}, answered 200. */
    private WebTestClient.BodyContentSpec read(String route, String token) {
        return http.get()
                .uri(TARGETS + route)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static Map<String, Object> byHand(long july, long august, long september) {
        return Map.of(
                "amountMinor",
                9_000,
                "breakdown",
                "BY_HAND",
                "months",
                Map.of("2024-07", july, "2024-08", august, "2024-09", september));
    }

    /** An order of {@code totalMinor} fen paid at noon in Hangzhou on {@code day}. */
    private static OrderPaid paid(long totalMinor, String day) {
        return AnalyticsFixtures.paidTmall(
                "TEA-LJ-250", "西湖龙井 250g", 1, totalMinor, Instant.parse(day + "T04:00:00Z"), null);
    }
}
