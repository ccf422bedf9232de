package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The refund desk's decisions, as real Kafka records from refund-service: a full refund approved
 * before dispatch intercepts a parcel already in a printed batch and gives its units back; an
 * approved return is awaited, received line by line, and its resellable units restocked; an
 * exchange's goods come back the same way and its replacement goes out as a parcel of its own.
 */
@ServiceTest
class RefundsServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    DispatchBatches batches;

    @Test
    void aRefundApprovedBeforeDispatchPullsTheParcelFromItsPrintedBatchAndReleasesItsUnits() {
        String store = "batch-north";
        String sku = "REF-" + UUID.randomUUID().toString().substring(0, 8);
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, store);
        String clerk = TestTokens.bearer("clerk.wu", StaffRole.ORDER_CLERK, store);
        count(store, sku, 5, warehouse);
        Instant cutoff = Instant.parse("2030-03-04T06:00:00Z");
        String orderId = PaidOrders.newOrderId(store);
        kafka.send(TestEvents.record(
                        PaidOrders.paid(orderId, cutoff.minusSeconds(3600), List.of(tea(sku, 2)), List.of()),
                        "order-service",
                        1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        stock(store, sku, warehouse).jsonPath("$.reservedUnits").isEqualTo(2));
        String batchId = batches.cutOffDue(store, cutoff).block().batchId();
        http.post()
                .uri("/api/dispatch-batches/{id}/printed", batchId)
                .header(HttpHeaders.AUTHORIZATION, clerk)
                .exchange()
                .expectStatus()
                .isOk();

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(approved(orderId, store, "REFUND_ONLY", 25600), "refund-service", 1))
                    .join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCancelled", 1, PATIENCE))
                    .hasSize(1);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        stock(store, sku, warehouse).jsonPath("$.reservedUnits").isEqualTo(0));
        http.get()
                .uri("/api/dispatch-batches/{id}", batchId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectBody()
                .jsonPath("$.shipments[0].pull")
                .isEqualTo(true)
                .jsonPath("$.shipments[0].pullBecause")
                .isEqualTo("REFUND_APPROVED");
        dispatch("shp-" + orderId, warehouse)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("intercepted by refund rf-" + orderId));
    }

    @Test
    void aPartialRefundApprovedBeforeThePaymentReachedFulfilmentLetsTheParcelGo() {
        String sku = "PART-" + UUID.randomUUID().toString().substring(0, 8);
        count(TMALL, sku, 3, TMALL_WAREHOUSE);
        String orderId = PaidOrders.newOrderId(TMALL);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(approved(orderId, TMALL, "REFUND_ONLY", 1000, false), "refund-service", 1))
                    .join();
            kafka.send(TestEvents.record(
                            PaidOrders.paid(orderId, Instant.now(), List.of(tea(sku, 1)), List.of()),
                            "order-service",
                            1))
                    .join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, PATIENCE))
                    .as("a goodwill refund stops nothing")
                    .hasSize(1);
            assertThat(TestEvents.await(events, orderId, "ShipmentCancelled", 1, Duration.ofSeconds(1)))
                    .isEmpty();
        }
    }

    @Test
    void anApprovedReturnIsAwaitedReceivedLineByLineAndItsResellableUnitsGoBackToStock() {
        Shipped shipped = twoTeasShipped("RET");
        String sku = shipped.sku();
        String orderId = shipped.orderId();
        String refundId = shipped.refundId();

        kafka.send(TestEvents.record(
                        new RefundRequested(
                                orderId,
                                TMALL,
                                refundId,
                                "RETURN_AND_REFUND",
                                "wrong size",
                                new Money(25600, "CNY"),
                                List.of(new ItemQuantity(sku, 2)),
                                Instant.now()),
                        "refund-service",
                        1))
                .join();
        kafka.send(TestEvents.record(approved(orderId, TMALL, "RETURN_AND_REFUND", 25600), "refund-service", 2))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/returns?storeId={TMALL}", TMALL)
                        .header(HttpHeaders.AUTHORIZATION, TMALL_WAREHOUSE)
                        .exchange()
                        .expectBody()
                        .jsonPath("$[?(@.orderId == '" + orderId + "')].returns[0].status")
                        .isEqualTo(List.of("APPROVED")));

        receipt(orderId, refundId, Map.of("sku", sku, "resellable", 1, "damaged", 0, "missing", 0), TMALL_WAREHOUSE)
                .expectStatus()
                .isEqualTo(422);
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            receipt(orderId, refundId, Map.of("sku", sku, "resellable", 1, "damaged", 1, "missing", 0), TMALL_WAREHOUSE)
                    .expectStatus()
                    .isOk();
            var received = TestEvents.await(events, orderId, "ReturnReceived", 1, PATIENCE);
            assertThat(received).hasSize(1);
            assertThat(EventJson.read(received.get(0).value(), ReturnReceived.class)
                            .lines())
                    .containsExactly(new ItemQuantity(sku, 2));
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        stock(TMALL, sku, TMALL_WAREHOUSE).jsonPath("$.onHand").isEqualTo(4));
        receipt(orderId, refundId, Map.of("sku", sku, "resellable", 2, "damaged", 0, "missing", 0), TMALL_WAREHOUSE)
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void aRefundApprovedBeforeThePaymentReachedFulfilmentStillStopsTheParcel() {
        String store = "tmall-flagship";
        String sku = "EARLY-" + UUID.randomUUID().toString().substring(0, 8);
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, store);
        count(store, sku, 3, warehouse);
        String orderId = PaidOrders.newOrderId(store);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(approved(orderId, store, "REFUND_ONLY", 12800, true), "refund-service", 1))
                    .join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCancelled", 1, PATIENCE))
                    .hasSize(1);
            double paymentsFindingNothingToDo = paymentsUnchanged();
            kafka.send(TestEvents.record(
                            PaidOrders.paid(orderId, Instant.now(), List.of(tea(sku, 1)), List.of()),
                            "order-service",
                            1))
                    .join();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(paymentsUnchanged()).isGreaterThan(paymentsFindingNothingToDo));
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, Duration.ofSeconds(1)))
                    .as("the payment found the shipment stopped and shipped nothing")
                    .isEmpty();
        }
        stock(store, sku, warehouse).jsonPath("$.reservedUnits").isEqualTo(0);
        http.get()
                .uri("/api/shipments/{id}", "shp-" + orderId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.cancellation.refundId")
                .isEqualTo("rf-" + orderId);
    }

    @Test
    void anExchangesGoodsAreAwaitedAndReceivedAndItsReplacementIsReservedAndSentOnce() {
        Shipped shipped = twoTeasShipped("EXC");
        String sku = shipped.sku();
        String orderId = shipped.orderId();
        String refundId = shipped.refundId();
        String replacementId = "shp-r~" + refundId;

        kafka.send(TestEvents.record(
                        new RefundRequested(
                                orderId,
                                TMALL,
                                refundId,
                                "EXCHANGE",
                                "too small: the larger tin",
                                Money.zero("CNY"),
                                List.of(new ItemQuantity(sku, 1)),
                                Instant.now()),
                        "refund-service",
                        1))
                .join();
        kafka.send(TestEvents.record(approved(orderId, TMALL, "EXCHANGE", 0), "refund-service", 2))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> shipment("shp-" + orderId, TMALL_WAREHOUSE)
                        .jsonPath("$.returns[0].status")
                        .isEqualTo("APPROVED")
                        .jsonPath("$.status")
                        .isEqualTo("DISPATCHED"));
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            receipt(orderId, refundId, Map.of("sku", sku, "resellable", 1, "damaged", 0, "missing", 0), TMALL_WAREHOUSE)
                    .expectStatus()
                    .isOk();
            assertThat(TestEvents.await(events, orderId, "ReturnReceived", 1, PATIENCE))
                    .hasSize(1);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        stock(TMALL, sku, TMALL_WAREHOUSE).jsonPath("$.onHand").isEqualTo(4));

        ReplacementRequested replacement =
                new ReplacementRequested(orderId, TMALL, refundId, List.of(new ItemQuantity(sku, 1)), Instant.now());
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(replacement, "refund-service", 3)).join();
            var created = TestEvents.await(events, orderId, "ShipmentCreated", 2, PATIENCE).stream()
                    .map(record -> EventJson.read(record.value(), ShipmentCreated.class))
                    .filter(ShipmentCreated::isReplacement)
                    .toList();
            assertThat(created).singleElement().satisfies(parcel -> {
                assertThat(parcel.shipmentId()).isEqualTo(replacementId);
                assertThat(parcel.replacementFor()).isEqualTo(refundId);
                assertThat(parcel.lines()).containsExactly(new ItemQuantity(sku, 1));
            });
            await().atMost(PATIENCE)
                    .untilAsserted(() -> stock(TMALL, sku, TMALL_WAREHOUSE)
                            .jsonPath("$.reservedUnits")
                            .isEqualTo(1));

            redeliver(replacement, 3);
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, Duration.ofSeconds(1)))
                    .as("no second replacement")
                    .isEmpty();
        }
        stock(TMALL, sku, TMALL_WAREHOUSE).jsonPath("$.reservedUnits").isEqualTo(1);
        shipment(replacementId, TMALL_WAREHOUSE)
                .jsonPath("$.status")
                .isEqualTo("READY")
                .jsonPath("$.replacementFor")
                .isEqualTo(refundId)
                .jsonPath("$.orderId")
                .isEqualTo(orderId)
                .jsonPath("$.carrierToUse")
                .isEqualTo("SF");

        http.post()
                .uri("/api/shipments/{id}/inspection", replacementId)
                .header(HttpHeaders.AUTHORIZATION, TMALL_WAREHOUSE)
                .bodyValue(Map.of("complete", true))
                .exchange()
                .expectStatus()
                .isOk();
        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            dispatch(replacementId, TMALL_WAREHOUSE).expectStatus().isOk();
            assertThat(TestEvents.await(events, orderId, "ShipmentDispatched", 2, PATIENCE))
                    .extracting(record -> EventJson.read(record.value(), ShipmentDispatched.class)
                            .shipmentId())
                    .containsExactly("shp-" + orderId, replacementId);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> stock(TMALL, sku, TMALL_WAREHOUSE)
                        .jsonPath("$.onHand")
                        .isEqualTo(3)
                        .jsonPath("$.reservedUnits")
                        .isEqualTo(0));
        redeliver(replacement, 3);
        stock(TMALL, sku, TMALL_WAREHOUSE).jsonPath("$.reservedUnits").isEqualTo(0);
    }

    @Test
    void anExchangeClosedBeforeItsReplacementLeftCancelsItAndFreesItsUnits() {
        Shipped shipped = twoTeasShipped("EXC");
        String sku = shipped.sku();
        String orderId = shipped.orderId();
        String refundId = shipped.refundId();
        kafka.send(TestEvents.record(
                        new ReplacementRequested(
                                orderId, TMALL, refundId, List.of(new ItemQuantity(sku, 1)), Instant.now()),
                        "refund-service",
                        1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> stock(TMALL, sku, TMALL_WAREHOUSE)
                        .jsonPath("$.reservedUnits")
                        .isEqualTo(1));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(
                            new RefundClosed(orderId, TMALL, refundId, "REPLACEMENT_NOT_SENT", Instant.now()),
                            "refund-service",
                            2))
                    .join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCancelled", 1, PATIENCE))
                    .extracting(record -> EventJson.read(record.value(), ShipmentCancelled.class)
                            .shipmentId())
                    .containsExactly("shp-r~" + refundId);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> stock(TMALL, sku, TMALL_WAREHOUSE)
                        .jsonPath("$.reservedUnits")
                        .isEqualTo(0));
        shipment("shp-" + orderId, TMALL_WAREHOUSE).jsonPath("$.status").isEqualTo("DISPATCHED");
    }

    /** The refund desk's approval of refund {@code rf-<order>}, as refund-service announces it. */
    private static RefundApproved approved(String orderId, String store, String type, long amountMinor) {
        return approved(orderId, store, type, amountMinor, false);
    }

    private static RefundApproved approved(
            String orderId, String store, String type, long amountMinor, boolean coversTheGoods) {
        return new RefundApproved(
                orderId,
                store,
                "rf-" + orderId,
                type,
                new Money(amountMinor, "CNY"),
                List.of(),
                "sup.chen",
                false,
                Instant.now(),
                coversTheGoods);
    }

    /**
     * Publishes {@code replacement} again under the same position, as a relay that crashed before
     * removing it would, and waits until the service took it as the duplicate it is.
     */
    private void redeliver(ReplacementRequested replacement, long sequence) {
        double duplicatesBefore = duplicateReplacements();
        kafka.send(TestEvents.record(replacement, "refund-service", sequence)).join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(duplicateReplacements()).isGreaterThan(duplicatesBefore));
    }

    /** Replacement requests the service recognised as applied before. */
    private double duplicateReplacements() {
        return Scrapes.value(
                http, "storeops_events_consumed_total", "outcome=\"duplicate\"", "type=\"ReplacementRequested\"");
    }

    private static final String TMALL = "tmall-flagship";
    private static final String TMALL_WAREHOUSE = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, TMALL);

    /** An order of the Tmall store, shipped: two teas of its own SKU, of which five were counted in. */
    private record Shipped(String sku, String orderId) {

        /** The id refund-service gives the order's refund in these tests. */
        String refundId() {
            return "rf-" + orderId;
        }
    }

    private Shipped twoTeasShipped(String skuPrefix) {
        String sku = skuPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        count(TMALL, sku, 5, TMALL_WAREHOUSE);
        String orderId = PaidOrders.newOrderId(TMALL);
        kafka.send(TestEvents.record(
                        PaidOrders.paid(orderId, Instant.now(), List.of(tea(sku, 2)), List.of()), "order-service", 1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> dispatch("shp-" + orderId, TMALL_WAREHOUSE)
                        .expectStatus()
                        .isOk());
        await().atMost(PATIENCE)
                .untilAsserted(() -> stock(TMALL, sku, TMALL_WAREHOUSE)
                        .jsonPath("$.reservedUnits")
                        .isEqualTo(0));
        return new Shipped(sku, orderId);
    }

    /** Hands the parcel to SF, its accessories checked at the dispatch desk. */
    private WebTestClient.ResponseSpec dispatch(String shipmentId, String bearer) {
        return http.post()
                .uri("/api/shipments/{id}/dispatch", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true))
                .exchange();
    }

    private WebTestClient.BodyContentSpec shipment(String shipmentId, String bearer) {
        return http.get()
                .uri("/api/shipments/{id}", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** Payments the service took without changing anything (the shipment existed already). */
    private double paymentsUnchanged() {
        return Scrapes.value(http, "storeops_events_consumed_total", "outcome=\"unchanged\"", "type=\"OrderPaid\"");
    }

    private static OrderLine tea(String sku, int quantity) {
        return new OrderLine(sku, "西湖龙井 250g", quantity, new Money(12800, "CNY"));
    }

    private void count(String store, String sku, int onHand, String bearer) {
        http.put()
                .uri("/api/stock/{store}/{sku}", store, sku)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("onHand", onHand))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.BodyContentSpec stock(String store, String sku, String bearer) {
        return http.get()
                .uri("/api/stock/{store}/{sku}", store, sku)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec receipt(
            String orderId, String refundId, Map<String, Object> line, String bearer) {
        return http.post()
                .uri("/api/shipments/{id}/returns/{refund}/receipt", "shp-" + orderId, refundId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("lines", List.of(line), "note", "one tin dented"))
                .exchange();
    }
}
