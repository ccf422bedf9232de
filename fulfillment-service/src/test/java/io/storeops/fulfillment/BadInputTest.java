package io.storeops.fulfillment;

import static io.storeops.fulfillment.WarehouseFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.fulfillment.WarehouseFixtures.BatchState;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad requests to the warehouse's routes, each answered with its problem (status and type) and
 * changing nothing: the shipment, stock line or batch it names reads the same before and after.
 */
@ServiceTest
class BadInputTest {

    /** The store of the parcels: it never cuts off, so nothing changes a parcel between two reads. */
    private static final String STORE = "batch-bad";
    /** The store of the batches, each on a day of 2032 of its own. */
    private static final String BATCH_STORE = "batch-bad-days";

    private static final Instant PAID = Instant.parse("2032-01-01T00:00:00Z");

    private static WarehouseFixtures fixtures;

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    DispatchBatches batches;

    /**
     * A bad request: {@code watched} is what it must not change (read by the same person), the
     * request itself and the role sending it.
     */
    record Attempt(String watched, StaffRole role, HttpMethod method, String uri, Object body, String store) {

        Attempt(String watched, StaffRole role, HttpMethod method, String uri, Object body) {
            this(watched, role, method, uri, body, STORE);
        }
    }

    record Case(String name, int status, String type, Function<BadInputTest, Attempt> attempt) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInputs() {
        return Stream.of(
                // stock
                new Case(
                        "a negative count",
                        422,
                        "invalid-payload",
                        test -> test.onCountedSku(HttpMethod.PUT, "", Map.of("onHand", -1))),
                new Case(
                        "a count without onHand",
                        422,
                        "invalid-payload",
                        test -> test.onCountedSku(HttpMethod.PUT, "", Map.of("reason", "count"))),
                new Case(
                        "taking out more than is on hand",
                        422,
                        "invalid-payload",
                        test -> test.onCountedSku(HttpMethod.POST, "/adjustments", Map.of("delta", -11))),
                new Case(
                        "an adjustment without delta",
                        422,
                        "invalid-payload",
                        test -> test.onCountedSku(HttpMethod.POST, "/adjustments", Map.of("reason", "breakage"))),
                new Case(
                        "a SKU that cannot be one",
                        422,
                        "invalid-payload",
                        test -> new Attempt(
                                "/api/stock/" + STORE + "/_NO-SUCH",
                                StaffRole.WAREHOUSE,
                                HttpMethod.PUT,
                                "/api/stock/" + STORE + "/_NO-SUCH",
                                Map.of("onHand", 1))),
                new Case(
                        "a count that is not a number",
                        422,
                        "invalid-payload",
                        test -> test.onCountedSku(HttpMethod.PUT, "", "{\"onHand\": \"ten\"}")),
                // checking and dispatch
                new Case(
                        "a tracking number of another carrier",
                        422,
                        "tracking-number",
                        test -> test.onReadyParcel(
                                "/dispatch",
                                Map.of(
                                        "carrier",
                                        "SF",
                                        "trackingNumber",
                                        "YT1234567890123",
                                        "accessoriesChecked",
                                        true))),
                new Case(
                        "a dispatch without a carrier",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel(
                                "/dispatch", Map.of("trackingNumber", "SF1234567890123", "accessoriesChecked", true))),
                new Case(
                        "a dispatch before the check",
                        409,
                        "shipment-state",
                        test -> test.onReadyParcel(
                                "/dispatch", Map.of("carrier", "SF", "trackingNumber", "SF1234567890123"))),
                new Case(
                        "a dispatch of a pulled parcel",
                        409,
                        "shipment-state",
                        test -> test.onPulledParcel(
                                "/dispatch",
                                Map.of(
                                        "carrier",
                                        "SF",
                                        "trackingNumber",
                                        "SF1234567890123",
                                        "accessoriesChecked",
                                        true))),
                new Case(
                        "a dispatch that is not JSON",
                        400,
                        "malformed-json",
                        test -> test.onReadyParcel("/dispatch", "{\"carrier\": \"SF\",")),
                new Case(
                        "a check that is a list",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel("/inspection", "[{\"complete\": true}]")),
                new Case(
                        "a check whose outcome is not true or false",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel("/inspection", "{\"complete\": \"maybe\"}")),
                new Case(
                        "a check without its outcome",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel("/inspection", Map.of("note", "looked fine"))),
                new Case(
                        "a mismatch without a note",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel("/inspection", Map.of("complete", false))),
                new Case(
                        "a missing item the parcel's checklist does not list",
                        422,
                        "not-on-checklist",
                        test -> test.onReadyParcel(
                                "/inspection",
                                Map.of(
                                        "complete",
                                        false,
                                        "missing",
                                        List.of(Map.of("sku", "TEA-LJ-250", "item", "礼盒"))))),
                new Case(
                        "a missing entry without its item",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel(
                                "/inspection", Map.of("missing", List.of(Map.of("sku", "TEA-LJ-250"))))),
                new Case(
                        "an urge of more than 500 characters",
                        422,
                        "invalid-payload",
                        test -> test.onReadyParcel(StaffRole.CS_PRESALE, "/urges", Map.of("note", "快".repeat(501)))),
                // parcels in trouble and returns
                new Case(
                        "an outcome customer service cannot choose",
                        422,
                        "invalid-payload",
                        test -> test.onParcel(
                                test.fixtures().troubledShipment(STORE, PAID),
                                StaffRole.CS_AFTERSALE,
                                "/trouble/resolution",
                                Map.of("outcome", "DELIVERED"))),
                new Case(
                        "a follow-up of a parcel not in trouble",
                        409,
                        "shipment-state",
                        test -> test.onReadyParcel(
                                StaffRole.CS_AFTERSALE, "/trouble/notes", Map.of("note", "called the carrier"))),
                new Case(
                        "a receipt of a return never approved",
                        409,
                        "shipment-state",
                        test -> test.onReadyParcel(
                                "/returns/rf-none/receipt",
                                Map.of(
                                        "lines",
                                        List.of(Map.of(
                                                "sku", "TEA-LJ-250", "resellable", 1, "damaged", 0, "missing", 0))))),
                new Case("a receipt whose units do not add up", 422, "invalid-payload", test -> {
                    String awaited = test.fixtures().awaitedReturn(STORE, PAID);
                    String shipment = awaited.substring(0, awaited.indexOf("/returns/"));
                    return test.onParcel(
                            shipment,
                            StaffRole.WAREHOUSE,
                            awaited.substring(shipment.length()) + "/receipt",
                            Map.of(
                                    "lines",
                                    List.of(Map.of("sku", "TEA-LJ-250", "resellable", 5, "damaged", 0, "missing", 0))));
                }),
                // the batch
                new Case(
                        "stamping a batch twice",
                        409,
                        "batch-state",
                        test -> test.onBatch(BatchState.DISPATCHED, StaffRole.ORDER_CLERK, "/printed", Map.of())),
                new Case(
                        "closing a batch not printed",
                        409,
                        "batch-state",
                        test -> test.onBatch(BatchState.OPEN, StaffRole.WAREHOUSE, "/close", Map.of())),
                new Case(
                        "acknowledging a batch still open",
                        409,
                        "batch-state",
                        test -> test.onBatch(BatchState.OPEN, StaffRole.MANAGER, "/acknowledgement", Map.of())),
                new Case(
                        "closing a closed batch",
                        409,
                        "batch-state",
                        test -> test.onBatch(BatchState.CLOSED, StaffRole.WAREHOUSE, "/close", Map.of())),
                new Case(
                        "an early cut-off without a store",
                        422,
                        "invalid-payload",
                        test -> new Attempt(
                                "/api/dispatch-batches?storeId=" + STORE,
                                StaffRole.ORDER_CLERK,
                                HttpMethod.POST,
                                "/api/dispatch-batches",
                                Map.of())),
                new Case(
                        "a list longer than a page may be",
                        400,
                        "invalid-limit",
                        test -> new Attempt(
                                "/api/dispatch-batches?storeId=" + STORE,
                                StaffRole.WAREHOUSE,
                                HttpMethod.GET,
                                "/api/shipments?storeId=" + STORE + "&limit=100000",
                                null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithItsProblemAndChangesNothing(Case bad) {
        Attempt attempt = bad.attempt().apply(this);
        String before = read(attempt);

        WebTestClient.RequestBodySpec request = http.method(attempt.method())
                .uri(attempt.uri())
                .header(HttpHeaders.AUTHORIZATION, staff(attempt.role(), attempt.store()));
        WebTestClient.ResponseSpec answer = attempt.body() == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(attempt.body())
                        .exchange();

        answer.expectStatus()
                .isEqualTo(bad.status())
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:" + bad.type());
        assertThat(read(attempt)).as("what the request named, after it").isEqualTo(before);
    }

    private String read(Attempt attempt) {
        var answer = http.get()
                .uri(attempt.watched())
                .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.WAREHOUSE, attempt.store()))
                .exchange()
                .returnResult(String.class);
        return answer.getStatus().value() + " "
                + String.join("", answer.getResponseBody().collectList().block());
    }

    private Attempt onCountedSku(HttpMethod method, String route, Object body) {
        String sku = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
        http.put()
                .uri("/api/stock/{store}/{sku}", STORE, sku)
                .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.WAREHOUSE, STORE))
                .bodyValue(Map.of("onHand", 10))
                .exchange()
                .expectStatus()
                .isOk();
        String line = "/api/stock/" + STORE + "/" + sku;
        return new Attempt(line, StaffRole.WAREHOUSE, method, line + route, body);
    }

