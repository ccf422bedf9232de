package io.storeops.order;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestTokens;
import io.storeops.platform.webhook.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad deliveries and requests, each answered with the right 4xx problem and leaving nothing
 * behind: the order named in the payload does not exist afterwards.
 */
@ServiceTest
class BadInputTest {

    private static final String STORE_SECRET = "test-storefront-secret";
    private static final String SHOP = "storeops-test.myshopify.com";
    private static final String SHOP_SECRET = "test-shopify-secret";

    @Autowired
    WebTestClient http;

    /** One bad input: sends it with the given order number and client, returns the response. */
    interface Case extends BiFunction<WebTestClient, String, WebTestClient.ResponseSpec> {}

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // signatures and freshness
                bad(
                        "no signature",
                        401,
                        "missing-signature",
                        (http, n) -> nativeDelivery(http, "order.paid", n, nativeOrder(n), null, Instant.now())),
                bad(
                        "wrong secret",
                        401,
                        "invalid-signature",
                        (http, n) -> nativeDelivery(http, "order.paid", n, nativeOrder(n), "guess", Instant.now())),
                bad("signature of another body", 401, "invalid-signature", (http, n) -> tamperedNative(http, n)),
                bad(
                        "garbled signature header",
                        401,
                        "invalid-signature",
                        (http, n) -> rawNative(http, n, "sha256=abc")),
                bad(
                        "stale timestamp",
                        401,
                        "stale-webhook",
                        (http, n) -> nativeDelivery(
                                http,
                                "order.paid",
                                n,
                                nativeOrder(n),
                                STORE_SECRET,
                                Instant.now().minusSeconds(600))),
                bad(
                        "timestamp from the future",
                        401,
                        "stale-webhook",
                        (http, n) -> nativeDelivery(
                                http,
                                "order.paid",
                                n,
                                nativeOrder(n),
                                STORE_SECRET,
                                Instant.now().plusSeconds(600))),
                bad(
                        "unknown store",
                        404,
                        "unknown-store",
                        (http, n) -> SignedWebhooks.storefront(
                                http, "no-such-store", "order.paid", n, nativeOrder(n), STORE_SECRET)),
                bad(
                        "oversized body",
                        413,
                        "payload-too-large",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n)
                                        .replace(
                                                "\"buyerNote\":\"\"",
                                                "\"buyerNote\":\"" + "x".repeat(300_000) + "\""))),
                // envelope
                bad(
                        "no topic header",
                        400,
                        "missing-header",
                        (http, n) -> signedWithoutHeader(http, n, "X-StoreOps-Topic")),
                bad(
                        "no event id header",
                        400,
                        "missing-header",
                        (http, n) -> signedWithoutHeader(http, n, "X-StoreOps-Event-Id")),
                bad(
                        "unknown topic",
                        400,
                        "unsupported-topic",
                        (http, n) -> SignedWebhooks.storefront(
                                http, "tmall-flagship", "order.exploded", n, nativeOrder(n), STORE_SECRET)),
                // JSON
                bad(
                        "malformed JSON",
                        400,
                        "malformed-json",
                        (http, n) -> signedNative(http, n, "{\"orderId\":\"" + n + "\",")),
                bad("a JSON array", 422, "invalid-payload", (http, n) -> signedNative(http, n, "[\"" + n + "\"]")),
                bad(
                        "quantity as text",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http, n, nativeOrder(n).replace("\"quantity\":2", "\"quantity\":\"two\""))),
                bad(
                        "fractional quantity",
                        422,
                        "invalid-payload",
                        (http, n) ->
                                signedNative(http, n, nativeOrder(n).replace("\"quantity\":2", "\"quantity\":1.5"))),
                bad(
                        "fractional minor units",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n).replace("\"unitPriceMinor\":12800", "\"unitPriceMinor\":12800.5"))),
                bad(
                        "operator object as order number",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n).replace("\"orderId\":\"" + n + "\"", "\"orderId\":{\"$gt\":\"\"}"))),
                // order rules
                bad(
                        "no lines",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                "{\"orderId\":\"" + n + "\",\"currency\":\"CNY\",\"totalMinor\":0,\"lines\":[]}")),
                bad(
                        "zero quantity",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n)
                                        .replace("\"quantity\":2", "\"quantity\":0")
                                        .replace("29500", "3900"))),
                bad(
                        "negative quantity",
                        422,
                        "invalid-payload",
                        (http, n) ->
                                signedNative(http, n, nativeOrder(n).replace("\"quantity\":2", "\"quantity\":-2"))),
                bad(
                        "negative price",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n).replace("\"unitPriceMinor\":3900", "\"unitPriceMinor\":-3900"))),
                bad(
                        "unknown currency",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(http, n, nativeOrder(n).replace("\"CNY\"", "\"XYZ\""))),
                bad(
                        "another store's currency",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(http, n, nativeOrder(n).replace("\"CNY\"", "\"USD\""))),
                bad(
                        "totals that do not add up",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(http, n, nativeOrder(n).replace("29500", "29499"))),
                bad(
                        "no order number",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(http, n, nativeOrder(n).replace("\"orderId\":\"" + n + "\",", ""))),
                bad(
                        "order number over 64 characters",
                        422,
                        "invalid-payload",
                        (http, n) -> signedNative(
                                http,
                                n,
                                nativeOrder(n)
                                        .replace(
                                                "\"orderId\":\"" + n + "\"",
                                                "\"orderId\":\"" + n + "x".repeat(64) + "\""))),
                // Shopify
                bad(
                        "Shopify: wrong secret",
                        401,
                        "invalid-signature",
                        (http, n) -> SignedWebhooks.shopify(
                                http, SHOP, "orders/paid", n, shopifyOrder(n, "19.99", "USD"), "guess", Instant.now())),
                bad(
                        "Shopify: unknown shop",
                        401,
                        "unknown-shop",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                "elsewhere.myshopify.com",
                                "orders/paid",
                                n,
                                shopifyOrder(n, "19.99", "USD"),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: stale trigger time",
                        401,
                        "stale-webhook",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/paid",
                                n,
                                shopifyOrder(n, "19.99", "USD"),
                                SHOP_SECRET,
                                Instant.now().minusSeconds(3600))),
                bad(
                        "Shopify: money with too many decimals",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/paid",
                                n,
                                shopifyOrder(n, "19.999", "USD"),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: money that is not a number",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/paid",
                                n,
                                shopifyOrder(n, "lots", "USD"),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: another currency",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/paid",
                                n,
                                shopifyOrder(n, "19.99", "EUR"),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: no line items",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/paid",
                                n,
                                "{\"id\":" + n + ",\"currency\":\"USD\",\"total_price\":\"1.00\",\"line_items\":[]}",
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: discount with too many decimals",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/create",
                                n,
                                shopifyOrder(n, "19.99", "USD")
                                        .replace("\"total_price\"", "\"total_discounts\":\"1.001\",\"total_price\""),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: creation time that is no time",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/updated",
                                n,
                                shopifyOrder(n, "19.99", "USD")
                                        .replace("\"total_price\"", "\"created_at\":\"last tuesday\",\"total_price\""),
                                SHOP_SECRET,
                                Instant.now())),
                bad(
                        "Shopify: cancellation without an order id",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.shopify(
                                http,
                                SHOP,
                                "orders/cancelled",
                                n,
                                "{\"cancel_reason\":\"customer\"}",
                                SHOP_SECRET,
                                Instant.now())),
                // native order.placed
                bad(
                        "placed: negative discount",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.storefront(
                                http,
                                "tmall-flagship",
                                "order.placed",
                                n,
                                nativeOrder(n)
                                        .replace(
                                                "\"shippingFeeMinor\":0",
                                                "\"shippingFeeMinor\":0,\"discountMinor\":-100"),
                                STORE_SECRET)),
                bad(
                        "placed: discount not taken off the total",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.storefront(
                                http,
                                "tmall-flagship",
                                "order.placed",
                                n,
                                nativeOrder(n)
                                        .replace(
                                                "\"shippingFeeMinor\":0",
                                                "\"shippingFeeMinor\":0,\"discountMinor\":500"),
                                STORE_SECRET)),
                bad(
                        "placed: amounts too large to add up",
                        422,
                        "invalid-payload",
                        (http, n) -> SignedWebhooks.storefront(
                                http,
                                "tmall-flagship",
                                "order.placed",
                                n,
                                nativeOrder(n)
                                        .replace("\"unitPriceMinor\":12800", "\"unitPriceMinor\":9223372036854775807"),
                                STORE_SECRET)),
                // staff API
                bad(
                        "API: search operator as status",
                        400,
                        "invalid-search",
                        (http, n) -> http.get()
                                .uri(builder -> builder.path("/api/orders")
                                        .queryParam("storeId", "tmall-flagship")
                                        .queryParam("status", "{status}")
                                        .build(Map.of("status", "{\"$ne\":null}")))
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        TestTokens.bearer("mgr", StaffRole.MANAGER, "tmall-flagship"))
                                .exchange()),
                bad(
                        "API: absurd page size",
                        400,
                        "invalid-limit",
                        (http, n) -> http.get()
                                .uri("/api/orders?storeId=tmall-flagship&limit=1000000")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        TestTokens.bearer("mgr", StaffRole.MANAGER, "tmall-flagship"))
                                .exchange()),
                bad(
                        "API: no token",
                        401,
                        "authentication-required",
                        (http, n) -> http.get()
                                .uri("/api/orders/{id}", "tmall-flagship:" + n)
                                .exchange()),
                bad(
                        "API: operator in the id",
                        404,
                        "not-found",
                        (http, n) -> http.get()
                                .uri("/api/orders/{id}", "{\"$gt\":\"\"}")
                                .header(
                                        HttpHeaders.AUTHORIZATION,
                                        TestTokens.bearer("mgr", StaffRole.MANAGER, "tmall-flagship"))
                                .exchange()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAProblemAndLeavesNothing(String name, int status, String type, Case send) {
        String number = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));

        send.apply(http, number)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:" + type)
                .jsonPath("$.status")
                .isEqualTo(status);

        for (String orderId : new String[] {"tmall-flagship:" + number, "shopify-us:" + number}) {
            http.get()
                    .uri("/api/orders/{id}", orderId)
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            TestTokens.bearer("mgr", StaffRole.MANAGER, "tmall-flagship", "shopify-us"))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    private static Arguments bad(String name, int status, String type, Case send) {
        return Arguments.of(name, status, type, send);
    }

    private static WebTestClient.ResponseSpec signedNative(WebTestClient http, String eventId, String body) {
        return SignedWebhooks.storefront(http, "tmall-flagship", "order.paid", eventId, body, STORE_SECRET);
    }

    private static WebTestClient.ResponseSpec nativeDelivery(
            WebTestClient http, String topic, String eventId, String body, String secret, Instant signedAt) {
        if (secret == null) {
            return http.post()
                    .uri("/webhooks/storefront/tmall-flagship")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-StoreOps-Topic", topic)
                    .header("X-StoreOps-Event-Id", eventId)
                    .bodyValue(body)
                    .exchange();
        }
        return SignedWebhooks.nativeDelivery(
                http, "/webhooks/storefront/tmall-flagship", topic, eventId, body, secret, signedAt);
    }

    private static WebTestClient.ResponseSpec tamperedNative(WebTestClient http, String n) {
        String signature = WebhookSignatures.signNative(
                nativeOrder(n).getBytes(StandardCharsets.UTF_8),
                "order.paid",
                n,
                STORE_SECRET,
                Instant.now().getEpochSecond());
        return rawNative(http, n, signature, nativeOrder(n).replace("29500", "1"));
    }

    private static WebTestClient.ResponseSpec rawNative(WebTestClient http, String n, String signature) {
        return rawNative(http, n, signature, nativeOrder(n));
    }

    private static WebTestClient.ResponseSpec rawNative(WebTestClient http, String n, String signature, String body) {
        return http.post()
                .uri("/webhooks/storefront/tmall-flagship")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-StoreOps-Topic", "order.paid")
                .header("X-StoreOps-Event-Id", n)
                .header("X-StoreOps-Signature", signature)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.ResponseSpec signedWithoutHeader(WebTestClient http, String n, String omitted) {
        byte[] body = nativeOrder(n).getBytes(StandardCharsets.UTF_8);
        return http.post()
                .uri("/webhooks/storefront/tmall-flagship")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    headers.set("X-StoreOps-Topic", "order.paid");
                    headers.set("X-StoreOps-Event-Id", n);
                    headers.set(
                            "X-StoreOps-Signature",
                            WebhookSignatures.signNative(
                                    body,
                                    "order.paid",
                                    n,
                                    STORE_SECRET,
                                    Instant.now().getEpochSecond()));
                    headers.remove(omitted);
                })
                .bodyValue(body)
                .exchange();
    }

    private static String nativeOrder(String number) {
        return """
                {"orderId":"%s","currency":"CNY","shippingFeeMinor":0,"totalMinor":29500,"buyerNote":"",
                 "lines":[{"sku":"TEA-LJ-250","title":"Tea","quantity":2,"unitPriceMinor":12800},
                          {"sku":"CUP-GL-01","title":"Cup","quantity":1,"unitPriceMinor":3900}]}
                """.formatted(number);
    }

    private static String shopifyOrder(String id, String price, String currency) {
        return """
                {"id":%s,"currency":"%s","total_price":"%s",
                 "line_items":[{"sku":"MUG-1","title":"Mug","quantity":1,"price":"%s"}]}
                """.formatted(id, currency, price, price);
    }
}
