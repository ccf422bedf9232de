package io.storeops.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.analytics.sales.OrderFact;
import io.storeops.analytics.sales.SalesFacts;
import io.storeops.contracts.Money;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceTest
class AnalyticsServiceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    SalesFacts facts;

    private static final String MANAGER = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship");

    @Test
    void paidOrdersAndGmvAreCountedOncePerOrderPerStoreAndCurrency() {
        // A day of its own, so that other tests' orders do not mix in.
        Instant day =
                Instant.parse("2025-03-0" + (1 + Math.abs(UUID.randomUUID().hashCode() % 9)) + "T04:00:00Z");
        var first = paid("tmall-flagship:A" + UUID.randomUUID(), 29500, day);
        var second = paid("tmall-flagship:B" + UUID.randomUUID(), 3900, day);

        kafka.send(TestEvents.record(first, "order-service", 1)).join();
        kafka.send(TestEvents.record(first, "order-service", 1)).join();
        kafka.send(TestEvents.record(second, "order-service", 1)).join();

        String date = day.toString().substring(0, 10);
        String manager = TestTokens.bearer("mgr.wang", StaffRole.MANAGER, "tmall-flagship");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri("/api/analytics/sales?storeId=tmall-flagship&from={d}&to={d}", date, date)
                        .header(HttpHeaders.AUTHORIZATION, manager)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.currencies[0].currency")
                        .isEqualTo("CNY")
                        .jsonPath("$.currencies[0].paidOrders")
                        .isEqualTo(2)
                        .jsonPath("$.currencies[0].gmvMinor")
                        .isEqualTo(33400));
        http.get()
                .uri("/api/analytics/sales?storeId=shopify-us")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&from=2026-02-01&to=2026-01-01")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&from=yesterday")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isBadRequest();
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&to=2026-13-01")
                .header(HttpHeaders.AUTHORIZATION, manager)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:invalid-parameter")
                .jsonPath("$.parameter")
                .isEqualTo("to")
                .jsonPath("$.detail")
                .isEqualTo("'2026-13-01' is not a valid to: expected a date such as 2026-11-28 (yyyy-MM-dd).");
    }

    @Test
    void anOrdersFactKeepsWhatFollowedItsPaymentOnceWhateverTheOrderAndRedeliveries() {
        String orderId = "tmall-flagship:C" + UUID.randomUUID();
        Instant paidAt = Instant.parse("2025-04-02T06:00:00Z");
        Instant dispatchedAt = paidAt.plusSeconds(3600);
        var refunded = new RefundCompleted(
                orderId, "tmall-flagship", "rf-1", new Money(3900, "CNY"), paidAt.plusSeconds(86_400));

        // fulfilment's topic ran ahead of the order's: the dispatch comes before the payment
        kafka.send(TestEvents.record(
                        new ShipmentDispatched(
                                orderId,
                                "tmall-flagship",
                                "shp-" + orderId,
                                "SF",
                                "SF1",
                                null,
                                List.of(),
                                "wh",
                                dispatchedAt),
                        "fulfillment-service",
                        1))
                .join();
        kafka.send(TestEvents.record(paid(orderId, 29500, paidAt), "order-service", 1))
                .join();
        kafka.send(TestEvents.record(refunded, "refund-service", 1)).join();
        kafka.send(TestEvents.record(refunded, "refund-service", 1)).join();
        // the buyer gave up on the rest two days after paying
        kafka.send(TestEvents.record(
                        new OrderCancelled(orderId, "tmall-flagship", "buyer", "cs.li", paidAt.plusSeconds(2 * 86_400)),
                        "order-service",
                        2))
                .join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            OrderFact fact = facts.find(orderId).block();
            assertThat(fact).isNotNull();
            assertThat(fact.paidDay()).isEqualTo("2025-04-02");
            assertThat(fact.shippedAt()).isEqualTo(dispatchedAt);
            assertThat(fact.refunds()).extracting(OrderFact.Refund::refundId).containsExactly("rf-1");
            assertThat(fact.netMinor()).isEqualTo(25600);
            assertThat(fact.cancelledDay()).isEqualTo("2025-04-04");
        });
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&from=2025-04-02&to=2025-04-02")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectBody()
                .jsonPath("$.currencies[0].gmvMinor")
                .isEqualTo(29500)
                .jsonPath("$.currencies[0].refundedOfTheseOrdersMinor")
                .isEqualTo(3900)
                .jsonPath("$.currencies[0].netMinor")
                .isEqualTo(25600)
                // the refund was made the next day
                .jsonPath("$.currencies[0].refundedOnTheseDaysMinor")
                .isEqualTo(0)
                .jsonPath("$.currencies[0].cancelledOfTheseOrders")
                .isEqualTo(1);
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&from=2025-04-04&to=2025-04-04")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectBody()
                .jsonPath("$.currencies[0].cancelledOnTheseDays")
                .isEqualTo(1);
        http.get()
                .uri("/api/analytics/sales?storeId=tmall-flagship&from=2025-04-03&to=2025-04-03")
                .header(HttpHeaders.AUTHORIZATION, MANAGER)
                .exchange()
                .expectBody()
                .jsonPath("$.currencies[0].paidOrders")
                .isEqualTo(0)
                .jsonPath("$.currencies[0].refundedOnTheseDaysMinor")
                .isEqualTo(3900)
                .jsonPath("$.currencies[0].cancelledOnTheseDays")
                .isEqualTo(0);
    }

    private static OrderPaid paid(String orderId, long totalMinor, Instant paidAt) {
        return new OrderPaid(
                orderId,
                "tmall-flagship",
                "storefront",
                orderId,
                List.of(),
                Money.zero("CNY"),
                new Money(totalMinor, "CNY"),
                paidAt,
                null,
                null,
                null,
                List.of(),
                null);
    }
}