    private Attempt onReadyParcel(String route, Object body) {
        return onReadyParcel(StaffRole.WAREHOUSE, route, body);
    }

    private Attempt onReadyParcel(StaffRole role, String route, Object body) {
        return onParcel(fixtures().readyShipment(STORE, PAID), role, route, body);
    }

    private Attempt onPulledParcel(String route, Object body) {
        String shipmentId = fixtures().readyShipment(STORE, PAID);
        kafka.send(TestEvents.record(
                        new OrderCancelled(
                                shipmentId.substring("shp-".length()), STORE, "ordered twice", "cs.li", Instant.now()),
                        "order-service",
                        2))
                .join();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.WAREHOUSE, STORE))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("CANCELLED"));
        return onParcel(shipmentId, StaffRole.WAREHOUSE, route, body);
    }

    private Attempt onParcel(String shipmentId, StaffRole role, String route, Object body) {
        String parcel = "/api/shipments/" + shipmentId;
        return new Attempt(parcel, role, HttpMethod.POST, parcel + route, body);
    }

    private Attempt onBatch(BatchState state, StaffRole role, String route, Object body) {
        String batch = "/api/dispatch-batches/" + fixtures().batchIn(state);
        return new Attempt(batch, role, HttpMethod.POST, batch + route, body, BATCH_STORE);
    }

    /** One set of fixtures for the whole class, so that its batch days never repeat. */
    private WarehouseFixtures fixtures() {
        synchronized (BadInputTest.class) {
            if (fixtures == null) {
                fixtures =
                        new WarehouseFixtures(http, kafka, batches, BATCH_STORE, Instant.parse("2032-02-01T14:00:00Z"));
            }
            return fixtures;
        }
    }
}
