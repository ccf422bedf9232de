package io.storeops.listing.publishing.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.platform.partner.PartnerFailure;
import io.storeops.platform.partner.PartnerHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * The marketplace adapter against a stub of the open API on a real port: the page's pictures go
 * to the picture space once each, the item is listed by its outer id with the pictures' addresses,
 * created the first time and updated after; refusals, rate limits, server errors and answers that
 * never come.
 */
class MarketplaceStorefrontTest {

    @RegisterExtension
    static WireMockExtension marketplace = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort())
            .resetOnEachTest(true)
            .build();

    private static final String STORE = "tmall-flagship";
    private static final String APP_KEY = "mk-listing-key-456";
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Map<String, byte[]> FILES = Map.of(
            "f-3", "picture three".getBytes(StandardCharsets.UTF_8),
            "f-5", "picture five".getBytes(StandardCharsets.UTF_8));
    private static final String PICTURES = "/api/v1/pictures";
    private static final String ITEMS = "/api/v1/items";

    private MarketplaceStorefront storefront;

    @BeforeEach
    void connect() {
        storefront = storefront(fileId -> Mono.justOrEmpty(FILES.get(fileId)));
    }

    @Test
    void theFirstPublicationUploadsThePicturesOnceEachAndCreatesTheItemByItsOuterId() {
        picturesStored();
        marketplace.stubFor(
                asked(ITEMS).willReturn(json(201, "{\"itemId\": \"6540001\", \"outerId\": \"TEA.Longjing_01\"}")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo("6540001"))
                .verifyComplete();

        List<LoggedRequest> pictures = marketplace.findAll(postRequestedFor(urlPathEqualTo(PICTURES)));
        assertThat(pictures).hasSize(2);
        JsonNode first = PartnerHttp.JSON.readTree(pictures.get(0).getBodyAsString());
        assertThat(first.path("name").asString()).isEqualTo("TEA.Longjing_01-img-3");
        assertThat(first.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(Base64.getDecoder().decode(first.path("content").asString())).isEqualTo(FILES.get("f-3"));
        assertThat(pictures.get(0).getHeader("Idempotency-Key"))
                .as("the same picture is stored once, however often it is sent")
                .isEqualTo("picture-" + PartnerHttp.sha256Hex(FILES.get("f-3")));

        JsonNode item = item(0);
        assertThat(item.path("outerId").asString()).isEqualTo("TEA.Longjing_01");
        assertThat(item.has("itemId")).isFalse();
        assertThat(item.path("title").asString()).isEqualTo("西湖龙井 明前特级");
        assertThat(item.path("pageVersion").asInt()).isEqualTo(1);
        assertThat(item.path("descriptionHtml").asString())
                .isEqualTo("<h2>明前特级</h2><p>清明前采摘</p><img src=\"https://img.marketplace.example/p/img-3.jpg\">"
                        + "<p>冲泡</p><img src=\"https://img.marketplace.example/p/img-5.png\">");
        assertThat(strings(item.path("pictures")))
                .containsExactly(
                        "https://img.marketplace.example/p/img-3.jpg", "https://img.marketplace.example/p/img-5.png");
        JsonNode sku = item.path("skus").get(0);
        assertThat(sku.path("outerSkuId").asString()).isEqualTo("TEA-LJ-100");
        assertThat(sku.path("properties").asString()).isEqualTo("100 g tin");
        assertThat(sku.path("priceMinor").asLong()).isEqualTo(12800);
        assertThat(sku.path("currency").asString()).isEqualTo("CNY");
        assertThat(strings(sku.path("packageContents"))).containsExactly("tin", "gift bag");
        assertThat(marketplace
                        .findAll(postRequestedFor(urlPathEqualTo(ITEMS)))
                        .get(0)
                        .getHeader("Authorization"))
                .isEqualTo("Bearer " + APP_KEY);
    }

    @Test
    void aLaterPageVersionUpdatesTheItemItKnows() {
        picturesStored();
        marketplace.stubFor(asked(ITEMS)
                .withRequestBody(matchingJsonPath("$.itemId", equalTo("6540001")))
                .willReturn(json(200, "{\"itemId\": \"6540001\", \"outerId\": \"TEA.Longjing_01\"}")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", "6540001", 2)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo("6540001"))
                .verifyComplete();

        assertThat(item(0).path("pageVersion").asInt()).isEqualTo(2);
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndTheRetryAsksWithTheSameKeys() {
        picturesStored();
        // The marketplace lists the item, but its answer comes after the client gave up.
        marketplace.stubFor(asked(ITEMS)
                .willReturn(json(201, "{\"itemId\": \"6540001\", \"outerId\": \"TEA.Longjing_01\"}")
                        .withFixedDelay(3000)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(2));

        // Asked again, it finds the item it listed under the outer id.
        marketplace.stubFor(asked(ITEMS)
                .atPriority(1)
                .willReturn(json(
                        409,
                        "{\"code\": \"OUTER_ID_EXISTS\", \"itemId\": \"6540001\","
                                + " \"outerId\": \"TEA.Longjing_01\"}")));
        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .assertNext(receipt -> assertThat(receipt.storefrontProductId()).isEqualTo("6540001"))
                .verifyComplete();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(keys(ITEMS)).hasSize(2));
        assertThat(keys(ITEMS).get(1))
                .as("the same item asked again")
                .isEqualTo(keys(ITEMS).get(0));
        assertThat(keys(PICTURES))
                .hasSize(4)
                .containsOnly(keys(PICTURES).get(0), keys(PICTURES).get(1));
    }

    @Test
    void aConflictOverAnotherOuterIdIsARefusal() {
        picturesStored();
        marketplace.stubFor(asked(ITEMS)
                .willReturn(
                        json(409, "{\"code\": \"TITLE_TAKEN\", \"itemId\": \"6549999\", \"outerId\": \"TEA-OTHER\"}")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> failedWith(failure, true, "conflict"))
                .verify(PATIENCE);
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() {
        marketplace.stubFor(asked(PICTURES)
                .willReturn(json(429, "{\"code\": \"RATE_LIMITED\"}").withHeader("Retry-After", "12")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> {
                    failedWith(failure, false, "429");
                    assertThat(((PartnerFailure) failure).retryAfter()).contains(Duration.ofSeconds(12));
                })
                .verify(PATIENCE);
        assertThat(keys(ITEMS)).as("no item without its pictures").isEmpty();
    }

    @Test
    void aWithdrawalDelistsTheItemAndOneTheMarketplaceNoLongerHasIsDone() {
        marketplace.stubFor(asked(ITEMS + "/delisting").willReturn(json(200, "{\"itemId\": \"6590000001\"}")));

        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA-LJ", "6590000001", 2)))
                .verifyComplete();
        marketplace.resetAll();
        marketplace.stubFor(asked(ITEMS + "/delisting").willReturn(json(404, "{\"error\": \"no such item\"}")));
        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA-LJ", null, 3)))
                .verifyComplete();
        marketplace.resetAll();
        marketplace.stubFor(asked(ITEMS + "/delisting").willReturn(aResponse().withStatus(503)));
        StepVerifier.create(storefront.withdraw(new Storefront.Withdrawal(STORE, "TEA-LJ", "6590000001", 4)))
                .expectErrorSatisfies(failure -> failedWith(failure, false, "503"))
                .verify(PATIENCE);
    }

    @Test
    void eachWithdrawalAfterARelistingIsANewRequest() {
        marketplace.stubFor(asked(ITEMS + "/delisting").willReturn(json(200, "{}")));

        storefront
                .withdraw(new Storefront.Withdrawal(STORE, "TEA-LJ", "6590000001", 1))
                .block(PATIENCE);
        storefront
                .withdraw(new Storefront.Withdrawal(STORE, "TEA-LJ", "6590000001", 3))
                .block(PATIENCE);

        List<String> keys = marketplace.findAll(postRequestedFor(urlPathEqualTo(ITEMS + "/delisting"))).stream()
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
        assertThat(keys).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aServerErrorIsRetried() {
        picturesStored();
        marketplace.stubFor(asked(ITEMS).willReturn(aResponse().withStatus(503)));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> failedWith(failure, false, "503"))
                .verify(PATIENCE);
    }

    @Test
    void anItemTheMarketplaceWillNotTakeIsARefusalWithItsReason() {
        picturesStored();
        marketplace.stubFor(asked(ITEMS)
                .willReturn(json(422, "{\"code\": \"FORBIDDEN_WORD\", \"message\": \"title contains 最好\"}")));

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> failedWith(failure, true, "最好"))
                .verify(PATIENCE);
    }

    @Test
    void aPictureMissingFromTheImageStoreIsARefusalAndNothingIsListed() {
        storefront = storefront(fileId -> Mono.empty());

        StepVerifier.create(storefront.publish(SampleProducts.tea(STORE, "CNY", null, 1)))
                .expectErrorSatisfies(failure -> failedWith(failure, true, "img-3"))
                .verify(PATIENCE);
        assertThat(keys(PICTURES)).isEmpty();
        assertThat(keys(ITEMS)).isEmpty();
    }

    private MarketplaceStorefront storefront(MarketplaceStorefront.Pictures pictures) {
        return new MarketplaceStorefront(
                MarketplaceApi.of(
                        STORE, URI.create(marketplace.baseUrl() + "/api/v1/"), APP_KEY, TIMEOUT, WebClient.builder()),
                pictures);
    }

    private static void picturesStored() {
        marketplace.stubFor(asked(PICTURES)
                .withRequestBody(matchingJsonPath("$.name", equalTo("TEA.Longjing_01-img-3")))
                .willReturn(json(
                        201, "{\"pictureId\": \"P3\", \"url\": \"https://img.marketplace.example/p/img-3.jpg\"}")));
        marketplace.stubFor(asked(PICTURES)
                .withRequestBody(matchingJsonPath("$.name", equalTo("TEA.Longjing_01-img-5")))
                .willReturn(json(
                        200, "{\"pictureId\": \"P5\", \"url\": \"https://img.marketplace.example/p/img-5.png\"}")));
    }

    private static MappingBuilder asked(String path) {
        return post(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + APP_KEY));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static JsonNode item(int index) {
        return PartnerHttp.JSON.readTree(marketplace
                .findAll(postRequestedFor(urlPathEqualTo(ITEMS)))
                .get(index)
                .getBodyAsString());
    }

    private static List<String> keys(String path) {
        return marketplace.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(call -> call.getHeader("Idempotency-Key"))
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void failedWith(Throwable failure, boolean permanent, String what) {
        assertThat(failure).isInstanceOfSatisfying(PartnerFailure.class, partner -> {
            assertThat(partner.permanent()).as("for good").isEqualTo(permanent);
            assertThat(partner).hasMessageContaining(what);
        });
    }
}
