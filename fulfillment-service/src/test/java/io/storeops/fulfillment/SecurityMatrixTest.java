package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every staff route of fulfillment-service against every role, no token, and a token for another
 * store: only the route's roles get through, another store's shipment is not found and its stock
 * is forbidden.
 */
@ServiceTest
class SecurityMatrixTest {

    private static final String STORE = "tmall-flagship";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Set<StaffRole> SHIPMENT_READERS = EnumSet.of(
            StaffRole.WAREHOUSE,
            StaffRole.ORDER_CLERK,
            StaffRole.CS_AFTERSALE,
            StaffRole.MANAGER,
            StaffRole.STORE_MANAGER);
    private static final Set<StaffRole> STOCK_READERS = EnumSet.of(
            StaffRole.WAREHOUSE,
            StaffRole.ORDER_CLERK,
            StaffRole.CS_PRESALE,
            StaffRole.CS_AFTERSALE,
            StaffRole.STORE_MANAGER,
            StaffRole.MANAGER);
    private static final Set<StaffRole> STOCK_KEEPERS = EnumSet.of(StaffRole.WAREHOUSE, StaffRole.STORE_MANAGER);

    /** A staff route: method, path ({shipment} and {sku} filled per case), body, the roles it admits. */
    record Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles) {

        boolean needsShipment() {
            return path.contains("{shipment}");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("work list", HttpMethod.GET, "/api/shipments?storeId=" + STORE, null, SHIPMENT_READERS),
            new Route("one shipment", HttpMethod.GET, "/api/shipments/{shipment}", null, SHIPMENT_READERS),
            new Route(
                    "dispatch",
                    HttpMethod.POST,
                    "/api/shipments/{shipment}/dispatch",
                    Map.of("carrier", "SF", "trackingNumber", "SF1234567890"),
                    EnumSet.of(StaffRole.WAREHOUSE)),
            new Route("stock list", HttpMethod.GET, "/api/stock?storeId=" + STORE, null, STOCK_READERS),
            new Route("one SKU's stock", HttpMethod.GET, "/api/stock/" + STORE + "/{sku}", null, STOCK_READERS),
            new Route("count", HttpMethod.PUT, "/api/stock/" + STORE + "/{sku}", Map.of("onHand", 5), STOCK_KEEPERS),
            new Route(
                    "adjust",
                    HttpMethod.POST,
                    "/api/stock/" + STORE + "/{sku}/adjustments",
                    Map.of("delta", 1),
                    STOCK_KEEPERS),
            new Route("import", HttpMethod.POST, "/api/stock/" + STORE + "/imports", "multipart", STOCK_KEEPERS));

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

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
    void anotherStoresStaffCannotReachItsShipmentsOrStock(Route route) {
        StaffRole admitted = route.roles().iterator().next();
        int status = call(route, TestTokens.bearer("elsewhere", admitted, "shopify-us"))
                .returnResult(String.class)
                .getStatus()
                .value();

        assertThat(status)
                .as("another store's shipment is not found; another store's lists and stock are forbidden")
                .isEqualTo(route.needsShipment() ? 404 : 403);
    }

    private WebTestClient.ResponseSpec call(Route route, String bearer) {
        String sku = sku();
        http.put()
                .uri("/api/stock/{store}/{sku}", STORE, sku)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                .bodyValue(Map.of("onHand", 10))
                .exchange()
                .expectStatus()
                .isOk();
        String path = route.path().replace("{sku}", sku);
        if (route.needsShipment()) {
            path = path.replace("{shipment}", readyShipment());
        }
        WebTestClient.RequestBodySpec request = http.method(route.method()).uri(path);
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        if ("multipart".equals(route.body())) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("file", new ByteArrayResource(("sku,delta\n" + sku + ",1\n").getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "stock.csv";
                }
            });
            return request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(parts.build()))
                    .exchange();
        }
        return route.body() == null
                ? request.exchange()
                : request.bodyValue(route.body()).exchange();
    }

    /** A paid order's shipment, ready for the warehouse. */
    private String readyShipment() {
        String orderId = STORE + ":T" + UUID.randomUUID();
        kafka.send(TestEvents.record(
                        new OrderPaid(
                                orderId,
                                STORE,
                                "storefront",
                                orderId.substring(orderId.indexOf(':') + 1),
                                List.of(new OrderLine("TEA-LJ-250", "Tea", 1, new Money(12800, "CNY"))),
                                Money.zero("CNY"),
                                new Money(12800, "CNY"),
                                Instant.now(),
                                null,
                                null,
                                "SF",
                                List.of(),
                                null),
                        "order-service",
                        1))
                .join();
        String shipmentId = "shp-" + orderId;
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                        .exchange()
                        .expectStatus()
                        .isOk());
        return shipmentId;
    }

    private static String sku() {
        return "SEC-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
