package io.storeops.console.listing;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.SignedIn.form;
import static io.storeops.console.listing.ListingStubs.PRODUCT;
import static io.storeops.console.listing.ListingStubs.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storeops.console.ConsoleTest;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The listing pages against listing-service's answers: the board by step, the select form sent in
 * minor units (and refused with what was typed kept), a product's page offering only the steps the
 * service offers, the selling points read, an image review sent per image and refused for one's own
 * work, the pictures through the console with the person's token, the detail page editor's cleaned
 * preview, save and submission, the readers list and a failed publication retried.
 */
@ConsoleTest
class ListingPagesTest {

    private static final String SUPERVISOR = "Bearer supervisor-token";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn supervisor;

    @BeforeEach
    void signInAsTheSupervisor() {
        services.resetAll();
        ListingStubs.desks();
        supervisor = SignedIn.as(http, "dev-supervisor");
    }

    @Test
    void theBoardShowsTheStoresProductsByStepEachLongestWaitingFirst() {
        services.stubFor(get(urlPathEqualTo("/api/listings")).willReturn(json(200, "listing/board.json")));

        String board = supervisor.page("/listing?store=tmall-flagship");

        services.verify(getRequestedFor(urlPathEqualTo("/api/listings"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .withQueryParam("limit", equalTo("500"))
                .withQueryParam("step", absent()));
        assertThat(board)
                .contains("id=\"nav-listing\"", "Listing board")
                .contains("id=\"step-SELECTED\"", "id=\"step-RETOUCHED\"", "id=\"step-PUBLISHING\"")
                .contains("src=\"/listing/LJ-2026/images/img-3/thumbnail\"", "alt=\"Picture of 西湖龙井 明前特级\"")
                .contains("No picture yet", "2 SKUs", "1 SKU", "waiting ")
                .contains("Publication failed:", ">Shopify US<")
                .contains("id=\"select-form\"", "Price in 天猫旗舰店 (CNY)", "Price in Shopify US (USD)");
        // the steps in the flow's order; within a step, as the service sent them: longest waiting first
        assertThat(board.indexOf("id=\"step-SELECTED\"")).isLessThan(board.indexOf("id=\"step-RETOUCHED\""));
        assertThat(board.indexOf("id=\"step-RETOUCHED\"")).isLessThan(board.indexOf("id=\"step-PUBLISHING\""));
        assertThat(board.indexOf("id=\"product-LJ-2026\"")).isLessThan(board.indexOf("id=\"product-AJ-2026\""));

        String chinese = supervisor.inChinese().page("/listing?store=tmall-flagship&step=RETOUCHED");
        services.verify(getRequestedFor(urlPathEqualTo("/api/listings")).withQueryParam("step", equalTo("RETOUCHED")));
        assertThat(chinese).contains("上架看板", "已美化，审核中", "已等待", "挑选商品", "商品上架");
        supervisor
                .get("/listing?store=tmall-flagship&step=NONSENSE")
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void customerServiceSeesTheBoardButNoSelectForm() {
        services.stubFor(get(urlPathEqualTo("/api/listings")).willReturn(json(200, "listing/board.json")));
        SignedIn customerService = SignedIn.as(http, "dev-cs-aftersale");

        String board = customerService.page("/listing?store=tmall-flagship");

        assertThat(board).contains("id=\"nav-listing\"", "西湖龙井 明前特级").doesNotContain("select-form");
        services.verify(getRequestedFor(urlPathEqualTo("/api/listings"))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token")));
    }

    @Test
    void aSelectedProductIsSentInMinorUnitsAndItsPageOpens() {
        services.stubFor(post(urlPathEqualTo("/api/listings")).willReturn(json(201, "listing/product-retouched.json")));

        supervisor
                .post(
                        "/listing",
                        form(
                                "spuCode", "LJ-2026",
                                "title", "西湖龙井 明前特级",
                                "home", "tmall-flagship",
                                "alsoIn", "shopify-us",
                                "sku.0", "TEA-LJ-250",
                                "variant.0", "250 g",
                                "price.0.tmall-flagship", "¥1,280.00",
                                "price.0.shopify-us", "29",
                                "contents.0", "茶罐、礼盒, 说明书",
                                "sku.1", "",
                                "variant.1", "",
                                "price.1.tmall-flagship", "",
                                "contents.1", "",
                                "targetBuyer", "办公室白领",
                                "priceBand", "100-300",
                                "season", "",
                                "notes", ""))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Redirect", "/listing/LJ-2026");

        services.verify(postRequestedFor(urlPathEqualTo("/api/listings"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .withRequestBody(equalToJson("""
                        {"spuCode": "LJ-2026", "title": "西湖龙井 明前特级", "stores": ["tmall-flagship", "shopify-us"],
                         "skus": [{"sku": "TEA-LJ-250", "variant": "250 g",
                                   "prices": [{"storeId": "tmall-flagship", "price": {"amountMinor": 128000, "currency": "CNY"}},
                                              {"storeId": "shopify-us", "price": {"amountMinor": 2900, "currency": "USD"}}],
                                   "packageContents": ["茶罐", "礼盒", "说明书"]}],
                         "positioning": {"targetBuyer": "办公室白领", "priceBand": "100-300", "season": "", "notes": ""}}
                        """, true, false)));
    }

    @Test
    void aRefusedSelectionSaysWhyNextToTheFormWithWhatWasTyped() {
        services.stubFor(post(urlPathEqualTo("/api/listings")).willReturn(json(409, """
                        {"type": "urn:storeops:problem:sku-taken", "title": "Conflict", "status": 409,
                         "detail": "TEA-LJ-250 belongs to LJ-2025."}""")));

        String refused = supervisor
                .post(
                        "/listing",
                        form(
                                "spuCode",
                                "LJ-2026",
                                "title",
                                "西湖龙井",
                                "home",
                                "tmall-flagship",
                                "sku.0",
                                "TEA-LJ-250",
                                "price.0.tmall-flagship",
                                "128"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("id=\"select-problem\"", "belongs to another product: TEA-LJ-250 belongs to LJ-2025.")
                .contains("value=\"TEA-LJ-250\"", "value=\"128\"", "value=\"西湖龙井\"");

        String notAnAmount = supervisor
                .post(
                        "/listing",
                        form(
                                "spuCode",
                                "LJ-2026",
                                "title",
                                "西湖龙井",
                                "home",
                                "tmall-flagship",
                                "sku.0",
                                "TEA-LJ-250",
                                "price.0.tmall-flagship",
                                "12.345"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(notAnAmount).contains("Row 1: the price in 天猫旗舰店, 12.345, is not an amount of CNY.");
        services.verify(1, postRequestedFor(urlPathEqualTo("/api/listings")));
    }

    @Test
    void moreRowsAddsBlankRowsAndSendsNothing() {
        String more = supervisor
                .post(
                        "/listing",
                        form("spuCode", "LJ-2026", "sku.0", "TEA-LJ-250", "home", "tmall-flagship", "moreRows", "1"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(more).contains("name=\"sku.3\"", "value=\"TEA-LJ-250\"").doesNotContain("name=\"sku.4\"");
        services.verify(0, anyRequestedFor(urlPathMatching("/api/listings.*")));
    }

    @Test
    void theProductPageOffersTheStepsTheServiceOffersAndNoOthers() {
        services.stubFor(get(urlPathEqualTo(PRODUCT))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .willReturn(json(200, "listing/product-retouched.json")));

        String page = supervisor.page("/listing/LJ-2026");

        assertThat(page)
                .contains("西湖龙井 明前特级", "Retouched, in review", "CN¥128.00", "$29.00", "茶罐、礼盒", "办公室白领")
                .contains("明前采摘", "保质期多久?", "18 个月", "id=\"acknowledge\"", "id=\"readers-link\"")
                .contains("id=\"image-img-1\"", "src=\"/listing/LJ-2026/images/img-1/thumbnail\"", "盖子上有划痕，请修掉")
                .contains("id=\"comment-img-3\"")
                .contains("id=\"image-review\"", "name=\"verdict.img-3\"", "name=\"verdict.img-4\"")
                .contains("id=\"card-editor\"", "id=\"edit-form\"", "id=\"withdraw\"")
                .contains("id=\"listing-timeline\"", "Selling points published");
        // neither offered by the service nor the supervisor's by role
        assertThat(page)
                .doesNotContain("id=\"submit-originals\"", "id=\"submit-retouched\"", "id=\"publish\"")
                .doesNotContain("id=\"upload-original\"", "id=\"upload-retouched\"", "id=\"page-review\"");

        services.stubFor(get(urlPathEqualTo(PRODUCT))
                .withHeader("Authorization", equalTo("Bearer secret-bearer-token"))
                .willReturn(json(
                        200,
                        product(
                                "product-retouched.json",
                                "\"steps\": [\"edit\", \"selling-points\", \"images/review\", \"withdrawal\"]",
                                "\"steps\": []"))));
        String customerService =
                SignedIn.as(http, "dev-cs-aftersale").inChinese().page("/listing/LJ-2026");
        assertThat(customerService)
                .contains("id=\"acknowledge\"", "我已阅读卖点", "已美化，审核中", "¥128.00")
                .doesNotContain("id=\"image-review\"", "id=\"card-editor\"", "id=\"edit-form\"", "id=\"withdraw\"")
                .doesNotContain("id=\"comment-img-3\"", "id=\"readers-link\"");
    }

    @Test
    void aDesignerIsOfferedTheUploadsOfTheirRoleAndTheHandOverTheServiceOffers() {
        // the person's roles are the order desk's answer for their token: here, a designer's
        services.stubFor(get(urlPathEqualTo("/api/order-desk"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .willReturn(json(200, "listing/desk-designer.json")));
        services.stubFor(get(urlPathEqualTo(PRODUCT))
                .willReturn(json(
                        200,
                        product(
                                "product-retouched.json",
                                "\"step\": \"RETOUCHED\"",
                                "\"step\": \"IMAGES_REJECTED\"",
                                "\"underReview\": [\"img-3\", \"img-4\"]",
                                "\"underReview\": []",
                                "\"steps\": [\"edit\", \"selling-points\", \"images/review\", \"withdrawal\"]",
                                "\"steps\": [\"retouched/submission\"]"))));

        String page = SignedIn.as(http, "dev-supervisor").page("/listing/LJ-2026");

        assertThat(page)
                .contains("id=\"upload-original\"", "id=\"original-slot\"", "<option value=\"主图1\">")
                .contains("id=\"upload-retouched\"", "<option value=\"img-1\">主图1 · img-1</option>")
                .contains("id=\"submit-retouched\"", "id=\"comment-img-3\"", "Images rejected")
                .doesNotContain("id=\"image-review\"", "id=\"readers-link\"", "id=\"card-editor\"", "id=\"withdraw\"");
    }

    @Test
    void readingTheSellingPointsIsSaidAndThePageSaysSo() {
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/selling-points/acknowledgement"))
                .willReturn(json(200, product("product-retouched.json", "\"readByMe\": false", "\"readByMe\": true"))));

        String answer = supervisor
                .post("/listing/LJ-2026/acknowledgement", form())
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer)
                .startsWith("<section id=\"product\"")
                .contains("Thank you: you have read the selling points.", "You have read version 1.")
                .doesNotContain("id=\"acknowledge\"");
        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/selling-points/acknowledgement"))
                .withHeader("Authorization", equalTo(SUPERVISOR)));
    }

    @Test
    void theImageReviewSendsAVerdictPerImageAndAReviewOfOnesOwnWorkIsRefusedWithTheVerdictsKept() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-retouched.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/images/review")).willReturn(json(403, """
                        {"type": "urn:storeops:problem:four-eyes", "title": "Forbidden", "status": 403,
                         "detail": "You retouched img-3: someone else reviews it."}""")));
        var review = form(
                "image", "img-3",
                "verdict.img-3", "APPROVED",
                "comment.img-3", "",
                "image", "img-4",
                "verdict.img-4", "REJECTED",
                "comment.img-4", "背景太暗");

        String refused = supervisor
                .post("/listing/LJ-2026/images/review", review)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/images/review"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .withRequestBody(equalToJson("""
                        {"verdicts": [{"imageId": "img-3", "verdict": "APPROVED", "comment": ""},
                                      {"imageId": "img-4", "verdict": "REJECTED", "comment": "背景太暗"}]}""")));
        assertThat(refused)
                .contains("id=\"problem\"", "This is your own work: someone else reviews it.")
                .contains("value=\"背景太暗\"")
                .containsPattern("id=\"reject-img-4\" name=\"verdict.img-4\" value=\"REJECTED\"\\s+checked");

        services.stubFor(post(urlPathEqualTo(PRODUCT + "/images/review"))
                .willReturn(json(200, "listing/product-images-approved.json")));
        String approved = supervisor
                .post("/listing/LJ-2026/images/review", review)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(approved)
                .contains("The review is recorded.", "Images approved", "id=\"verdict-img-3\"")
                .doesNotContain("id=\"image-review\"", "背景太暗");
    }

    @Test
    void aStepTheProductsStepRefusesIsExplainedInTheReadersLanguage() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-publishing.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/withdrawal")).willReturn(json(409, """
                        {"type": "urn:storeops:problem:listing-step", "title": "Conflict", "status": 409,
                         "detail": "A product at PUBLISHING cannot take WITHDRAW.", "currentStep": "PUBLISHING"}""")));

        String refused = supervisor
                .inChinese()
                .post("/listing/LJ-2026/withdrawal", form("text", "换季下架"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/withdrawal"))
                .withRequestBody(equalToJson("{\"reason\": \"换季下架\"}")));
        assertThat(refused).contains("现在无法操作（商品处于“发布中”）", "value=\"换季下架\"");
    }

    @Test
    void picturesComeThroughTheConsoleWithThePersonsTokenAndOnlyToASession() {
        ListingStubs.pictures();
        services.stubFor(get(urlPathEqualTo(PRODUCT + "/images/img-9")).willReturn(json(404, """
                        {"type": "urn:storeops:problem:not-found", "title": "Not found", "status": 404,
                         "detail": "Image img-9 is not on record."}""")));

        byte[] thumbnail = supervisor
                .get("/listing/LJ-2026/images/img-3/thumbnail")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.IMAGE_PNG)
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400, private")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(thumbnail).isEqualTo(ListingStubs.PICTURE);
        services.verify(getRequestedFor(urlPathEqualTo(PRODUCT + "/images/img-3/thumbnail"))
                .withHeader("Authorization", equalTo(SUPERVISOR)));

        supervisor.get("/listing/LJ-2026/images/img-9").expectStatus().isNotFound();
        http.get()
                .uri("/listing/LJ-2026/images/img-3")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/sign-in");
        services.verify(0, getRequestedFor(urlPathEqualTo(PRODUCT + "/images/img-3")));
    }

    @Test
    void anUploadIsPassedOnAndARefusedFileIsExplained() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-retouched.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/images")).willReturn(json(415, """
                        {"type": "urn:storeops:problem:image-refused", "title": "Image refused", "status": 415,
                         "detail": "The file is not a JPEG, PNG or GIF.", "reason": "NOT_AN_IMAGE"}""")));

        String refused = supervisor
                .postFile("/listing/LJ-2026/images", "file", "notes.pdf", "%PDF-1.7".getBytes())
                .expectStatus()
                .isEqualTo(415)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(refused).contains("That file is not a photograph a page can use: upload a JPEG, PNG or GIF.");
        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/images"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .withRequestBodyPart(aMultipart()
                        .withName("file")
                        .withBody(equalTo("%PDF-1.7"))
                        .build()));
    }

    @Test
    void theEditorPreviewsWhatIsTypedCleanedAndWithTheProductsPictures() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-images-approved.json")));

        String editor = supervisor.page("/listing/LJ-2026/page");

        assertThat(editor)
                .contains("id=\"page-html\"", "&lt;h2&gt;明前特级&lt;/h2&gt;", "id=\"insert-img-3\"", "id=\"insert-img-4\"")
                .contains("data-insert=\"&lt;img src=&quot;image:img-3&quot; alt=&quot;主图1&quot;&gt;\"")
                .contains("<h2>明前特级</h2>", "<img src=\"/listing/LJ-2026/images/img-3\" alt=\"img-3\">")
                .contains("hx-post=\"/listing/LJ-2026/page/preview\"", "src=\"/listing.js\"");

        String preview = supervisor
                .post(
                        "/listing/LJ-2026/page/preview",
                        form(
                                "html",
                                "<h2>新茶</h2><script>alert(1)</script><img src=\"image:img-4\" onerror=\"alert(2)\">"
                                        + "<img src=\"https://elsewhere.example/x.png\"><img src=\"image:img-1\">"
                                        + "<p style=\"color:red\" onclick=\"steal()\">清香</p>"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(preview)
                .contains("<h2>新茶</h2>", "src=\"/listing/LJ-2026/images/img-4\"", "<p>清香</p>")
                .contains("id=\"preview-not-approved\"", "img-1")
                .doesNotContain("<script", "alert(", "elsewhere.example", "style=", "onclick");
    }

    @Test
    void savingAndSubmittingSendsWhatIsTypedThenHandsItOnAndARefusalKeepsTheText() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-images-approved.json")));
        services.stubFor(put(urlPathEqualTo(PRODUCT + "/detail-page"))
                .willReturn(json(200, "listing/product-images-approved.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/detail-page/submission"))
                .willReturn(json(
                        200,
                        product(
                                "product-images-approved.json",
                                "\"IMAGES_APPROVED\"",
                                "\"DETAIL_PAGE_SUBMITTED\"",
                                "\"detail-page/submission\",",
                                ""))));

        String submitted = supervisor
                .post("/listing/LJ-2026/page", form("html", "<h2>明前特级</h2><img src=\"image:img-4\">", "submit", "1"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        services.verify(putRequestedFor(urlPathEqualTo(PRODUCT + "/detail-page"))
                .withHeader("Authorization", equalTo(SUPERVISOR))
                .withRequestBody(equalToJson("{\"html\": \"<h2>明前特级</h2><img src=\\\"image:img-4\\\">\"}")));
        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/detail-page/submission")));
        assertThat(submitted)
                .startsWith("<section id=\"editor\"")
                .contains("The draft is saved and submitted for review.", "id=\"read-only\"", "Detail page in review")
                .doesNotContain("id=\"page-form\"");

        services.stubFor(put(urlPathEqualTo(PRODUCT + "/detail-page")).willReturn(json(422, """
                        {"type": "urn:storeops:problem:invalid-payload", "title": "Invalid payload", "status": 422,
                         "detail": "the page shows img-1, which is not an approved image of LJ-2026."}""")));
        String refused = supervisor
                .post("/listing/LJ-2026/page", form("html", "<p>改</p><img src=\"image:img-1\">"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("the page shows img-1, which is not an approved image of LJ-2026.")
                .contains("&lt;p&gt;改&lt;/p&gt;", "id=\"preview-not-approved\"");
        services.verify(1, postRequestedFor(urlPathEqualTo(PRODUCT + "/detail-page/submission")));
    }

    @Test
    void theReadersListShowsWhoHasNotReadTheCurrentVersion() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-retouched.json")));
        services.stubFor(
                get(urlPathEqualTo(PRODUCT + "/acknowledgements")).willReturn(json(200, "listing/readers.json")));

        String readers = supervisor.page("/listing/LJ-2026/readers");

        assertThat(readers)
                .contains("1 of 3 have read version 1.", "zhao.designer", "Designer", "sun.warehouse", "Warehouse")
                .contains("chen.cs", "Pre-sale customer service", "Nov 21, 2026");
        assertThat(readers.indexOf("zhao.designer")).isLessThan(readers.indexOf("chen.cs"));
        services.verify(getRequestedFor(urlPathEqualTo(PRODUCT + "/acknowledgements"))
                .withHeader("Authorization", equalTo(SUPERVISOR)));
    }

    @Test
    void aFailedPublicationIsShownWithItsErrorAndSentAgain() {
        services.stubFor(get(urlPathEqualTo(PRODUCT)).willReturn(json(200, "listing/product-publishing.json")));
        services.stubFor(post(urlPathEqualTo(PRODUCT + "/publication/shopify-us/retry"))
                .willReturn(json(
                        200, product("product-publishing.json", "\"status\": \"FAILED\"", "\"status\": \"PENDING\""))));

        String page = supervisor.page("/listing/LJ-2026");
        assertThat(page)
                .contains("id=\"publication-shopify-us\"", "429 Too Many Requests", "id=\"retry-shopify-us\"", "Failed")
                .contains("NATIVE · tm-889", "Publishing")
                .doesNotContain("id=\"retry-tmall-flagship\"");

        String retried = supervisor
                .post("/listing/LJ-2026/publication/shopify-us/retry", form())
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(retried)
                .contains("The publication is sent again.", "Being sent")
                .doesNotContain("id=\"retry-shopify-us\"");
        services.verify(postRequestedFor(urlPathEqualTo(PRODUCT + "/publication/shopify-us/retry"))
                .withHeader("Authorization", equalTo(SUPERVISOR)));
    }

    @Test
    void aProductNotInThePersonsStoresIsNotThere() {
        services.stubFor(get(urlPathEqualTo("/api/listings/XX-1")).willReturn(json(404, """
                        {"type": "urn:storeops:problem:not-found", "title": "Not found", "status": 404,
                         "detail": "Product XX-1 is not on record."}""")));

        supervisor.get("/listing/XX-1").expectStatus().isNotFound();
    }
}
