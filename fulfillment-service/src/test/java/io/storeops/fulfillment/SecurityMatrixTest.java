package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.fulfillment.batch.DispatchBatches;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** A day per batch made here, far from the real one, so that the service's own cut-offs never meet them. */
    private static final AtomicInteger BATCH_DAYS = new AtomicInteger();

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
        if (path.contains("{shipment}")) {
            path = path.replace("{shipment}", readyShipment(STORE, Instant.now()));
        }
        if (path.contains("{awaited-return}")) {
            path = path.replace("{awaited-return}", awaitedReturn());
        }
        if (path.contains("{troubled-shipment}")) {
            path = path.replace("{troubled-shipment}", troubledShipment());
        }
        for (BatchState state : BatchState.values()) {
            if (path.contains(state.placeholder())) {
                path = path.replace(state.placeholder(), batchIn(state));
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

    /** The states a batch route needs its batch in. */
    enum BatchState {
        OPEN,
        DISPATCHED,
        CLOSED;

        String placeholder() {
            return "{" + name().toLowerCase(Locale.ROOT) + "-batch}";
        }
    }

    /**
     * A batch of its own day holding one shipment, taken as far as {@code state}: made (open), then
     * printed and its parcel dispatched, then closed.
     */
    private String batchIn(BatchState state) {
        Instant cutoff = Instant.parse("2031-01-01T14:00:00Z").plus(Duration.ofDays(BATCH_DAYS.incrementAndGet()));
        String shipmentId = readyShipment(BATCH_STORE, cutoff.minus(Duration.ofHours(1)));
        String batchId = batches.cutOffDue(BATCH_STORE, cutoff).block().batchId();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, batchStaff(StaffRole.WAREHOUSE))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.batchId")
                        .isEqualTo(batchId));
        if (state == BatchState.OPEN) {
            return batchId;
        }
        batchStep("/api/dispatch-batches/{id}/printed", batchId, StaffRole.ORDER_CLERK, Map.of());
        batchStep(
                "/api/shipments/{id}/dispatch",
                shipmentId,
                StaffRole.WAREHOUSE,
                Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true));
        if (state == BatchState.CLOSED) {
            batchStep("/api/dispatch-batches/{id}/close", batchId, StaffRole.WAREHOUSE, Map.of());
        }
        return batchId;
    }

    private void batchStep(String uri, String id, StaffRole role, Object body) {
        http.post()
                .uri(uri, id)
                .header(HttpHeaders.AUTHORIZATION, batchStaff(role))
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static String batchStaff(StaffRole role) {
        return TestTokens.bearer("batch." + role.name().toLowerCase(Locale.ROOT), role, BATCH_STORE);
    }

    /** A dispatched shipment whose return the refund desk approved: {@code <shipment>/returns/<refund>}. */
    private String awaitedReturn() {
        String shipmentId = readyShipment(STORE, Instant.now());
        String orderId = shipmentId.substring("shp-".length());
        http.post()
                .uri("/api/shipments/{id}/dispatch", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true))
                .exchange()
                .expectStatus()
                .isOk();
        kafka.send(TestEvents.record(
                        new RefundApproved(
                                orderId,
                                STORE,
                                "rf-" + orderId,
                                "RETURN_AND_REFUND",
                                new Money(12800, "CNY"),
                                "sup",
                                false,
                                Instant.now()),
                        "refund-service",
                        1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.returns[0].status")
                        .isEqualTo("APPROVED"));
        return shipmentId + "/returns/rf-" + orderId;
    }

    /** A ready shipment whose check found something missing: in customer service's queue. */
    private String troubledShipment() {
        String shipmentId = readyShipment(STORE, Instant.now());
        http.post()
                .uri("/api/shipments/{id}/inspection", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, STORE))
                .bodyValue(Map.of("complete", false, "note", "gift box missing"))
                .exchange()
                .expectStatus()
                .isOk();
        return shipmentId;
    }

    /** A shipment of an order of {@code store} paid at {@code paidAt}, ready for the warehouse. */
    private String readyShipment(String store, Instant paidAt) {
        String orderId = PaidOrders.newOrderId(store);
        kafka.send(TestEvents.record(PaidOrders.oneTea(orderId, paidAt), "order-service", 1))
                .join();
        String shipmentId = "shp-" + orderId;
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, store))
                        .exchange()
                        .expectStatus()
                        .isOk());
        return shipmentId;
    }

    private static String sku() {
        return "SEC-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
