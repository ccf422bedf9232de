package io.storeops.refund.payout.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.contracts.Money;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import io.storeops.refund.payout.web.PayoutGateway.PayoutOrder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Shopify payout adapter against a stub of the GraphQL Admin API on a real port: what it
 * sends (the order's capture as parent, the amount in the shop's currency, the idempotency key),
 * and how it takes refusals, throttling, server errors and answers that never come.
 */
class ShopifyPayoutGatewayTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort())
            .resetOnEachTest(true)
            .build();

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "shpat_test_0123456789";
    private static final String GRAPHQL = "/admin/api/2026-04/graphql.json";
    private static final String ORDER_GID = "gid://shopify/Order/5001";
    private static final String KEY = "shopify-us:5001/rf-7";
    private static final PayoutOrder PAYOUT =
            new PayoutOrder(KEY, "shopify-us:5001", "shopify-us", new Money(1999, "USD"), "5001");
    private static final String REFUND_MADE = """
            {"data": {"refundCreate": {"refund": {"id": "gid://shopify/Refund/9001"}, "userErrors": []}}}
            """;

    private ShopifyPayoutGateway gateway;

    @BeforeEach
    void connect() {
        gateway = new ShopifyPayoutGateway(
                PartnerHttp.client(WebClient.builder(), TIMEOUT),
                Map.of("shopify-us", new ShopifyAdminApi.Shop(URI.create(shopify.baseUrl()), () -> TOKEN)),
                null,
                TIMEOUT);
    }

    @Test
    void refundsTheAmountInTheShopCurrencyAgainstTheCaptureWithTheIdempotencyKey() {
        shopify.stubFor(orderLookup().willReturn(okJson(order("USD", otherCasesRefund()))));
        shopify.stubFor(refundCreate().willReturn(okJson(REFUND_MADE)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("gid://shopify/Refund/9001"))
                .verifyComplete();

        List<LoggedRequest> refunds = refundCalls();
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).getHeader("X-Shopify-Access-Token")).isEqualTo(TOKEN);
        JsonNode sent = JSON.readTree(refunds.get(0).getBodyAsString());
        assertThat(sent.get("query").asString()).contains("refundCreate(input: $input) @idempotent(key: $key)");
        JsonNode variables = sent.get("variables");
        assertThat(variables.get("key").asString())
                .as("the SHA-256 hex of the payout's key")
                .isEqualTo(sha256Hex(KEY));
        JsonNode input = variables.get("input");
        assertThat(input.get("orderId").asString()).isEqualTo(ORDER_GID);
        assertThat(input.get("notify").booleanValue()).isFalse();
        assertThat(input.get("note").asString()).contains(KEY).contains(sha256Hex(KEY));
        assertThat(ShopifyPayoutGateway.payoutKeyIn(input.get("note").asString()))
                .as("Shopify's refunds/create of this refund names the payout it confirms")
                .contains(KEY);
        assertThat(input.get("transactions")).hasSize(1);
        JsonNode transaction = input.get("transactions").get(0);
        assertThat(transaction.get("parentId").asString())
                .as("the successful capture, not the authorization or the failed sale")
                .isEqualTo("gid://shopify/OrderTransaction/7003");
        assertThat(transaction.get("amount").asString()).isEqualTo("19.99");
        assertThat(transaction.get("gateway").asString()).isEqualTo("shopify_payments");
        assertThat(transaction.get("kind").asString()).isEqualTo("REFUND");
        assertThat(transaction.get("orderId").asString()).isEqualTo(ORDER_GID);
    }

    @Test
    void aServerErrorFailsAndTheRetryAsksWithTheSameKey() {
        shopify.stubFor(orderLookup().willReturn(okJson(order("USD", "[]"))));
        shopify.stubFor(refundCreate().willReturn(aResponse().withStatus(503)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, unavailable -> {
                            assertThat(unavailable.permanent()).isFalse();
                            assertThat(unavailable).hasMessageContaining("503");
                        }))
                .verify(PATIENCE);

        shopify.stubFor(refundCreate().atPriority(1).willReturn(okJson(REFUND_MADE)));
        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("gid://shopify/Refund/9001"))
                .verifyComplete();

        List<LoggedRequest> refunds = refundCalls();
        assertThat(refunds).hasSize(2);
        JsonNode first = JSON.readTree(refunds.get(0).getBodyAsString()).get("variables");
        JsonNode second = JSON.readTree(refunds.get(1).getBodyAsString()).get("variables");
        assertThat(second).as("the same key and the same refund, asked again").isEqualTo(first);
        assertThat(second.get("key").asString()).isEqualTo(sha256Hex(KEY));
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndTheRetryAsksWithTheSameKey() {
        shopify.stubFor(orderLookup().willReturn(okJson(order("USD", "[]"))));
        // Shopify makes the refund, but its answer comes after the client gave up.
        shopify.stubFor(refundCreate().willReturn(okJson(REFUND_MADE).withFixedDelay(3000)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(2));

        // Asked again with the key, Shopify answers with the refund it made for it.
        shopify.stubFor(refundCreate().atPriority(1).willReturn(okJson(REFUND_MADE)));
        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("gid://shopify/Refund/9001"))
                .verifyComplete();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(refundCalls()).hasSize(2));
        List<String> keys = refundCalls().stream()
                .map(call -> JSON.readTree(call.getBodyAsString())
                        .get("variables")
                        .get("key")
                        .asString())
                .toList();
        assertThat(keys).containsExactly(sha256Hex(KEY), sha256Hex(KEY));
    }

    @Test
    void aRefusalComesBackWithShopifysReasons() {
        shopify.stubFor(orderLookup().willReturn(okJson(order("USD", "[]"))));
        shopify.stubFor(refundCreate().willReturn(okJson("""
                        {"data": {"refundCreate": {"refund": null, "userErrors": [
                          {"field": ["transactions", "0", "amount"],
                           "message": "Refund amount exceeds the refundable amount"}
                        ]}}}
                        """)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused)
                                    .hasMessageContaining("Refund amount exceeds the refundable amount")
                                    .hasMessageContaining("transactions.0.amount");
                        }))
                .verify(PATIENCE);
    }

    @Test
    void throttlingIsAFailureToRetryAndNoRefundIsAsked() {
        shopify.stubFor(orderLookup().willReturn(okJson("""
                        {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
                          "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                         "extensions": {"cost": {"requestedQueryCost": 12, "actualQueryCost": null,
                          "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 3,
                           "restoreRate": 100.0}}}}
                        """)));
        shopify.stubFor(refundCreate().willReturn(okJson(REFUND_MADE)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, throttled -> {
                            assertThat(throttled.permanent()).isFalse();
                            assertThat(throttled).hasMessageContaining("THROTTLED");
                        }))
                .verify(PATIENCE);
        assertThat(refundCalls()).isEmpty();
    }

    @Test
    void tooManyRequestsIsAFailureToRetry() {
        shopify.stubFor(orderLookup().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, busy -> {
                            assertThat(busy.permanent()).isFalse();
                            assertThat(busy).hasMessageContaining("429");
                        }))
                .verify(PATIENCE);
        assertThat(refundCalls()).isEmpty();
    }

    @Test
    void aRefundAlreadyOnTheOrderForTheKeyIsTheAnswerWithoutAnotherRefund() {
        String madeBefore = "[{\"id\": \"gid://shopify/Refund/8800\", \"note\": \"StoreOps refund " + KEY
                + " [storeops-payout " + sha256Hex(KEY) + "]\"}]";
        shopify.stubFor(orderLookup().willReturn(okJson(order("USD", madeBefore))));
        shopify.stubFor(refundCreate().willReturn(okJson(REFUND_MADE)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("gid://shopify/Refund/8800"))
                .verifyComplete();
        assertThat(refundCalls()).isEmpty();
    }

    @Test
    void anOrderTheBuyerPaidInAnotherCurrencyIsNotRefundedHere() {
        shopify.stubFor(orderLookup().willReturn(okJson(order("EUR", "[]"))));
        shopify.stubFor(refundCreate().willReturn(okJson(REFUND_MADE)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused).hasMessageContaining("EUR");
                        }))
                .verify(PATIENCE);
        assertThat(refundCalls()).isEmpty();
    }

    private static MappingBuilder orderLookup() {
        return post(urlPathEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing("order(id:")))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(ORDER_GID)));
    }

    private static MappingBuilder refundCreate() {
        return post(urlPathEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing("refundCreate")));
    }

    private static List<LoggedRequest> refundCalls() {
        return shopify.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.query", containing("refundCreate"))));
    }

    /** The order as Shopify answers it: paid in {@code presentment}, an authorization, a failed sale, a capture. */
    private static String order(String presentment, String refunds) {
        return """
                {"data": {"order": {
                  "id": "gid://shopify/Order/5001",
                  "currencyCode": "USD",
                  "presentmentCurrencyCode": "%s",
                  "transactions": [
                    {"id": "gid://shopify/OrderTransaction/7001", "kind": "AUTHORIZATION", "status": "SUCCESS",
                     "gateway": "shopify_payments"},
                    {"id": "gid://shopify/OrderTransaction/7002", "kind": "SALE", "status": "FAILURE",
                     "gateway": "shopify_payments"},
                    {"id": "gid://shopify/OrderTransaction/7003", "kind": "CAPTURE", "status": "SUCCESS",
                     "gateway": "shopify_payments"}
                  ],
                  "refunds": %s
                }}}
                """.formatted(presentment, refunds);
    }

    /** A refund StoreOps made for another case of the order, whose key starts like this one's. */
    private static String otherCasesRefund() {
        return "[{\"id\": \"gid://shopify/Refund/8000\", \"note\": \"StoreOps refund " + KEY + "0 [storeops-payout "
                + sha256Hex(KEY + "0") + "]\"}, {\"id\": \"gid://shopify/Refund/8001\", \"note\": null}]";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
