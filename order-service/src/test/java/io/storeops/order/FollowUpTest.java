package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What customer service follows up after payment: stock-outs, carrier trouble, cancelled shipments, races. */
@ServiceTest
class FollowUpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STORE = "tmall-flagship";
    private static final String CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void aStockShortageQueuesATaskUntilTheBuyerDecidesAndACancelGoesThroughNormalCancellation() {
        String orderId = paidOrder();
        ProducerRecord<String, byte[]> shortage = TestEvents.record(
                new StockShortage(
                        orderId, STORE, "shp-" + orderId, "TEA-LJ-250", 2, Instant.parse("2026-11-28T03:00:00Z")),
                "fulfillment-service",
                2);
        kafka.send(shortage).join();
        kafka.send(shortage).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> queue().jsonPath("$[?(@.orderId == '" + orderId + "')].stockOut.shortages[*].sku")
                        .isEqualTo(List.of("TEA-LJ-250")));
        contact(orderId, Map.of("channel", "CHAT", "outcome", "NO_ANSWER"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stockOut.openSince")
                .isEqualTo("2026-11-28T03:00:00Z");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            contact(orderId, Map.of("channel", "PHONE", "outcome", "CANCEL", "note", "buyer does not want to wait"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLED")
                    .jsonPath("$.stockOut.openSince")
                    .doesNotExist()
                    .jsonPath("$.stockOut.contacts[1].by")
                    .isEqualTo("cs.li");

            List<ConsumerRecord<String, byte[]>> cancelled =
                    TestEvents.await(events, orderId, "OrderCancelled", 1, PATIENCE);
            assertThat(EventJson.read(cancelled.get(0).value(), OrderCancelled.class)
                            .reason())
                    .isEqualTo("Out of stock (TEA-LJ-250): the buyer chose to cancel");
        }
        queue().jsonPath("$[?(@.orderId == '" + orderId + "')]").doesNotExist();
        contact(orderId, Map.of("channel", "PHONE", "outcome", "WAIT"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.currentStatus")
                .isEqualTo("CANCELLED");
        timeline(orderId)
                .jsonPath("$[*].what")
                .isEqualTo(
                        List.of("PLACED", "PAID", "STOCK_SHORTAGE", "BUYER_CONTACTED", "BUYER_CONTACTED", "CANCELLED"));
        assertThat(Scrapes.prometheus(http))
                .contains("storeops_stockout_queue_length{application=\"order-service\",store=\"tmall-flagship\"}");
    }

    @Test
    void aContactWithoutChannelOrOutcomeOrWithAnUnknownOneIsRefused() {
        String orderId = paidOrder();

        contact(orderId, Map.of("channel", "PHONE")).expectStatus().isEqualTo(422);
        contact(orderId, Map.of("channel", "PIGEON", "outcome", "WAIT"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("channel must be one of PHONE, SMS, EMAIL, CHAT.");
        contact(orderId, Map.of("channel", "PHONE", "outcome", "WAIT", "note", "x".repeat(1001)))
                .expectStatus()
                .isEqualTo(422);
        contact(orderId, Map.of("channel", "PHONE", "outcome", "WAIT"))
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void carrierExceptionsAndCancelledShipmentsShowOnTheOrderAndItsTimelineOnceEach() {
        String orderId = paidOrder();
        String shipmentId = "shp-" + orderId;
        send(
                new ShipmentDispatched(
                        orderId,
                        STORE,
                        shipmentId,
                        "SF",
                        "SF100",
                        null,
                        List.of(),
                        "wh.zhao",
                        Instant.parse("2026-11-28T06:00:00Z")),
                2);
        ProducerRecord<String, byte[]> refused = TestEvents.record(
                new ShipmentException(
                        orderId,
                        STORE,
                        shipmentId,
                        "REFUSED",
                        "buyer refused the parcel",
                        Instant.parse("2026-11-29T06:00:00Z")),
                "fulfillment-service",
                3);
        kafka.send(refused).join();
        kafka.send(refused).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> order(orderId)
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("SHIPPED")
                        .jsonPath("$.parcels[0].exception.kind")
                        .isEqualTo("REFUSED"));

        send(
                new ShipmentCancelled(
                        orderId,
                        STORE,
                        shipmentId,
                        "intercepted by refund rfd-9",
                        Instant.parse("2026-11-29T07:00:00Z")),
                4);
        await().atMost(PATIENCE)
                .untilAsserted(() -> order(orderId)
                        .expectBody()
                        .jsonPath("$.parcels[0].cancelReason")
                        .isEqualTo("intercepted by refund rfd-9"));
        timeline(orderId)
                .jsonPath("$[*].what")
                .isEqualTo(List.of("PLACED", "PAID", "DISPATCHED", "SHIPMENT_EXCEPTION", "SHIPMENT_CANCELLED"))
                .jsonPath("$[3].by")
                .isEqualTo("SF")
                .jsonPath("$[3].detail")
                .isEqualTo("REFUSED: buyer refused the parcel");
    }

    @Test
    void aParcelDispatchedAfterTheOrderWasCancelledIsShownToCustomerServiceInsteadOfBeingDeadLettered() {
        String orderId = paidOrder();
        http.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .bodyValue(Map.of("reason", "buyer ordered twice"))
                .exchange()
                .expectStatus()
                .isOk();

        send(
                new ShipmentDispatched(
                        orderId, STORE, "shp-" + orderId, "SF", "SF200", null, List.of(), "wh.zhao", Instant.now()),
                2);

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> timeline(orderId).jsonPath("$[-1].what").isEqualTo("DISPATCHED_AFTER_CANCELLATION"));
        order(orderId)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.parcels[0].trackingNumber")
                .isEqualTo("SF200");
    }

    private void send(StoreOpsEvent event, long sequence) {
        kafka.send(TestEvents.record(event, "fulfillment-service", sequence)).join();
    }

    private String paidOrder() {
        return TestOrders.paidNativeOrder(http);
    }

    private WebTestClient.ResponseSpec contact(String orderId, Map<String, String> body) {
        return http.post()
                .uri("/api/orders/{id}/buyer-contacts", orderId)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.BodyContentSpec queue() {
        return http.get()
                .uri("/api/stock-out-queue?storeId=" + STORE)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec order(String orderId) {
        return http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange();
    }

    private WebTestClient.BodyContentSpec timeline(String orderId) {
        return http.get()
                .uri("/api/orders/{id}/timeline", orderId)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
