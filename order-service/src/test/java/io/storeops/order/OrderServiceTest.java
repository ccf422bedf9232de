package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.order.review.ReviewQueue;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceTest
class OrderServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ReviewQueue reviewQueue;

    @Test
    void aShopifyPaidOrderIsStoredAndAnnouncedKeyedByItsOrderId() {
        long shopifyId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String orderId = "shopify-us:" + shopifyId;

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            SignedWebhooks.shopify(
                            http,
                            "storeops-test.myshopify.com",
                            "orders/paid",
                            UUID.randomUUID().toString(),
                            TestOrders.shopifyOrder(shopifyId),
                            "test-shopify-secret",
                            Instant.now())
                    .expectStatus()
                    .isOk();

            List<ConsumerRecord<String, byte[]>> published =
                    TestEvents.await(events, orderId, "OrderPaid", 1, PATIENCE);
            assertThat(published).hasSize(1);
            ConsumerRecord<String, byte[]> record = published.get(0);
            assertThat(TestEvents.header(record, CloudEventHeaders.SOURCE)).isEqualTo("order-service");
            assertThat(TestEvents.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(orderId);
            assertThat(TestEvents.header(record, CloudEventHeaders.SEQUENCE))
                    .as("OrderPlaced came first")
                    .isEqualTo("2");
            assertThat(TestEvents.header(record, CloudEventHeaders.SPECVERSION)).isEqualTo("1.0");
            assertThat(TestEvents.header(record, CloudEventHeaders.TRACEPARENT)).startsWith("00-");
            OrderPaid paid = EventJson.read(record.value(), OrderPaid.class);
            assertThat(paid.total().amountMinor()).isEqualTo(4448);
            assertThat(paid.total().currency()).isEqualTo("USD");
            assertThat(paid.attribution())
                    .isEqualTo(new Attribution("google", "cpc", "winter", "tea mug", "/products/mug"));
        }

        orderAs(orderId, StaffRole.CS_AFTERSALE)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ON_HOLD")
                .jsonPath("$.holds[0]")
                .isEqualTo("BUYER_NOTE")
                .jsonPath("$.lines[0].sku")
                .isEqualTo("MUG-1");
    }

    @Test
    void aNativePaidOrderBecomesShippedWhenFulfilmentDispatchesItEvenIfTheEventComesTwice() {
        String orderId = TestOrders.paidNativeOrder(http);
        var dispatched = TestEvents.record(
                new ShipmentDispatched(
                        orderId,
                        "tmall-flagship",
                        "shp-" + orderId,
                        "SF",
                        "SF1234567890",
                        null,
                        List.of(),
                        "wh.zhao",
                        Instant.now()),
                "fulfillment-service",
                2);

        kafka.send(dispatched).join();
        kafka.send(dispatched).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> orderAs(orderId, StaffRole.WAREHOUSE)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("SHIPPED")
                        .jsonPath("$.parcels[0].trackingNumber")
                        .isEqualTo("SF1234567890"));
    }

    @Test
    void deliveryAndCompletedRefundsFromTheOtherServicesReachTheOrderOnce() {
        String orderId = TestOrders.paidNativeOrder(http);
        kafka.send(TestEvents.record(
                        new ShipmentDispatched(
                                orderId,
                                "tmall-flagship",
                                "shp-" + orderId,
                                "SF",
                                "SF1234567890",
                                null,
                                List.of(),
                                "wh.zhao",
                                Instant.now()),
                        "fulfillment-service",
                        2))
                .join();
        kafka.send(TestEvents.record(
                        new ShipmentDelivered(orderId, "tmall-flagship", "shp-" + orderId, Instant.now()),
                        "fulfillment-service",
                        3))
                .join();
        kafka.send(TestEvents.record(
                        new RefundRequested(
                                orderId,
                                "tmall-flagship",
                                "rfd-1",
                                "REFUND_ONLY",
                                "arrived late",
                                new Money(3900, "CNY"),
                                List.of(),
                                Instant.now()),
                        "refund-service",
                        3))
                .join();
        var refund = TestEvents.record(
                new RefundCompleted(orderId, "tmall-flagship", "rfd-1", new Money(3900, "CNY"), Instant.now()),
                "refund-service",
                4);

        kafka.send(refund).join();
        kafka.send(refund).join();

        await().atMost(PATIENCE)
                .untilAsserted(() -> orderAs(orderId, StaffRole.CS_AFTERSALE)
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("PARTIALLY_REFUNDED")
                        .jsonPath("$.progress")
                        .isEqualTo("DELIVERED")
                        .jsonPath("$.refunded.amountMinor")
                        .isEqualTo(3900)
                        .jsonPath("$.afterSaleCases[0].refundId")
                        .isEqualTo("rfd-1")
                        .jsonPath("$.afterSaleCases[0].type")
                        .isEqualTo("REFUND_ONLY")
                        .jsonPath("$.afterSaleCases[0].state")
                        .isEqualTo("COMPLETED")
                        .jsonPath("$.afterSaleCases.length()")
                        .isEqualTo(1));
    }

    @Test
    void ordersAreVisibleOnlyWithinTheTokensStores() {
        String orderId = TestOrders.paidNativeOrder(http);

        http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cs.us", StaffRole.CS_AFTERSALE, "shopify-us"))
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("designer", StaffRole.DESIGNER, "tmall-flagship"))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get().uri("/api/orders/{id}", orderId).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPayloadThatCannotBecomeAnOrderIsRefusedAndNothingIsStored() {
        String external = "T" + UUID.randomUUID().toString().substring(0, 8);
        String wrongTotal = TestOrders.nativeOrder(external).replace("\"totalMinor\":29500", "\"totalMinor\":1");

        SignedWebhooks.storefront(
                        http,
                        "tmall-flagship",
                        "order.paid",
                        UUID.randomUUID().toString(),
                        wrongTotal,
                        "test-storefront-secret")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:invalid-payload");
        orderAs("tmall-flagship:" + external, StaffRole.MANAGER).expectStatus().isNotFound();
    }

    @Test
    void anOrderWithABuyerNoteWaitsInTheReviewQueueUntilCustomerServiceReleasesIt() {
        String external = "T" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = "tmall-flagship:" + external;
        String withNote = TestOrders.nativeOrder(external)
                .replace("\"requestedCarrier\":\"SF\",", "\"requestedCarrier\":\"SF\",\"buyerNote\":\"请发顺丰\",");
        String cs = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, "tmall-flagship");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            SignedWebhooks.storefront(
                            http,
                            "tmall-flagship",
                            "order.paid",
                            UUID.randomUUID().toString(),
                            withNote,
                            "test-storefront-secret")
                    .expectStatus()
                    .isOk();
            assertThat(TestEvents.await(events, orderId, "OrderHeld", 1, PATIENCE))
                    .hasSize(1);

            http.get()
                    .uri("/api/review-queue?storeId=tmall-flagship")
                    .header(HttpHeaders.AUTHORIZATION, cs)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.orderId == '" + orderId + "')].holds[0]")
                    .isEqualTo("BUYER_NOTE");
            long heldBefore = reviewQueue.length("tmall-flagship").block();
            assertThat(reviewQueue.oldestWaitingSince("tmall-flagship").block())
                    .as("the review queue's oldest order, whose wait the dashboard shows")
                    .isNotNull()
                    .isBeforeOrEqualTo(Instant.now());
            http.post()
                    .uri("/api/orders/{id}/release", orderId)
                    .header(HttpHeaders.AUTHORIZATION, cs)
                    .bodyValue(Map.of("comment", "Buyer confirmed SF"))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .value(status -> assertThat(status).isIn("PAID", "READY"))
                    .jsonPath("$.release.releasedBy")
                    .isEqualTo("cs.li");

            assertThat(TestEvents.await(events, orderId, "OrderReleased", 1, PATIENCE))
                    .hasSize(1);
            assertThat(reviewQueue.length("tmall-flagship").block()).isEqualTo(heldBefore - 1);
        }
        assertThat(Scrapes.prometheus(http))
                .contains(
                        "storeops_orders_held_total{application=\"order-service\",reason=\"BUYER_NOTE\",store=\"tmall-flagship\"}")
                .contains("storeops_review_queue_length{application=\"order-service\",store=\"tmall-flagship\"}")
                .contains(
                        "storeops_review_queue_oldest_age_seconds{application=\"order-service\",store=\"tmall-flagship\"}")
                .contains("storeops_store_open{application=\"order-service\",store=\"tmall-flagship\"}");
        http.get()
                .uri("/api/review-queue?storeId=tmall-flagship")
                .header(HttpHeaders.AUTHORIZATION, cs)
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.orderId == '" + orderId + "')]")
                .doesNotExist();
        http.get()
                .uri("/api/review-queue?storeId=tmall-flagship")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("wh", StaffRole.WAREHOUSE, "tmall-flagship"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient.ResponseSpec orderAs(String orderId, StaffRole role) {
        return http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("staff", role, "tmall-flagship", "shopify-us"))
                .exchange();
    }
}
