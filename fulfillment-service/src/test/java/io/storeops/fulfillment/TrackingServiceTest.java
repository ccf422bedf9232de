package io.storeops.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Topics;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Carrier tracking through signed webhooks in StoreOps' own and Kuaidi100's format: a parcel in
 * trouble reaches after-sale customer service's queue and the order side (real Kafka records),
 * late and repeated pushes change nothing, delivery ends it all.
 */
@ServiceTest
class TrackingServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STORE = "tmall-flagship";
    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Fulfillments fulfillments;

    private final String warehouse = TestTokens.bearer("wh.zhao", StaffRole.WAREHOUSE, STORE);
    private final String aftersale = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);

    @Test
    void aParcelInTroubleIsQueuedFollowedUpAndEndsWithItsDeliveryWhateverOrderThePushesCameIn() {
        String orderId = PaidOrders.newOrderId(STORE);
        String number = "SF" + String.format("%013d", NUMBERS.incrementAndGet() + System.nanoTime() % 1_000_000_000L);
        dispatched(orderId, number);
        Instant pickedUp = Instant.parse("2026-11-29T01:00:00Z");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            sf("trk-" + number + "-1", number, "IN_TRANSIT", pickedUp, "已揽收")
                    .expectStatus()
                    .isOk();
            sf("trk-" + number + "-2", number, "EXCEPTION", pickedUp.plusSeconds(3600), "包裹破损")
                    .expectStatus()
                    .isOk();
            sf("trk-" + number + "-2", number, "EXCEPTION", pickedUp.plusSeconds(3600), "包裹破损")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("duplicate");
            assertThat(TestEvents.await(events, orderId, "ShipmentException", 1, PATIENCE))
                    .hasSize(1);
        }
        await().atMost(PATIENCE)
                .untilAsserted(() -> queue().jsonPath("$[?(@.orderId == '" + orderId + "')].trouble.kind")
                        .isEqualTo(List.of("EXCEPTION")));
        assertThat(fulfillments.oldestTroubleReportedAt(STORE).block())
                .as("the exception queue's oldest item, whose age the dashboard shows")
                .isNotNull()
                .isBeforeOrEqualTo(Instant.now());
        assertThat(fulfillments.oldestTroubleReportedAt("no-such-store").blockOptional())
                .isEmpty();

        http.post()
                .uri("/api/shipments/{id}/trouble/notes", "shp-" + orderId)
                .header(HttpHeaders.AUTHORIZATION, aftersale)
                .bodyValue(Map.of("note", "Called SF: the parcel is at the Hangzhou hub"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.trouble.notes[0].by")
                .isEqualTo("cs.li");
        sf("trk-" + number + "-late", number, "OUT_FOR_DELIVERY", pickedUp.plusSeconds(60), "派件中")
                .expectStatus()
                .isOk();
        shipment(orderId).jsonPath("$.tracking.status").isEqualTo("EXCEPTION");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.FULFILLMENT_EVENTS)) {
            kuaidi100("k100-" + number, number, "3", "2026-11-30 10:00:00", "已签收，签收人：本人")
                    .expectStatus()
                    .isOk();
            assertThat(TestEvents.await(events, orderId, "ShipmentDelivered", 1, PATIENCE))
                    .hasSize(1);
        }
        shipment(orderId)
                .jsonPath("$.tracking.status")
                .isEqualTo("DELIVERED")
                .jsonPath("$.tracking.at")
                .isEqualTo("2026-11-30T02:00:00Z")
                .jsonPath("$.trouble.open")
                .isEqualTo(false)
                .jsonPath("$.trouble.resolution.outcome")
                .isEqualTo("DELIVERED");
        queue().jsonPath("$[?(@.orderId == '" + orderId + "')]").doesNotExist();
    }

    @Test
    void customerServiceResolvesTroubleAndCannotResolveWhatIsNotInTrouble() {
        String orderId = PaidOrders.newOrderId(STORE);
        String number = "SF" + String.format("%013d", NUMBERS.incrementAndGet() + System.nanoTime() % 1_000_000_000L);
        dispatched(orderId, number);

        resolve(orderId, Map.of("outcome", "RETURN")).expectStatus().isEqualTo(409);
        sf("trk-" + number + "-f", number, "FAILED_ATTEMPT", Instant.parse("2026-11-29T05:00:00Z"), "无人签收")
                .expectStatus()
                .isOk();
        resolve(orderId, Map.of("outcome", "LOST_IT")).expectStatus().isEqualTo(422);
        resolve(orderId, Map.of("outcome", "REDELIVER", "note", "SF tries again Monday"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.trouble.resolution.by")
                .isEqualTo("cs.li");
        http.post()
                .uri("/api/shipments/{id}/trouble/resolution", "shp-" + orderId)
                .header(HttpHeaders.AUTHORIZATION, warehouse)
                .bodyValue(Map.of("outcome", "RETURN"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPushForAnotherCarriersParcelWithTheSameNumberLeavesOursAlone() {
        String orderId = PaidOrders.newOrderId(STORE);
        String number = "SF" + String.format("%013d", NUMBERS.incrementAndGet() + System.nanoTime() % 1_000_000_000L);
        dispatched(orderId, number);

        SignedWebhooks.carrier(http, "kuaidi100", "k100-zto-" + number, """
                        {"lastResult":{"nu":"%s","com":"zhongtong","state":"3",
                         "data":[{"time":"2026-11-30 10:00:00","context":"已签收"}]}}""".formatted(number), "test-kuaidi100-secret")
                .expectStatus()
                .isOk();

        shipment(orderId).jsonPath("$.tracking").doesNotExist();
    }

    @Test
    void pushesThatAreUnsignedUnknownOrForNoParcelOfOursAreHandledWithoutChangingAnything() {
        SignedWebhooks.carrier(http, "sf", "trk-bad-sig", "{}", "not-the-secret")
                .expectStatus()
                .isUnauthorized();
        SignedWebhooks.carrier(http, "pigeon-post", "trk-unknown", "{}", "any")
                .expectStatus()
                .isNotFound();
        sf("trk-nobody", "SF9999999999999", "DELIVERED", Instant.parse("2026-11-29T05:00:00Z"), "已签收")
                .expectStatus()
                .isOk();
        SignedWebhooks.carrier(
                        http,
                        "sf",
                        "trk-malformed",
                        "{\"trackingNumber\":\"SF1\",\"status\":\"LOST\"}",
                        "test-sf-secret")
                .expectStatus()
                .isEqualTo(422);
    }

    private void dispatched(String orderId, String number) {
        kafka.send(TestEvents.record(PaidOrders.oneTea(orderId, Instant.now()), "order-service", 1))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(() -> http.post()
                        .uri("/api/shipments/{id}/dispatch", "shp-" + orderId)
                        .header(HttpHeaders.AUTHORIZATION, warehouse)
                        .bodyValue(Map.of("carrier", "SF", "trackingNumber", number, "accessoriesChecked", true))
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    private WebTestClient.ResponseSpec sf(String eventId, String number, String status, Instant at, String detail) {
        return SignedWebhooks.carrier(http, "sf", eventId, """
                {"trackingNumber":"%s","status":"%s","at":"%s","detail":"%s","location":"杭州"}""".formatted(number, status, at, detail), "test-sf-secret");
    }

    private WebTestClient.ResponseSpec kuaidi100(
            String eventId, String number, String state, String time, String context) {
        return SignedWebhooks.carrier(
                http, "kuaidi100", eventId, """
                {"status":"polling","message":"","lastResult":{"message":"ok","nu":"%s","com":"shunfeng","state":"%s",
                 "data":[{"time":"%s","ftime":"%s","context":"%s","areaName":"浙江,杭州市"}]}}""".formatted(number, state, time, time, context), "test-kuaidi100-secret");
    }

    private WebTestClient.ResponseSpec resolve(String orderId, Map<String, String> body) {
        return http.post()
                .uri("/api/shipments/{id}/trouble/resolution", "shp-" + orderId)
                .header(HttpHeaders.AUTHORIZATION, aftersale)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.BodyContentSpec shipment(String orderId) {
        return http.get()
                .uri("/api/shipments/{id}", "shp-" + orderId)
                .header(HttpHeaders.AUTHORIZATION, aftersale)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.BodyContentSpec queue() {
        return http.get()
                .uri("/api/shipment-exceptions?storeId={store}", STORE)
                .header(HttpHeaders.AUTHORIZATION, aftersale)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
