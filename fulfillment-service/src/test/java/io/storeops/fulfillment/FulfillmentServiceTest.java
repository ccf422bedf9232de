package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceTest
class FulfillmentServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aPaidOrderBecomesOneShipmentThatTheWarehouseDispatches() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        String shipmentId = "shp-" + orderId;
        var paid = TestEvents.record(paid(orderId), "order-service", 1);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(paid).join();
            kafka.send(paid).join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, PATIENCE))
                    .hasSize(1);

            dispatch(
                            shipmentId,
                            "SF",
                            "SF1234567890123",
                            TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DISPATCHED");
            dispatch(
                            shipmentId,
                            "SF",
                            "SF1234567890123",
                            TestTokens.bearer("wh.li", StaffRole.WAREHOUSE, "tmall-flagship"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.dispatchedBy")
                    .isEqualTo("wh.zhao");

            var dispatched = TestEvents.await(events, orderId, "ShipmentDispatched", 1, PATIENCE);
            assertThat(dispatched).hasSize(1);
            ShipmentDispatched event = EventJson.read(dispatched.get(0).value(), ShipmentDispatched.class);
            assertThat(event.dispatchedBy()).isEqualTo("wh.zhao");
            assertThat(event.carrier()).isEqualTo("SF");
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, Duration.ofSeconds(1)))
                    .as("the redelivered OrderPaid created nothing more")
                    .isEmpty();
        }
    }

    @Test
    void dispatchIsRefusedForOtherRolesOtherStoresBadInputAndAChangedTrackingNumber() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        String shipmentId = "shp-" + orderId;
        kafka.send(TestEvents.record(paid(orderId), "order-service", 1)).join();
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship");
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", shipmentId)
                        .header(HttpHeaders.AUTHORIZATION, warehouse)
                        .exchange()
                        .expectStatus()
                        .isOk());

        dispatch(shipmentId, "SF", "SF1234567890123", TestTokens.bearer("cs", StaffRole.CS_AFTERSALE, "tmall-flagship"))
                .expectStatus()
                .isForbidden();
        dispatch(shipmentId, "SF", "SF1234567890123", TestTokens.bearer("wh.us", StaffRole.WAREHOUSE, "shopify-us"))
                .expectStatus()
                .isNotFound();
        dispatch(shipmentId, "SF", "sf 12", warehouse)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:tracking-number")
                .jsonPath("$.carrier")
                .isEqualTo("SF")
                .jsonPath("$.trackingNumber")
                .isEqualTo("SF12")
                .jsonPath("$.reason")
                .isEqualTo("FORMAT");
        dispatch(shipmentId, "SF", "SF1234567890123", warehouse).expectStatus().isOk();
        dispatch(shipmentId, "YTO", "YT1234567890123", warehouse)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:shipment-state")
                .jsonPath("$.currentStatus")
                .isEqualTo("DISPATCHED");
    }

    @Test
    void theWarehouseListsReadyShipmentsOfItsStoreOnly() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        kafka.send(TestEvents.record(paid(orderId), "order-service", 1)).join();
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship");

        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments?storeId=tmall-flagship&status=READY")
                        .header(HttpHeaders.AUTHORIZATION, warehouse)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$[?(@.orderId == '" + orderId + "')]")
                        .exists());
        http.get()
                .uri("/api/shipments?storeId=shopify-us")
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/shipments?storeId=tmall-flagship&limit=100000")
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aCancelledOrdersShipmentIsStoppedAnnouncedAndCannotBeDispatched() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        String shipmentId = "shp-" + orderId;
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(paid(orderId), "order-service", 1)).join();
            kafka.send(TestEvents.record(
                            new OrderCancelled(orderId, "tmall-flagship", "ordered twice", "cs.li", Instant.now()),
                            "order-service",
                            2))
                    .join();

            assertThat(TestEvents.await(events, orderId, "ShipmentCancelled", 1, PATIENCE))
                    .hasSize(1);
        }
        dispatch(shipmentId, "SF", "SF1234567890123", warehouse)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentStatus")
                .isEqualTo("CANCELLED");
    }

    @Test
    void theSellersMemoFromTheOrderIsOnItsShipment() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        String clerk = TestTokens.bearer("clerk.zhou", StaffRole.ORDER_CLERK, "tmall-flagship");

        kafka.send(TestEvents.record(paid(orderId), "order-service", 1)).join();
        kafka.send(TestEvents.record(
                        new OrderSellerMemoChanged(
                                orderId, "tmall-flagship", "YTO", "买家要求周六送达", "cs.wang", Instant.now()),
                        "order-service",
                        2))
                .join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> http.get()
                        .uri("/api/shipments/{id}", "shp-" + orderId)
                        .header(HttpHeaders.AUTHORIZATION, clerk)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.sellerMemo.note")
                        .isEqualTo("买家要求周六送达")
                        .jsonPath("$.carrierToUse")
                        .isEqualTo("YTO")
                        .jsonPath("$.requestedCarrier")
                        .isEqualTo("SF"));
    }

    @Test
    void theWarehouseChecksTheParcelAndAMismatchHoldsItBackAndReachesCustomerService() {
        String orderId = PaidOrders.newOrderId("tmall-flagship");
        String shipmentId = "shp-" + orderId;
        String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, "tmall-flagship");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kafka.send(TestEvents.record(paid(orderId), "order-service", 1)).join();
            assertThat(TestEvents.await(events, orderId, "ShipmentCreated", 1, PATIENCE))
                    .hasSize(1);

            inspect(shipmentId, Map.of("complete", false), warehouse)
                    .expectStatus()
                    .isEqualTo(422);
            inspect(shipmentId, Map.of(), warehouse).expectStatus().isEqualTo(422);
            inspect(shipmentId, Map.of("complete", false, "note", "gift box missing"), warehouse)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.inspection.complete")
                    .isEqualTo(false)
                    .jsonPath("$.inspection.by")
                    .isEqualTo("wh.zhao");
            var trouble = TestEvents.await(events, orderId, "ShipmentException", 1, PATIENCE);
            assertThat(trouble).hasSize(1);
            assertThat(EventJson.read(trouble.get(0).value(), ShipmentException.class)
                            .kind())
                    .isEqualTo("ACCESSORIES_MISMATCH");
        }
        dispatch(shipmentId, "SF", "SF1234567890123", warehouse)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("gift box missing"));
        inspect(shipmentId, Map.of("complete", true), warehouse).expectStatus().isOk();
        dispatch(shipmentId, "SF", "SF1234567890123", warehouse).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec inspect(String shipmentId, Map<String, Object> body, String bearer) {
        return http.post()
                .uri("/api/shipments/{id}/inspection", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec dispatch(String shipmentId, String carrier, String tracking, String bearer) {
        return http.post()
                .uri("/api/shipments/{id}/dispatch", shipmentId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("carrier", carrier, "trackingNumber", tracking, "accessoriesChecked", true))
                .exchange();
    }

    private static OrderPaid paid(String orderId) {
        return PaidOrders.oneTea(orderId, Instant.now());
    }
}
