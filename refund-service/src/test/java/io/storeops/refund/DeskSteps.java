package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The steps the after-sale desk's service tests take: an order paid over Kafka, a desk call over HTTP. */
final class DeskSteps {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Gauges are counted on a timer, and a slow round of counts is followed by 20 times its duration. */
    static final Duration GAUGE_PATIENCE = Duration.ofSeconds(60);

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
        return paidOrder(storeId, newOrderNumber(), lines, shippingMinor, totalMinor, currency, bearer);
    }

    /** The storefront's number of an order no test used before. */
    static String newOrderNumber() {
        return "T" + UUID.randomUUID();
    }

    /** A new order of {@code storeId} for the one {@code line}, shipped free, as above. */
    String paidOrder(String storeId, OrderLine line, String bearer) {
        Money total = line.lineTotal();
        return paidOrder(storeId, List.of(line), 0, total.amountMinor(), total.currency(), bearer);
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
                                orderNumber(orderId),
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

    /** The storefront's number of the desk's {@code orderId} ({@code <store>:<number>}). */
    static String orderNumber(String orderId) {
        return orderId.substring(orderId.indexOf(':') + 1);
    }

    /** What a POST answers, which must have {@code status}. */
    JsonNode post(String uri, String bearer, Object body, int status) {
        return post(uri, bearer, null, body, status);
    }

    /** As above, with an {@code Idempotency-Key} header when {@code idempotencyKey} is given. */
    JsonNode post(String uri, String bearer, String idempotencyKey, Object body, int status) {
        return request(uri, bearer, idempotencyKey)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /**
     * Posts {@code json} as it is, declared JSON even when broken (as a client's would be), and checks that the desk refuses it with
     * {@code status} and the problem {@code problemType}; a failure names the row, {@code why}.
     */
    void refused(
            String why, String bearer, String uri, String idempotencyKey, String json, int status, String problemType) {
        JsonNode problem = request(uri, bearer, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .value(answered -> assertThat(answered).as(why).isEqualTo(status))
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem.get("type").asString()).as(why).isEqualTo("urn:storeops:problem:" + problemType);
    }

    /** The detail of the problem a GET answers, which must have {@code status}. */
    String problemDetail(String uri, String bearer, int status) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("detail")
                .asString();
    }

    /** The {@code id} field of each item of a list page's {@code list}, in the page's order. */
    static List<String> listed(JsonNode page, String list, String id) {
        return page.get(list).valueStream().map(item -> item.get(id).asString()).toList();
    }

    private WebTestClient.RequestBodySpec request(String uri, String bearer, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request;
    }
}
