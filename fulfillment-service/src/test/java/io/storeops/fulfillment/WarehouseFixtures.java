package io.storeops.fulfillment;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Shipments and batches in the state a route test needs, made through the service's own events
 * and routes: a ready parcel, one in trouble, one whose return is awaited, a batch open, with its
 * parcel dispatched, or closed. Batches are made in {@code batchStore}, each on a day of its own
 * after {@code firstCutoff}, so that the service's own cut-offs never meet them.
 */
final class WarehouseFixtures {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The states a batch route needs its batch in. */
    enum BatchState {
        OPEN,
        DISPATCHED,
        CLOSED;

        String placeholder() {
            return "{" + name().toLowerCase(Locale.ROOT) + "-batch}";
        }
    }

    private final WebTestClient http;
    private final KafkaTemplate<String, byte[]> kafka;
    private final DispatchBatches batches;
    private final String batchStore;
    private final Instant firstCutoff;
    private final AtomicInteger batchDays = new AtomicInteger();

    WarehouseFixtures(
            WebTestClient http,
            KafkaTemplate<String, byte[]> kafka,
            DispatchBatches batches,
            String batchStore,
            Instant firstCutoff) {
        this.http = http;
        this.kafka = kafka;
        this.batches = batches;
        this.batchStore = batchStore;
        this.firstCutoff = firstCutoff;
    }

    /** A shipment of an order of {@code store} paid at {@code paidAt}, ready for the warehouse. */
    String readyShipment(String store, Instant paidAt) {
        String orderId = PaidOrders.newOrderId(store);
        kafka.send(TestEvents.record(PaidOrders.oneTea(orderId, paidAt), "order-service", 1))
                .join();
        String shipmentId = "shp-" + orderId;
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.WAREHOUSE, store))
                        .exchange()
                        .expectStatus()
                        .isOk());
        return shipmentId;
    }

    /** A ready shipment of {@code store} whose check found something missing: in customer service's queue. */
    String troubledShipment(String store, Instant paidAt) {
        String shipmentId = readyShipment(store, paidAt);
        step(
                "/api/shipments/{id}/inspection",
                shipmentId,
                staff(StaffRole.WAREHOUSE, store),
                Map.of("complete", false, "note", "gift box missing"));
        return shipmentId;
    }

    /** A dispatched shipment of {@code store} whose return the refund desk approved: {@code <shipment>/returns/<refund>}. */
    String awaitedReturn(String store, Instant paidAt) {
        String shipmentId = readyShipment(store, paidAt);
        String orderId = shipmentId.substring("shp-".length());
        step("/api/shipments/{id}/dispatch", shipmentId, staff(StaffRole.WAREHOUSE, store), dispatch());
        kafka.send(TestEvents.record(
                        new RefundApproved(
                                orderId,
                                store,
                                "rf-" + orderId,
                                "RETURN_AND_REFUND",
                                new Money(12800, "CNY"),
                                List.of(),
                                "sup",
                                false,
                                Instant.now()),
                        "refund-service",
                        1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.WAREHOUSE, store))
                        .exchange()
                        .expectBody()
                        .jsonPath("$.returns[0].status")
                        .isEqualTo("APPROVED"));
        return shipmentId + "/returns/rf-" + orderId;
    }

    /**
     * A batch of its own day holding one shipment, taken as far as {@code state}: made (open), then
     * printed and its parcel dispatched, then closed.
     */
    String batchIn(BatchState state) {
        Instant cutoff = firstCutoff.plus(Duration.ofDays(batchDays.incrementAndGet()));
        String shipmentId = readyShipment(batchStore, cutoff.minus(Duration.ofHours(1)));
        String batchId = batches.cutOffDue(batchStore, cutoff).block().batchId();
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
        step("/api/dispatch-batches/{id}/printed", batchId, batchStaff(StaffRole.ORDER_CLERK), Map.of());
        step("/api/shipments/{id}/dispatch", shipmentId, batchStaff(StaffRole.WAREHOUSE), dispatch());
        if (state == BatchState.CLOSED) {
            step("/api/dispatch-batches/{id}/close", batchId, batchStaff(StaffRole.WAREHOUSE), Map.of());
        }
        return batchId;
    }

    /** A member of staff of the batch store in {@code role}. */
    String batchStaff(StaffRole role) {
        return TestTokens.bearer("batch." + role.name().toLowerCase(Locale.ROOT), role, batchStore);
    }

    static String staff(StaffRole role, String store) {
        return TestTokens.bearer(role.name().toLowerCase(Locale.ROOT), role, store);
    }

    private static Map<String, Object> dispatch() {
        return Map.of("carrier", "SF", "trackingNumber", "SF1234567890123", "accessoriesChecked", true);
    }

    private void step(String uri, String id, String bearer, Object body) {
        http.post()
                .uri(uri, id)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
