package io.storeops.refund;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.order.OrderPaid;
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
class RefundServiceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aPaidOrderOpensItsLedgerOnceAndOnlyItsStoresStaffSeeIt() {
        String orderId = "shopify-us:" + UUID.randomUUID();
        var paid = TestEvents.record(
                new OrderPaid(
                        orderId,
                        "shopify-us",
                        "shopify",
                        "1",
                        List.of(),
                        Money.zero("USD"),
                        new Money(4448, "USD"),
                        Instant.now(),
                        null,
                        null,
                        null,
                        List.of(),
                        null),
                "order-service",
                1);

        kafka.send(paid).join();
        kafka.send(paid).join();

        String supervisor = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, "shopify-us");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri("/api/refund-ledgers/{id}", orderId)
                        .header(HttpHeaders.AUTHORIZATION, supervisor)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.paid.amountMinor")
                        .isEqualTo(4448)
                        .jsonPath("$.refunded.amountMinor")
                        .isEqualTo(0)
                        .jsonPath("$.refundable.amountMinor")
                        .isEqualTo(4448));
        http.get()
                .uri("/api/refund-ledgers/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("sup.cn", StaffRole.SUPERVISOR, "tmall-flagship"))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/refund-ledgers/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, "shopify-us"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
