package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
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
    private static final Set<StaffRole> BATCH_READERS =
            EnumSet.of(StaffRole.ORDER_CLERK, StaffRole.WAREHOUSE, StaffRole.STORE_MANAGER, StaffRole.MANAGER);
    private static final Set<StaffRole> CLERKS = EnumSet.of(StaffRole.ORDER_CLERK, StaffRole.STORE_MANAGER);
    /** The store whose batches the batch routes work on: its own, so that other tests' shipments stay out. */
    private static final String BATCH_STORE = "batch-matrix";

    private static WarehouseFixtures fixtures;

    /**
     * A staff route: method, path ({shipment}, {sku} and a batch in the state the route needs,
     * filled per case), body, the roles it admits.
     */
    record Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles)
            implements RoleMatrix.Route {

        boolean needsShipment() {
            return path.contains("{shipment}")
                    || path.contains("{troubled-shipment}")
                    || path.contains("{awaited-return}")
                    || path.contains("-batch}");
        }

        String store() {
            return path.contains("batch") ? BATCH_STORE : STORE;
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
                    Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true),
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
            new Route("import", HttpMethod.POST, "/api/stock/" + STORE + "/imports", "multipart", STOCK_KEEPERS),
            new Route(
                    "inspection",
                    HttpMethod.POST,
                    "/api/shipments/{shipment}/inspection",
                    Map.of("complete", true),
                    EnumSet.of(StaffRole.WAREHOUSE)),
            new Route(
                    "exceptions queue",
                    HttpMethod.GET,
                    "/api/shipment-exceptions?storeId=" + STORE,
                    null,
                    EnumSet.of(
                            StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER, StaffRole.WAREHOUSE, StaffRole.MANAGER)),
            new Route(
                    "trouble follow-up",
                    HttpMethod.POST,
                    "/api/shipments/{troubled-shipment}/trouble/notes",
                    Map.of("note", "called the carrier"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "trouble resolution",
                    HttpMethod.POST,
                    "/api/shipments/{troubled-shipment}/trouble/resolution",
                    Map.of("outcome", "RETURN"),
                    EnumSet.of(StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER)),
            new Route(
                    "awaited returns",
                    HttpMethod.GET,
                    "/api/returns?storeId=" + STORE,
                    null,
                    EnumSet.of(
                            StaffRole.WAREHOUSE, StaffRole.CS_AFTERSALE, StaffRole.STORE_MANAGER, StaffRole.MANAGER)),
            new Route(
                    "return receipt",
                    HttpMethod.POST,
                    "/api/shipments/{awaited-return}/receipt",
                    Map.of("lines", List.of(Map.of("sku", "TEA-LJ-250", "resellable", 1, "damaged", 0, "missing", 0))),
                    EnumSet.of(StaffRole.WAREHOUSE)),
            new Route(
                    "urge",
                    HttpMethod.POST,
                    "/api/shipments/{shipment}/urges",
                    Map.of("note", "needs it Friday"),
                    EnumSet.of(StaffRole.CS_PRESALE, StaffRole.CS_AFTERSALE)),
            new Route(
                    "batch list", HttpMethod.GET, "/api/dispatch-batches?storeId=" + BATCH_STORE, null, BATCH_READERS),
            new Route(
                    "batch schedule",
                    HttpMethod.GET,
                    "/api/dispatch-batches/schedule?storeId=" + BATCH_STORE,
                    null,
                    BATCH_READERS),
            new Route("one batch", HttpMethod.GET, "/api/dispatch-batches/{open-batch}", null, BATCH_READERS),
            new Route(
                    "a batch's document",
                    HttpMethod.GET,
                    "/api/dispatch-batches/{open-batch}/documents/waybills",
                    null,
                    BATCH_READERS),
            new Route(
                    "a batch's documents zipped",
                    HttpMethod.GET,
                    "/api/dispatch-batches/{open-batch}/documents",
                    null,
                    BATCH_READERS),
            new Route(
                    "early cut-off", HttpMethod.POST, "/api/dispatch-batches", Map.of("storeId", BATCH_STORE), CLERKS),
            new Route(
                    "printed and stamped",
                    HttpMethod.POST,
                    "/api/dispatch-batches/{open-batch}/printed",
                    Map.of(),
                    CLERKS),
            new Route(
                    "close",
                    HttpMethod.POST,
                    "/api/dispatch-batches/{dispatched-batch}/close",
                    Map.of(),
                    EnumSet.of(StaffRole.WAREHOUSE)),
            new Route(
                    "acknowledge",
                    HttpMethod.POST,
                    "/api/dispatch-batches/{closed-batch}/acknowledgement",
                    Map.of(),
                    EnumSet.of(StaffRole.MANAGER)));

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    DispatchBatches batches;

    static List<Arguments> everyRouteAndRole() {
        return RoleMatrix.everyRoleFor(ROUTES);
    }

    static List<Route> routes() {
        return ROUTES;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndRole")
    void onlyTheRoutesRolesGetThrough(Route route, StaffRole role) {
        var answer =
                call(route, TestTokens.bearer("someone", role, route.store())).returnResult(String.class);
        int status = answer.getStatus().value();
        boolean dayAlreadyCutOff =
                status == 409 && answer.getResponseBody().blockFirst().contains("batch-exists");

        // a day has one batch: the second early cut-off got through to find today's made
        RoleMatrix.assertOnlyAdmitted(route.roles(), role, dayAlreadyCutOff ? 200 : status);
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
        WarehouseFixtures fixtures = fixtures();
        if (path.contains("{shipment}")) {
            path = path.replace("{shipment}", fixtures.readyShipment(STORE, Instant.now()));
        }
        if (path.contains("{awaited-return}")) {
            path = path.replace("{awaited-return}", fixtures.awaitedReturn(STORE, Instant.now()));
        }
        if (path.contains("{troubled-shipment}")) {
            path = path.replace("{troubled-shipment}", fixtures.troubledShipment(STORE, Instant.now()));
        }
        for (WarehouseFixtures.BatchState state : WarehouseFixtures.BatchState.values()) {
            if (path.contains(state.placeholder())) {
                path = path.replace(state.placeholder(), fixtures.batchIn(state));
            }
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

    /** One set of fixtures for the whole class, so that its batch days never repeat. */
    private WarehouseFixtures fixtures() {
        synchronized (SecurityMatrixTest.class) {
            if (fixtures == null) {
                fixtures =
                        new WarehouseFixtures(http, kafka, batches, BATCH_STORE, Instant.parse("2031-01-01T14:00:00Z"));
            }
            return fixtures;
        }
    }

    private static String sku() {
        return "SEC-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
