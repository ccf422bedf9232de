package io.storeops.console.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.storeops.console.ServiceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.storeops.console.ConsoleTest;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import io.storeops.console.listing.ListingStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The selling points beside an order (产品卖点, for customer service answering the buyer): the order's
 * page loads them on their own from its lines' SKUs; a product of several of the order's SKUs shows
 * once; a SKU the listing flow does not know shows nothing; listing-service out of reach shows a
 * note, and the order's page is never held up by it.
 */
@ConsoleTest
class OrderSellingPointsTest {

    private static final String BY_SKU = "/api/listings/by-sku/";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn customerService;

    @BeforeEach
    void signInAsCustomerService() {
        services.resetAll();
        ListingStubs.desks();
        customerService = SignedIn.as(http, "dev-cs-aftersale");
    }

    @Test
    void theOrdersPageLoadsTheSellingPointsOfItsLinesOnTheirOwn() {
        services.stubFor(
                get(urlEqualTo("/api/orders/tmall-flagship%3AT1001")).willReturn(json(200, "orders/held-order.json")));

        String order = customerService.page("/orders/tmall-flagship:T1001");

        assertThat(order)
                .contains(
                        "id=\"order-selling-points\"",
                        "hx-get=\"/selling-points?sku=TEA-LJ-250\"",
                        "hx-trigger=\"load\"");
        services.verify(0, getRequestedFor(urlPathMatching("/api/listings.*")));
    }

    @Test
    void eachProductOfTheOrderShowsItsSellingPointsOnceWithALinkToItsPage() {
        services.stubFor(get(urlPathMatching(BY_SKU + "TEA-LJ-(250|500)"))
                .willReturn(json(200, "listing/product-retouched.json")));

        String besideOrder = customerService.fragment("/selling-points?sku=TEA-LJ-250&sku=TEA-LJ-500&sku=TEA-LJ-250");

        assertThat(besideOrder)
                .contains("id=\"order-selling-points\"", "href=\"/listing/LJ-2026\"", "TEA-LJ-250, TEA-LJ-500")
                .contains("明前采摘", "一芽一叶", "龙井43 茶树", "保质期多久?", "18 个月")
                .doesNotContain("selling-points-unavailable");
        assertThat(besideOrder.split("id=\"selling-points-LJ-2026\"")).hasSize(2);
        services.verify(
                1,
                getRequestedFor(urlPathEqualTo(BY_SKU + "TEA-LJ-250"))
                        .withHeader("Authorization", equalTo("Bearer secret-bearer-token")));
    }

    @Test
    void aSkuTheListingFlowDoesNotKnowShowsNothing() {
        services.stubFor(get(urlPathEqualTo(BY_SKU + "GIFT-CARD")).willReturn(json(404, """
                        {"type": "urn:storeops:problem:not-found", "title": "Not found", "status": 404,
                         "detail": "Product with SKU GIFT-CARD is not on record."}""")));

        String besideOrder = customerService
                .htmxGet("/selling-points?sku=GIFT-CARD")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(besideOrder == null ? "" : besideOrder.strip()).isEmpty();
    }

    @Test
    void listingServiceOutOfReachShowsANoteNeverAnError() {
        services.stubFor(get(urlPathEqualTo(BY_SKU + "TEA-LJ-250"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        services.stubFor(get(urlPathEqualTo(BY_SKU + "TEA-LJ-500")).willReturn(json(503, """
                {"type": "urn:storeops:problem:unavailable", "title": "Unavailable", "status": 503, "detail": "Down."}""")));

        String besideOrder = customerService.inChinese().fragment("/selling-points?sku=TEA-LJ-250&sku=TEA-LJ-500");

        assertThat(besideOrder).contains("id=\"selling-points-unavailable\"", "暂时无法显示卖点");
    }
}
