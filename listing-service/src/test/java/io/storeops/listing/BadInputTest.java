package io.storeops.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.listing.ProductsAtStep.At;
import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.products.Listing;
import io.storeops.listing.products.Listings;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests to the listing flow, each answered with its problem (status and type) and changing
 * nothing: the product is stored the same before and after, and a refused selection stores none.
 */
@ServiceTest
class BadInputTest {

    private static final String STORE = "tmall-flagship";
    private static final String SUPERVISOR = TestTokens.bearer("li.supervisor", StaffRole.SUPERVISOR, STORE);
    private static final String STORE_MANAGER = TestTokens.bearer("wang.store-manager", StaffRole.STORE_MANAGER, STORE);
    private static final String DESIGNER = TestTokens.bearer("zhao.designer", StaffRole.DESIGNER, STORE);
    /** The fixtures' own designer and reviewer, reviewing what they made themselves. */
    private static final String FIXTURE_AS_REVIEWER =
            TestTokens.bearer(ProductsAtStep.FIXTURE, StaffRole.STORE_MANAGER, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    Listings listings;

    @Autowired
    ImageFiles files;

    private ProductsAtStep products;

    @BeforeEach
    void products() {
        products = new ProductsAtStep(listings, files);
    }

    /** A multipart upload's parts besides the file, and the file (named {@code name}). */
    record Upload(Map<String, String> parts, byte[] file, String name) {

        Upload(Map<String, String> parts, byte[] file) {
            this(parts, file, "photo.jpg");
        }

        /** A catalogue of {@code text} in UTF-8, with the parts {@code format} and {@code storeId} as given. */
        static Upload catalogue(String text, Map<String, String> parts) {
            return new Upload(parts, text.getBytes(StandardCharsets.UTF_8), "catalogue.csv");
        }
    }

    /**
     * A bad request on a product at {@code at} ({p} in the uri; a selection's body is made from the
     * new SPU {@code NEW}): who sends it, how, and the problem it must get.
     */
    record Bad(String name, At at, String bearer, HttpMethod method, String uri, Object body, int status, String type) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final String NEW = "{new}";

    static Stream<Bad> badRequests() {
        byte[] text = "this is not a picture, whatever its name says".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                new Bad(
                        "a text file uploaded as a photograph",
                        At.SELLING_POINTS_PUBLISHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "ORIGINAL", "slot", "主图1"), text),
                        415,
                        "image-refused"),
                new Bad(
                        "a 50 MB upload",
                        At.SELLING_POINTS_PUBLISHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "ORIGINAL", "slot", "主图1"), new byte[50 * 1024 * 1024]),
                        413,
                        "payload-too-large"),
                new Bad(
                        "a picture too small for a product page",
                        At.SELLING_POINTS_PUBLISHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "ORIGINAL", "slot", "主图1"), ListingSteps.png(40, 40)),
                        422,
                        "image-refused"),
                new Bad(
                        "an upload of an unknown stage",
                        At.SELLING_POINTS_PUBLISHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "FINAL", "slot", "主图1"), ListingSteps.png(400, 400)),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a retouching of no original of the product",
                        At.SHOT,
                        DESIGNER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "RETOUCHED", "retouchedFrom", "img-9"), ListingSteps.png(400, 400)),
                        422,
                        "invalid-payload"),
                new Bad(
                        "approving one's own retouching",
                        At.RETOUCHED,
                        FIXTURE_AS_REVIEWER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images/review",
                        Map.of("verdicts", List.of(Map.of("imageId", "img-2", "verdict", "APPROVED"))),
                        403,
                        "four-eyes"),
                new Bad(
                        "a verdict that names no image",
                        At.RETOUCHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images/review",
                        Map.of("verdicts", List.of(Map.of("verdict", "APPROVED"))),
                        422,
                        "invalid-payload"),
                new Bad(
                        "an original after the pictures were approved",
                        At.IMAGES_APPROVED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images",
                        new Upload(Map.of("stage", "ORIGINAL", "slot", "主图9"), ListingSteps.png(400, 400)),
                        409,
                        "listing-step"),
                new Bad(
                        "rejecting an image without saying why",
                        At.RETOUCHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images/review",
                        Map.of("verdicts", List.of(Map.of("imageId", "img-2", "verdict", "REJECTED"))),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a review that leaves an image under review out",
                        At.RETOUCHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images/review",
                        Map.of("verdicts", List.of()),
                        422,
                        "invalid-payload"),
                new Bad(
                        "reviewing images before any were handed on",
                        At.SHOT,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/images/review",
                        Map.of("verdicts", List.of(Map.of("imageId", "img-1", "verdict", "APPROVED"))),
                        409,
                        "listing-step"),
                new Bad(
                        "publishing an unapproved page",
                        At.DETAIL_PAGE_SUBMITTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/{p}/publication",
                        null,
                        409,
                        "listing-step"),
                new Bad(
                        "approving one's own detail page",
                        At.DETAIL_PAGE_SUBMITTED,
                        FIXTURE_AS_REVIEWER,
                        HttpMethod.POST,
                        "/api/listings/{p}/detail-page/review",
                        Map.of("verdict", "APPROVED"),
                        403,
                        "four-eyes"),
                new Bad(
                        "a page review without a verdict",
                        At.DETAIL_PAGE_SUBMITTED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/detail-page/review",
                        Map.of("comment", "好"),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a detail page showing an image nobody approved",
                        At.IMAGES_APPROVED,
                        DESIGNER,
                        HttpMethod.PUT,
                        "/api/listings/{p}/detail-page",
                        Map.of("html", "<p>原图</p><img src=\"image:img-1\">"),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a detail page that is only a script",
                        At.IMAGES_APPROVED,
                        DESIGNER,
                        HttpMethod.PUT,
                        "/api/listings/{p}/detail-page",
                        Map.of("html", "<script>alert('x')</script>"),
                        422,
                        "invalid-payload"),
                new Bad(
                        "submitting a page with no draft",
                        At.IMAGES_APPROVED,
                        DESIGNER,
                        HttpMethod.POST,
                        "/api/listings/{p}/detail-page/submission",
                        null,
                        409,
                        "no-detail-page"),
                new Bad(
                        "an empty selling-points card",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.PUT,
                        "/api/listings/{p}/selling-points",
                        Map.of("highlights", List.of()),
                        422,
                        "invalid-payload"),
                new Bad(
                        "acknowledging selling points never published",
                        At.SELECTED,
                        DESIGNER,
                        HttpMethod.POST,
                        "/api/listings/{p}/selling-points/acknowledgement",
                        null,
                        409,
                        "no-selling-points"),
                new Bad(
                        "handing on originals before any were uploaded",
                        At.SELLING_POINTS_PUBLISHED,
                        STORE_MANAGER,
                        HttpMethod.POST,
                        "/api/listings/{p}/originals/submission",
                        null,
                        409,
                        "no-images"),
                new Bad(
                        "retrying a publication that did not fail",
                        At.DETAIL_PAGE_APPROVED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/{p}/publication/" + STORE + "/retry",
                        null,
                        409,
                        "not-failed"),
                new Bad(
                        "withdrawing without a reason",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/{p}/withdrawal",
                        Map.of("reason", " "),
                        422,
                        "invalid-payload"),
                new Bad(
                        "an edit pricing a SKU in the wrong currency",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.PUT,
                        "/api/listings/{p}",
                        sheet("{p}", sku -> withPrice(sku, 12800, "USD")),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a selection with a price of nothing",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings",
                        sheet(NEW, sku -> withPrice(sku, 0, "CNY")),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a selection for a store the department does not run",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings",
                        withStores(sheet(NEW, sku -> sku), List.of("jd-nowhere")),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a selection whose SPU code has a space",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings",
                        withSpu(sheet(NEW, sku -> sku), "TEA LJ"),
                        422,
                        "invalid-payload"),
                new Bad(
                        "a selection taking another product's SKU",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings",
                        sheet(
                                NEW,
                                sku -> withCode(sku, sku.get("sku").toString().replace(NEW, "{p}"))),
                        409,
                        "sku-taken"),
                new Bad(
                        "a catalogue without its SKU column",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/catalogue",
                        Upload.catalogue("SPU,price:" + STORE + "\n" + NEW + ",12.80\n", Map.of()),
                        422,
                        "file-refused"),
                new Bad(
                        "an empty catalogue",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/catalogue",
                        Upload.catalogue("", Map.of()),
                        400,
                        "file-refused"),
                new Bad(
                        "a Shopify export without the store it prices",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/catalogue",
                        Upload.catalogue(
                                "Handle,Variant SKU,Variant Price\n" + NEW + "," + NEW + "-1,9.90\n",
                                Map.of("format", "shopify")),
                        400,
                        "invalid-parameter"),
                new Bad(
                        "a catalogue of a format StoreOps does not read",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings/catalogue",
                        Upload.catalogue("SPU,SKU\n", Map.of("format", "taobao")),
                        400,
                        "invalid-parameter"),
                new Bad(
                        "malformed JSON",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.POST,
                        "/api/listings",
                        "{\"spuCode\": ",
                        400,
                        "malformed-json"),
                new Bad(
                        "a board of a step that does not exist",
                        At.SELECTED,
                        SUPERVISOR,
                        HttpMethod.GET,
                        "/api/listings?step=SOLD_OUT",
                        null,
                        400,
                        "invalid-parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void eachBadRequestIsItsProblemAndChangesNothing(Bad bad) {
        String product = products.product(STORE, "CNY", bad.at());
        String fresh = "NEW-" + product;
        Listing before = listings.find(product).block();

        JsonNode problem = send(bad, product, fresh)
                .expectStatus()
                .isEqualTo(bad.status())
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(problem.get("type").asString()).isEqualTo("urn:storeops:problem:" + bad.type());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(listings.find(product).block())
                .as("the product is unchanged")
                .isEqualTo(before);
        assertThat(listings.find(fresh).blockOptional())
                .as("no product was selected")
                .isEmpty();
    }

    private WebTestClient.ResponseSpec send(Bad bad, String product, String fresh) {
        WebTestClient.RequestBodySpec request = http.method(bad.method())
                .uri(bad.uri().replace("{p}", product))
                .header(HttpHeaders.AUTHORIZATION, bad.bearer());
        if (bad.body() == null) {
            return request.exchange();
        }
        if (bad.body() instanceof Upload upload) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("file", new ByteArrayResource(filled(upload, product, fresh)) {
                @Override
                public String getFilename() {
                    return upload.name();
                }
            });
            upload.parts().forEach(parts::part);
            return request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(parts.build()))
                    .exchange();
        }
        if (bad.body() instanceof String raw) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(raw)
                    .exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filled(bad.body(), product, fresh))
                .exchange();
    }

    /** A catalogue's text with {@code {p}} and {@value #NEW} replaced; a picture's bytes stay as they are. */
    private static byte[] filled(Upload upload, String product, String fresh) {
        if (!upload.name().endsWith(".csv")) {
            return upload.file();
        }
        String text = new String(upload.file(), StandardCharsets.UTF_8);
        return text.replace("{p}", product).replace(NEW, fresh).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} with {@code {p}} and {@value #NEW} replaced in every string, however deep. */
    @SuppressWarnings("unchecked")
    private static Object filled(Object body, String product, String fresh) {
        if (body instanceof String text) {
            return text.replace("{p}", product).replace(NEW, fresh);
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put((String) key, filled(value, product, fresh)));
            return copy;
        }
        if (body instanceof List<?> list) {
            return list.stream().map(value -> filled(value, product, fresh)).toList();
        }
        return body;
    }

    /** A product sheet of {@code spu} sold in the store, its SKUs passed through {@code change}. */
    private static Map<String, Object> sheet(String spu, Function<Map<String, Object>, Map<String, Object>> change) {
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("spuCode", spu);
        sheet.put("title", "测试商品");
        sheet.put("stores", List.of(STORE));
        sheet.put(
                "skus",
                List.of(change.apply(new LinkedHashMap<>(Map.of(
                        "sku",
                        spu + "-250",
                        "prices",
                        List.of(Map.of(
                                "storeId", STORE, "price", Map.of("amountMinor", 12800, "currency", "CNY"))))))));
        return sheet;
    }

    private static Map<String, Object> withPrice(Map<String, Object> sku, long amountMinor, String currency) {
        sku.put(
                "prices",
                List.of(Map.of("storeId", STORE, "price", Map.of("amountMinor", amountMinor, "currency", currency))));
        return sku;
    }

    private static Map<String, Object> withCode(Map<String, Object> sku, String code) {
        sku.put("sku", code);
        return sku;
    }

    private static Map<String, Object> withStores(Map<String, Object> sheet, List<String> stores) {
        sheet.put("stores", stores);
        return sheet;
    }

    private static Map<String, Object> withSpu(Map<String, Object> sheet, String spu) {
        sheet.put("spuCode", spu);
        return sheet;
    }
}
