package io.storeops.console.listing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.listing.ListingStubs.PRODUCT;
import static io.storeops.console.listing.ListingStubs.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.storeops.console.Browser;
import io.storeops.console.ConsoleTest;
import io.storeops.console.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The listing screens in a real browser (Debian's chromium), listing-service and the desks stubbed
 * with WireMock: the supervisor opens the listing board with its thumbnails, the product's page,
 * says they have read the selling points, reviews the retouched images, and opens the detail page
 * editor, whose preview shows the product's picture and follows what is typed and inserted from
 * the toolbar (the console offers the editor because the stubbed answer's {@code steps} do: it
 * follows the service's steps, whoever is signed in). After-sale customer service, in Chinese, sees
 * the selling points beside an order. Screens are photographed into {@code target/screenshots}.
 */
@ConsoleTest
class ListingBrowserIT {

    private static final String APPROVED = "approved";

    @LocalServerPort
    int port;

    private final WireMockServer services = StubServices.server();

    @BeforeEach
    void stubTheServices() {
        services.resetAll();
        ListingStubs.desks();
        ListingStubs.pictures();
        services.stubFor(get(urlPathEqualTo("/api/listings")).willReturn(json(200, "listing/board.json")));
        services.stubFor(get(urlPathEqualTo(PRODUCT))
                .inScenario("review")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "listing/product-retouched.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/selling-points/acknowledgement"))
                .inScenario("review")
                .willReturn(json(200, product("product-retouched.json", "\"readByMe\": false", "\"readByMe\": true"))));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/images/review"))
                .inScenario("review")
                .willSetStateTo(APPROVED)
                .willReturn(json(200, "listing/product-images-approved.json")));
        services.stubFor(get(urlPathEqualTo(PRODUCT))
                .inScenario("review")
                .whenScenarioStateIs(APPROVED)
                .willReturn(json(200, "listing/product-images-approved.json")));
    }

    @Test
    void theSupervisorGoesFromTheBoardThroughTheSellingPointsAndTheImageReviewToTheEditorsPreview() throws Exception {
        try (Browser browser = new Browser(port, "en")) {
            browser.signIn("dev-supervisor");

            browser.find(By.id("nav-listing")).click();
            WebElement card = browser.find(By.id("product-LJ-2026"));
            assertThat(card.getText()).contains("西湖龙井 明前特级", "LJ-2026", "2 SKUs", "waiting");
            assertThat(browser.find(By.id("product-BLC-2026")).getText()).contains("Publication failed:", "Shopify US");
            waitForPicture(browser, "#product-LJ-2026 img");
            browser.screenshot("listing-board");

            card.findElement(By.linkText("西湖龙井 明前特级")).click();
            browser.waitForText(By.id("product-step"), "Retouched, in review");
            assertThat(browser.find(By.id("selling-points")).getText()).contains("明前采摘", "保质期多久?", "18 个月");
            waitForPicture(browser, "#image-img-3 img");
            browser.screenshot("listing-product");

            browser.find(By.id("acknowledge")).click();
            browser.waitForText(By.id("read-by-me"), "You have read version 1.");
            services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/selling-points/acknowledgement"))
                    .withHeader("Authorization", equalTo("Bearer supervisor-token")));

            browser.find(By.id("approve-img-3")).click();
            browser.find(By.id("approve-img-4")).click();
            browser.screenshot("listing-image-review");
            browser.find(By.id("review-submit")).click();
            browser.waitForText(By.id("feedback"), "The review is recorded.");
            assertThat(browser.find(By.id("product-step")).getText()).isEqualTo("Images approved");
            assertThat(browser.find(By.id("verdict-img-3")).getText()).contains("Approved", "li.supervisor");
            assertThat(browser.has(By.id("image-review"))).isFalse();

            browser.find(By.id("edit-page")).click();
            browser.find(By.id("page-html"));
            WebElement picture = waitForPicture(browser, "#page-preview img");
            assertThat(picture.getAttribute("src")).endsWith("/listing/LJ-2026/images/img-3");
            assertThat(browser.find(By.id("page-preview")).getText()).contains("明前特级", "清明前采摘");

            WebElement text = browser.find(By.id("page-html"));
            text.sendKeys("\n<p>一芽一叶</p>\n");
            browser.find(By.id("insert-img-4")).click();
            waitForPicture(browser, "#page-preview img[src$='/images/img-4']");
            browser.waitForText(By.id("page-preview"), "一芽一叶");
            assertThat(text.getAttribute("value")).contains("<img src=\"image:img-4\" alt=\"主图2\">");
            assertThat(browser.fitsTheWidth()).isTrue();
            browser.screenshot("listing-editor-preview");
        }
    }

    @Test
    void customerServiceSeesTheSellingPointsBesideTheOrderInChinese() throws Exception {
        services.stubFor(
                get(urlEqualTo("/api/orders/tmall-flagship%3AT1001")).willReturn(json(200, "orders/held-order.json")));
        services.stubFor(get(urlPathMatching("/api/listings/by-sku/TEA-LJ-250"))
                .willReturn(json(200, "listing/product-retouched.json")));
        try (Browser browser = new Browser(port, "zh-CN")) {
            browser.signIn("dev-cs-aftersale");
            browser.open("/orders/tmall-flagship:T1001");

            browser.waitForText(By.id("order-selling-points"), "这些商品的卖点");
            assertThat(browser.find(By.id("order-selling-points")).getText())
                    .contains("西湖龙井 明前特级", "明前采摘", "保质期多久?", "18 个月");
            browser.script("document.getElementById('order-selling-points').scrollIntoView();");
            browser.screenshot("listing-selling-points-beside-order-zh");
            browser.find(By.linkText("西湖龙井 明前特级")).click();
            browser.waitForText(By.id("product-step"), "已美化，审核中");
            assertThat(browser.path()).isEqualTo("/listing/LJ-2026");
        }
    }

    /** The picture {@code selector} finds, once the browser has loaded it through the console. */
    private static WebElement waitForPicture(Browser browser, String selector) {
        browser.waitUntilTrue("var picture = document.querySelector(\"" + selector + "\");"
                + " return picture != null && picture.complete && picture.naturalWidth > 0;");
        return browser.find(By.cssSelector(selector));
    }
}
