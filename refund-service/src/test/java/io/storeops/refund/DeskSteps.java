package io.storeops.refund;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The steps the after-sale desk's service tests take: an order paid over Kafka, a desk call over HTTP. */
final class DeskSteps {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebTestClient http;
    private final KafkaTemplate<String, byte[]> kafka;

    DeskSteps(WebTestClient http, KafkaTemplate<String, byte[]> kafka) {
        this.http = http;
        this.kafka = kafka;
    }

    /**
     * A new order of {@code storeId} paid with {@code lines}, {@code shippingMinor} and
     * {@code totalMinor} in {@code currency}, once its after-sale file is open (as {@code bearer} sees it).
     */
    String paidOrder(
            String storeId,
            List<OrderLine> lines,
            long shippingMinor,
            long totalMinor,
            String currency,
            String bearer) {
        return paidOrder(storeId, "T" + UUID.randomUUID(), lines, shippingMinor, totalMinor, currency, bearer);
    }

    /** As above, with the storefront's order number (Shopify's are numeric). */
    String paidOrder(
            String storeId,
            String orderNumber,
            List<OrderLine> lines,
            long shippingMinor,
            long totalMinor,
            String currency,
            String bearer) {
        String orderId = storeId + ":" + orderNumber;
        kafka.send(TestEvents.record(
                        new OrderPaid(
                                orderId,
                                storeId,
                                "storefront",
                                orderId.substring(orderId.indexOf(':') + 1),
                                lines,
                                new Money(shippingMinor, currency),
                                new Money(totalMinor, currency),
                                Instant.now(),
                                null,
                                null,
                                null,
                                List.of(),
                                null),
                        "order-service",
                        1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/refund-ledgers/{id}", orderId)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .exchange()
                        .expectStatus()
                        .isOk());
        return orderId;
    }

    /** What a POST answers, which must have {@code status}. */
    JsonNode post(String uri, String bearer, Object body, int status) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
