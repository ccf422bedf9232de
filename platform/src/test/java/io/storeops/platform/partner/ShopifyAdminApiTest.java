package io.storeops.platform.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's GraphQL Admin API as the services call it, against a partner on a real port: the shop's
 * endpoint and token, the call's data, and which answers are refusals and which are failures to ask
 * again — no sooner than Shopify said.
 */
class ShopifyAdminApiTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final String STORE = "shopify-us";
    private static final String QUERY = "query { shop { name } }";

    private final StubPartner shopify = new StubPartner();
    private final ShopifyAdminApi api = api("shpat_test_123");

    @AfterEach
    void stop() {
        shopify.close();
    }

    @Test
    void aCallGoesToTheVersionsEndpointWithTheTokenAndAnswersItsData() {
        shopify.answer(200, "{\"data\": {\"shop\": {\"name\": \"StoreOps Demo\"}}}");

        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "shop lookup"))
                .assertNext(data ->
                        assertThat(data.path("shop").path("name").asString()).isEqualTo("StoreOps Demo"))
                .verifyComplete();

        StubPartner.Request asked = shopify.requests().get(0);
        assertThat(asked.path()).isEqualTo("/admin/api/2026-04/graphql.json");
        assertThat(asked.headers()).containsEntry("X-Shopify-Access-Token", "shpat_test_123");
        JsonNode body = PartnerHttp.JSON.readTree(asked.body());
        assertThat(body.path("query").asString()).isEqualTo(QUERY);
        assertThat(body.path("variables").path("handle").asString()).isEqualTo("tea-01");
    }

    @Test
    void tooManyRequestsIsAFailureToAskAgainNoSoonerThanRetryAfter() {
        shopify.answer(429, Map.of("Retry-After", "4"), "{\"errors\": \"Exceeded 2 calls per second\"}", Duration.ZERO);

        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "shop lookup"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, busy -> {
                            assertThat(busy.permanent()).isFalse();
                            assertThat(busy).hasMessageContaining("429");
                            assertThat(busy.retryAfter()).contains(Duration.ofSeconds(4));
                        }))
                .verify();
    }

    @Test
    void throttlingWaitsUntilTheCostBucketHoldsTheQueryAgain() {
        shopify.answer(200, """
                {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
                 "extensions": {"cost": {"requestedQueryCost": 500, "actualQueryCost": null,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 100, "restoreRate": 50.0}}}}
                """);

        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, throttled -> {
                            assertThat(throttled.permanent()).isFalse();
                            assertThat(throttled).hasMessageContaining("THROTTLED");
                            assertThat(throttled.retryAfter())
                                    .as("(500 - 100) / 50 per second")
                                    .contains(Duration.ofSeconds(8));
                        }))
                .verify();
    }

    @Test
    void aServerErrorIsAFailureToAskAgain() {
        shopify.answer(503, "");

        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, busy -> {
                            assertThat(busy.permanent()).isFalse();
                            assertThat(busy).hasMessageContaining("503 Service Unavailable");
                            assertThat(busy.retryAfter()).isEmpty();
                        }))
                .verify();
    }

    @Test
    void aWrongTokenOrAMalformedQueryIsARefusal() {
        shopify.answer(401, "{\"errors\": \"[API] Invalid API key or access token\"}");
        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused).hasMessageContaining("401").hasMessageContaining("Invalid API key");
                        }))
                .verify();

        shopify.answer(200, "{\"errors\": [{\"message\": \"Field 'nope' doesn't exist on type 'Shop'\"}]}");
        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused).hasMessageContaining("doesn't exist");
                        }))
                .verify();
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        shopify.answer(200, Map.of(), "{\"data\": {}}", Duration.ofSeconds(3));

        StepVerifier.create(api.graphql(STORE, QUERY, variables(), "product upsert"))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(3));
    }

    @Test
    void aStoreWithoutShopOrTokenIsRefusedWithoutACall() {
        StepVerifier.create(api.graphql("tmall-flagship", QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                PartnerFailure.class,
                                refused -> assertThat(refused.permanent()).isTrue())
                        .hasMessageContaining("no Shopify shop"))
                .verify();
        StepVerifier.create(api(" ").graphql(STORE, QUERY, variables(), "product upsert"))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOf(PartnerFailure.class)
                        .hasMessageContaining("no Shopify Admin API access token"))
                .verify();
        assertThat(shopify.requests()).isEmpty();
    }

    @Test
    void userErrorsReadAsMessagesWithTheirFields() {
        JsonNode payload = PartnerHttp.JSON.readTree("""
                {"product": null, "userErrors": [
                  {"field": ["input", "variants", "0", "price"], "message": "Price must be positive"},
                  {"field": null, "message": "Handle has already been taken"}]}
                """);

        assertThat(ShopifyAdminApi.userErrors(payload))
                .containsExactly("Price must be positive (input.variants.0.price)", "Handle has already been taken");
        assertThat(ShopifyAdminApi.userErrors(PartnerHttp.JSON.readTree("{\"userErrors\": []}")))
                .isEmpty();
    }

    @Test
    void theVersionReadsYearAndMonthAndShopsAreMyshopifyDomains() {
        assertThat(ShopifyAdminApi.atLeast("2026-04", "2025-04")).isTrue();
        assertThat(ShopifyAdminApi.atLeast("2025-01", "2025-04")).isFalse();
        assertThat(ShopifyAdminApi.atLeast("latest", "2025-04")).isFalse();
        assertThatThrownBy(() -> new ShopifyAdminApi(WebClient.create(), Map.of(), "unstable", TIMEOUT))
                .hasMessageContaining("YYYY-MM");
        assertThat(ShopifyAdminApi.Shop.ofDomain("storeops-demo.myshopify.com", () -> "t")
                        .adminUrl()
                        .toString())
                .isEqualTo("https://storeops-demo.myshopify.com");
        assertThatThrownBy(() -> ShopifyAdminApi.Shop.ofDomain("evil.example.com", () -> "t"))
                .hasMessageContaining("myshopify.com");
    }

    private ShopifyAdminApi api(String token) {
        return new ShopifyAdminApi(
                PartnerHttp.client(WebClient.builder(), TIMEOUT),
                Map.of(STORE, new ShopifyAdminApi.Shop(shopify.baseUrl(), () -> token)),
                "2026-04",
                TIMEOUT);
    }

    private static ObjectNode variables() {
        ObjectNode variables = PartnerHttp.JSON.createObjectNode();
        variables.put("handle", "tea-01");
        return variables;
    }
}
