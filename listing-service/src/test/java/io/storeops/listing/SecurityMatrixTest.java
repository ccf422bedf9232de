package io.storeops.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.listing.ProductsAtStep.At;
import io.storeops.listing.access.ListingAction;
import io.storeops.listing.images.ImageFiles;
import io.storeops.listing.products.Listings;
import io.storeops.listing.products.ProductSheet;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every listing route against every role, no token, and a token for another store: only the
 * route's roles get through (each on a product at the step the route needs, so the answer is the
 * flow's own); another store's product is not found, and its board, or a product or catalogue for it,
 * forbidden.
 */
@ServiceTest
class SecurityMatrixTest {

    private static final String STORE = "tmall-flagship";

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

    /** How a route sends its body: none, JSON, or a picture upload (the map's entries are its parts). */
    enum Body {
        NONE,
        JSON,
        PICTURE,
        /** A catalogue file: the body is its text, {new} a fresh SPU code. */
        CATALOGUE
    }

    /** A listing route: method, path ({p} is the fixture product), body, the action whose roles it admits, the step it needs. */
    record Route(String name, HttpMethod method, String path, Body kind, Object body, ListingAction action, At at)
            implements RoleMatrix.Route {

        @Override
        public Set<StaffRole> roles() {
            return EnumSet.copyOf(action.allowedRoles());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route(
                    "board",
                    HttpMethod.GET,
                    "/api/listings?storeId=" + STORE,
                    Body.NONE,
                    null,
                    ListingAction.SEE,
                    At.SELECTED),
            new Route("product", HttpMethod.GET, "/api/listings/{p}", Body.NONE, null, ListingAction.SEE, At.SELECTED),
            new Route(
                    "by sku",
                    HttpMethod.GET,
                    "/api/listings/by-sku/{p}-250",
                    Body.NONE,
                    null,
                    ListingAction.SEE,
                    At.SELECTED),
            new Route("select", HttpMethod.POST, "/api/listings", Body.JSON, "new", ListingAction.SELECT, At.SELECTED),
            new Route(
                    "edit", HttpMethod.PUT, "/api/listings/{p}", Body.JSON, "edit", ListingAction.SELECT, At.SELECTED),
            new Route(
                    "selling points",
                    HttpMethod.PUT,
                    "/api/listings/{p}/selling-points",
                    Body.JSON,
                    Map.of("highlights", List.of("新写的卖点")),
                    ListingAction.SELECT,
                    At.SELECTED),
            new Route(
                    "acknowledge",
                    HttpMethod.POST,
                    "/api/listings/{p}/selling-points/acknowledgement",
                    Body.NONE,
                    null,
                    ListingAction.SEE,
                    At.SELLING_POINTS_PUBLISHED),
            new Route(
                    "readers",
                    HttpMethod.GET,
                    "/api/listings/{p}/acknowledgements",
                    Body.NONE,
                    null,
                    ListingAction.FOLLOW_UP,
                    At.SELLING_POINTS_PUBLISHED),
            new Route(
                    "upload original",
                    HttpMethod.POST,
                    "/api/listings/{p}/images",
                    Body.PICTURE,
                    Map.of("stage", "ORIGINAL", "slot", "主图2"),
                    ListingAction.SHOOT,
                    At.SELLING_POINTS_PUBLISHED),
            new Route(
                    "hand on originals",
                    HttpMethod.POST,
                    "/api/listings/{p}/originals/submission",
                    Body.NONE,
                    null,
                    ListingAction.SHOOT,
                    At.ORIGINAL_UPLOADED),
            new Route(
                    "upload retouched",
                    HttpMethod.POST,
                    "/api/listings/{p}/images",
                    Body.PICTURE,
                    Map.of("stage", "RETOUCHED", "retouchedFrom", "img-1"),
                    ListingAction.RETOUCH,
                    At.SHOT),
            new Route(
                    "hand on retouched",
                    HttpMethod.POST,
                    "/api/listings/{p}/retouched/submission",
                    Body.NONE,
                    null,
                    ListingAction.RETOUCH,
                    At.RETOUCHED_UPLOADED),
            new Route(
                    "image review",
                    HttpMethod.POST,
                    "/api/listings/{p}/images/review",
                    Body.JSON,
                    Map.of("verdicts", List.of(Map.of("imageId", "img-2", "verdict", "APPROVED"))),
                    ListingAction.REVIEW,
                    At.RETOUCHED),
            new Route(
                    "picture",
                    HttpMethod.GET,
                    "/api/listings/{p}/images/img-1",
                    Body.NONE,
                    null,
                    ListingAction.SEE,
                    At.SHOT),
            new Route(
                    "thumbnail",
                    HttpMethod.GET,
                    "/api/listings/{p}/images/img-1/thumbnail",
                    Body.NONE,
                    null,
                    ListingAction.SEE,
                    At.SHOT),
            new Route(
                    "image comment",
                    HttpMethod.POST,
                    "/api/listings/{p}/images/img-1/comments",
                    Body.JSON,
                    Map.of("text", "裁紧一点"),
                    ListingAction.DISCUSS_IMAGES,
                    At.SHOT),
            new Route(
                    "page draft",
                    HttpMethod.PUT,
                    "/api/listings/{p}/detail-page",
                    Body.JSON,
                    Map.of("html", "<p>新的详情</p>"),
                    ListingAction.EDIT_PAGE,
                    At.IMAGES_APPROVED),
            new Route(
                    "page submission",
                    HttpMethod.POST,
                    "/api/listings/{p}/detail-page/submission",
                    Body.NONE,
                    null,
                    ListingAction.EDIT_PAGE,
                    At.PAGE_DRAFTED),
            new Route(
                    "page review",
                    HttpMethod.POST,
                    "/api/listings/{p}/detail-page/review",
                    Body.JSON,
                    Map.of("verdict", "APPROVED"),
                    ListingAction.REVIEW,
                    At.DETAIL_PAGE_SUBMITTED),
            new Route(
                    "publish",
                    HttpMethod.POST,
                    "/api/listings/{p}/publication",
                    Body.NONE,
                    null,
                    ListingAction.PUBLISH,
                    At.DETAIL_PAGE_APPROVED),
            new Route(
                    "publish retry",
                    HttpMethod.POST,
                    "/api/listings/{p}/publication/" + STORE + "/retry",
                    Body.NONE,
                    null,
                    ListingAction.PUBLISH,
                    At.PUBLISH_FAILED),
            new Route(
                    "catalogue import",
                    HttpMethod.POST,
                    "/api/listings/catalogue",
                    Body.CATALOGUE,
                    "SPU,SKU,price:" + STORE + "\n{new},{new}-1,12.80\n",
                    ListingAction.SELECT,
                    At.SELECTED),
            new Route(
                    "withdraw",
                    HttpMethod.POST,
                    "/api/listings/{p}/withdrawal",
                    Body.JSON,
                    Map.of("reason", "选品取消"),
                    ListingAction.SELECT,
                    At.SELECTED));

    static List<Arguments> everyRouteAndRole() {
        return RoleMatrix.everyRoleFor(ROUTES);
    }

    static List<Route> routes() {
        return ROUTES;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndRole")
    void onlyTheRoutesRolesGetThrough(Route route, StaffRole role) {
        int status = call(route, TestTokens.bearer("someone", role, STORE))
                .returnResult(String.class)
                .getStatus()
                .value();
        RoleMatrix.assertOnlyAdmitted(route.roles(), role, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noTokenIsUnauthorized(Route route) {
        call(route, null).expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anotherStoresStaffCannotReachItsProducts(Route route) {
        StaffRole admitted = route.roles().iterator().next();

        int status = call(route, TestTokens.bearer("elsewhere", admitted, "shopify-us"))
                .returnResult(String.class)
                .getStatus()
                .value();

        assertThat(status)
                .as("another store's product is not found; its board, or a product or catalogue for it, is forbidden")
                .isEqualTo(route.path().contains("storeId=") || !route.path().contains("{p}") ? 403 : 404);
    }

    private WebTestClient.ResponseSpec call(Route route, String bearer) {
        String product = products.product(STORE, "CNY", route.at());
        WebTestClient.RequestBodySpec request =
                http.method(route.method()).uri(route.path().replace("{p}", product));
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        return switch (route.kind()) {
            case NONE -> request.exchange();
            case JSON ->
                request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body(route, product))
                        .exchange();
            case PICTURE ->
                request.contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(
                                file("photo.png", ListingSteps.png(400, 400), (Map<?, ?>) route.body())))
                        .exchange();
            case CATALOGUE -> {
                String spu = "MX-" + UUID.randomUUID().toString().substring(0, 8);
                byte[] catalogue = route.body().toString().replace("{new}", spu).getBytes(StandardCharsets.UTF_8);
                yield request.contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(file("catalogue.csv", catalogue, Map.of())))
                        .exchange();
            }
        };
    }

    private static Object body(Route route, String product) {
        if ("new".equals(route.body())) {
            return ProductsAtStep.sheet("MX-" + UUID.randomUUID().toString().substring(0, 8), STORE, "CNY");
        }
        if ("edit".equals(route.body())) {
            ProductSheet sheet = ProductsAtStep.sheet(product, STORE, "CNY");
            return new ProductSheet(product, "西湖龙井 改名", sheet.stores(), sheet.skus(), sheet.positioning());
        }
        return route.body();
    }

    /** A multipart body: the file {@code name} and the other {@code parts}. */
    static MultiValueMap<String, HttpEntity<?>> file(String name, byte[] content, Map<?, ?> parts) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        parts.forEach((part, value) -> body.part((String) part, value));
        return body.build();
    }
}
