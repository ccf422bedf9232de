package io.storeops.listing.publishing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import io.storeops.platform.partner.ShopifyAdminApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The Shopify adapter against a stub of the GraphQL Admin API on a real port: what a first
 * publication and a later page version send (upsert by handle, then by id; one variant per SKU at
 * the store's price; the page without its private pictures), and how it takes refusals, rate
 * limits, server errors and answers that never come.
 */
class ShopifyStorefrontTest {

    @RegisterExtension
    static WireMockExtension shopify = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort())
            .resetOnEachTest(true)
            .build();

    /** Room for a first call's connection and warm-up on a busy build machine (500 ms was once too little). */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String STORE = "shopify-us";
    private static final String TOKEN = "shpat_test_listing_0123";
    private static final String GRAPHQL = "/admin/api/2026-04/graphql.json";
    private static final String PRODUCT_GID = "gid://shopify/Product/7001";
    private static final String SAVED = """
            {"data": {"productSet": {"product": {"id": "gid://shopify/Product/7001", "handle": "tea-longjing-01"},
             "userErrors": []}}}
            """;

    private ShopifyStorefront storefront;

    @BeforeEach
    void connect() {
        storefront = new ShopifyStorefront(new ShopifyAdminApi(
                PartnerHttp.client(WebClient.builder(), TIMEOUT),
                Map.of(STORE, new ShopifyAdminApi.Shop(URI.create(shopify.baseUrl()), () -> TOKEN)),
                ShopifyStorefront.DEFAULT_API_VERSION,
                TIMEOUT));
    }

    @Test
    void theFirstPublicationUpsertsByHandleWithAVariantPerSkuAtTheStorePrice() {
        shopify.stubFor(productSet().willReturn(okJson(SAVED)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo(PRODUCT_GID))
                .verifyComplete();

        JsonNode variables = sent(0);
        assertThat(variables.path("identifier").path("handle").asString())
                .as("the SPU code in lower case, '.' and '_' as '-'")
                .isEqualTo("tea-longjing-01");
        assertThat(variables.path("identifier").has("id")).isFalse();
        JsonNode input = variables.path("input");
        assertThat(input.path("handle").asString()).isEqualTo("tea-longjing-01");
        assertThat(input.path("title").asString()).isEqualTo("西湖龙井 明前特级");
        assertThat(input.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(input.path("descriptionHtml").asString())
                .as("the page without its private pictures")
                .isEqualTo("<h2>明前特级</h2><p>清明前采摘</p><p>冲泡</p>");
        assertThat(input.has("files"))
                .as("media are never sent, so never replaced")
                .isFalse();
        JsonNode option = input.path("productOptions").get(0);
        assertThat(option.path("name").asString()).isEqualTo("Variant");
        assertThat(option.path("values").findValuesAsString("name")).containsExactly("100 g tin", "250 g tin");
        JsonNode variants = input.path("variants");
        assertThat(variants).hasSize(2);
        assertThat(variants.get(0).path("sku").asString()).isEqualTo("TEA-LJ-100");
        assertThat(variants.get(0).path("price").asString()).isEqualTo("128.00");
        assertThat(variants.get(0)
                        .path("optionValues")
                        .get(0)
                        .path("optionName")
                        .asString())
                .isEqualTo("Variant");
        assertThat(variants.get(0).path("optionValues").get(0).path("name").asString())
                .isEqualTo("100 g tin");
        assertThat(variants.get(1).path("sku").asString()).isEqualTo("TEA-LJ-250");
        assertThat(variants.get(1).path("price").asString()).isEqualTo("299.00");
        assertThat(shopify.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)))
                        .get(0)
                        .getHeader("X-Shopify-Access-Token"))
                .isEqualTo(TOKEN);
    }

    @Test
    void aLaterPageVersionUpdatesTheProductByItsIdLeavingItsHandleAlone() {
        shopify.stubFor(productSet().willReturn(okJson(SAVED)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", PRODUCT_GID, 2)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo(PRODUCT_GID))
                .verifyComplete();

        JsonNode variables = sent(0);
        assertThat(variables.path("identifier").path("id").asString()).isEqualTo(PRODUCT_GID);
        assertThat(variables.path("identifier").has("handle")).isFalse();
        assertThat(variables.path("input").has("handle"))
                .as("a handle changed in Shopify's admin stays")
                .isFalse();
    }

    @Test
    void aProductKnownOnlyToAnotherStorefrontIsUpsertedByHandle() {
        shopify.stubFor(productSet().willReturn(okJson(SAVED)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", "SIM-TEA.Longjing_01", 2)))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(sent(0).path("identifier").path("handle").asString()).isEqualTo("tea-longjing-01");
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndTheRetryUpsertsTheSameHandle() {
        // Shopify makes the product, but its answer comes after the client gave up.
        shopify.stubFor(productSet().willReturn(okJson(SAVED).withFixedDelay(8000)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(6));

        shopify.stubFor(productSet().atPriority(1).willReturn(okJson(SAVED)));
        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo(PRODUCT_GID))
                .verifyComplete();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(calls()).isEqualTo(2));
        assertThat(sent(1))
                .as("the same upsert, found again by its handle: never a second product")
                .isEqualTo(sent(0));
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() {
        shopify.stubFor(productSet()
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3")
                        .withBody("{\"errors\": \"Exceeded 2 calls per second for api client\"}")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, busy -> {
                            assertThat(busy.permanent()).isFalse();
                            assertThat(busy).hasMessageContaining("429");
                            assertThat(busy.retryAfter()).contains(Duration.ofSeconds(3));
                        }))
                .verify(PATIENCE);
    }

    @Test
    void throttlingIsRetriedOnceTheCostBucketHasRefilled() {
        shopify.stubFor(productSet().willReturn(okJson("""
                {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
                  "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                 "extensions": {"cost": {"requestedQueryCost": 110, "actualQueryCost": null,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 10, "restoreRate": 100.0}}}}
                """)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, throttled -> {
                            assertThat(throttled.permanent()).isFalse();
                            assertThat(throttled).hasMessageContaining("THROTTLED");
                            assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(1));
                        }))
                .verify(PATIENCE);
    }

    @Test
    void aServerErrorIsRetried() {
        shopify.stubFor(productSet().willReturn(aResponse().withStatus(502)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, busy -> {
                            assertThat(busy.permanent()).isFalse();
                            assertThat(busy).hasMessageContaining("502 Bad Gateway");
                        }))
                .verify(PATIENCE);
    }

    @Test
    void userErrorsAreARefusalForGoodWithShopifysReasons() {
        shopify.stubFor(productSet().willReturn(okJson("""
                {"data": {"productSet": {"product": null, "userErrors": [
                  {"field": ["input", "variants", "1", "price"], "message": "Price must be less than 1000000",
                   "code": "INVALID_VARIANT"}]}}}
                """)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "USD", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(PartnerFailure.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused)
                                    .hasMessageContaining("Shopify refused the product")
                                    .hasMessageContaining("Price must be less than 1000000")
                                    .hasMessageContaining("input.variants.1.price");
                        }))
                .verify(PATIENCE);
    }

    @Test
    void aProductWithOneUnnamedSkuTakesShopifysDefaultOption() {
        shopify.stubFor(productSet().willReturn(okJson(SAVED)));
        StorefrontProduct tea = SampleProducts.tea(STORE, "USD", null, 1);
        StorefrontProduct single = new StorefrontProduct(
                tea.storeId(),
                tea.productId(),
                null,
                1,
                tea.title(),
                tea.pageHtml(),
                tea.images(),
                List.of(new ListedSku("TEA-LJ-100", null, new Money(12800, "USD"), List.of())));

        StepVerifier.create(storefront.publish(single)).expectNextCount(1).verifyComplete();

        JsonNode input = sent(0).path("input");
        assertThat(input.path("productOptions").get(0).path("name").asString()).isEqualTo("Title");
        assertThat(input.path("variants")
                        .get(0)
                        .path("optionValues")
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("Default Title");
    }

    @Test
    void skusSharingAVariantNameAreToldApartByTheirCodes() {
        shopify.stubFor(productSet().willReturn(okJson(SAVED)));
        StorefrontProduct tea = SampleProducts.tea(STORE, "USD", null, 1);
        StorefrontProduct twins = new StorefrontProduct(
                tea.storeId(),
                tea.productId(),
                null,
                1,
                tea.title(),
                tea.pageHtml(),
                tea.images(),
                List.of(
                        new ListedSku("TEA-A", "tin", new Money(100, "USD"), List.of()),
                        new ListedSku("TEA-B", "tin", new Money(200, "USD"), List.of()),
                        new ListedSku("TEA-C", null, new Money(300, "USD"), List.of())));

        StepVerifier.create(storefront.publish(twins)).expectNextCount(1).verifyComplete();

        assertThat(sent(0).path("input")
                        .path("productOptions")
                        .get(0)
                        .path("values")
                        .findValuesAsString("name"))
                .containsExactly("tin (TEA-A)", "tin (TEA-B)", "TEA-C");
    }

    @Test
    void aStoreWithoutAShopIsRefusedWithoutACallAndAnOldApiVersionIsNotTaken() {
        StepVerifier.create(storefront.publish(SampleProducts.tea("tmall-flagship", "CNY", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(
                                PartnerFailure.class,
                                refused -> assertThat(refused.permanent()).isTrue()))
                .verify(PATIENCE);
        assertThat(calls()).isZero();

        assertThatThrownBy(() ->
                        new ShopifyStorefront(new ShopifyAdminApi(WebClient.create(), Map.of(), "2025-01", TIMEOUT)))
                .hasMessageContaining("2025-04");
    }

    @Test
    void aWithdrawalSetsTheProductBackToDraftByItsId() {
        shopify.stubFor(asked("productUpdate(product: $product)")
                .willReturn(okJson("{\"data\": {\"productUpdate\": {\"product\": {\"id\": \"" + PRODUCT_GID
                        + "\", \"status\": \"DRAFT\"}, \"userErrors\": []}}}")));

        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA.Longjing_01", PRODUCT_GID, 2)))
                .verifyComplete();

        assertThat(sent(0).path("product").path("id").asString()).isEqualTo(PRODUCT_GID);
        assertThat(sent(0).path("product").path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aWithdrawalWithoutShopifysIdFindsTheProductByItsHandleAndOneShopifyNeverMadeNeedsNothing() {
        shopify.stubFor(asked("productByIdentifier")
                .willReturn(okJson("{\"data\": {\"productByIdentifier\": {\"id\": \"" + PRODUCT_GID + "\"}}}")));
        shopify.stubFor(asked("productUpdate(product: $product)")
                .willReturn(okJson("{\"data\": {\"productUpdate\": {\"product\": {\"id\": \"" + PRODUCT_GID
                        + "\", \"status\": \"DRAFT\"}, \"userErrors\": []}}}")));

        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA.Longjing_01", null, 1)))
                .verifyComplete();
        assertThat(sent(0).path("identifier").path("handle").asString()).isEqualTo("tea-longjing-01");
        assertThat(sent(1).path("product").path("id").asString()).isEqualTo(PRODUCT_GID);

        shopify.resetAll();
        shopify.stubFor(asked("productByIdentifier").willReturn(okJson("{\"data\": {\"productByIdentifier\": null}}")));
        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA.Longjing_01", null, 1)))
                .verifyComplete();
        assertThat(calls()).as("only the lookup").isEqualTo(1);
    }

    private static MappingBuilder asked(String operation) {
        return post(urlPathEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing(operation)));
    }

    private static MappingBuilder productSet() {
        return post(urlPathEqualTo(GRAPHQL))
                .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
                .withRequestBody(matchingJsonPath("$.query", containing("productSet(identifier: $identifier")));
    }

    private static int calls() {
        return shopify.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL))).size();
    }

    /** The variables of the {@code index}th call. */
    private static JsonNode sent(int index) {
        return PartnerHttp.JSON
                .readTree(shopify.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)))
                        .get(index)
                        .getBodyAsString())
                .path("variables");
    }
}
