package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceTest
class StaffOrderCommandsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, "tmall-flagship");

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void customerServiceCancelsBeforeDispatchAndTheCancellationIsAnnouncedOnce() {
        String orderId = paidOrder();

        try (var events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            cancel(orderId, CS, "Buyer ordered twice")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLED")
                    .jsonPath("$.cancellation.cancelledBy")
                    .isEqualTo("cs.li");
            cancel(orderId, CS, "Again")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.cancellation.reason")
                    .isEqualTo("Buyer ordered twice");

            var cancelled = TestEvents.await(events, orderId, "OrderCancelled", 2, Duration.ofSeconds(5));
            assertThat(cancelled).hasSize(1);
            OrderCancelled event = EventJson.read(cancelled.get(0).value(), OrderCancelled.class);
            assertThat(event.cancelledBy()).isEqualTo("cs.li");
            assertThat(event.reason()).isEqualTo("Buyer ordered twice");
        }
    }

    @Test
    void aDispatchedOrderIsRefusedWithItsStatusAndAPointerToRefunds() {
        String orderId = paidOrder();
        kafka.send(TestEvents.record(
                        new ShipmentDispatched(
                                orderId,
                                "tmall-flagship",
                                "shp-" + orderId,
                                "SF",
                                "SF99887766",
                                null,
                                List.of(),
                                "wh.zhao",
                                Instant.now()),
                        "fulfillment-service",
                        2))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> order(orderId).expectBody().jsonPath("$.status").isEqualTo("SHIPPED"));

        cancel(orderId, CS, "Too late")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:order-state")
                .jsonPath("$.currentStatus")
                .isEqualTo("SHIPPED")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("refund"));
    }

    @Test
    void preSaleServiceWritesTheSellersMemoOnceAndItIsAnnouncedOnce() {
        String orderId = paidOrder();
        String preSale = TestTokens.bearer("cs.wang", StaffRole.CS_PRESALE, "tmall-flagship");
        Map<String, String> memo = Map.of("carrier", "SF", "note", "买家要求周六送达");

        try (var events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            sellerMemo(orderId, preSale, memo)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.sellerMemo.carrier")
                    .isEqualTo("SF")
                    .jsonPath("$.sellerMemo.writtenBy")
                    .isEqualTo("cs.wang")
                    .jsonPath("$.timeline[-1:].what")
                    .isEqualTo(List.of("SELLER_MEMO"));
            sellerMemo(orderId, preSale, memo).expectStatus().isOk();

            var announced = TestEvents.await(events, orderId, "OrderSellerMemoChanged", 2, Duration.ofSeconds(5));
            assertThat(announced).hasSize(1);
            assertThat(EventJson.read(announced.get(0).value(), OrderSellerMemoChanged.class)
                            .note())
                    .isEqualTo("买家要求周六送达");
        }
        sellerMemo(orderId, preSale, Map.of("carrier", " ", "note", ""))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("carrier or note is required.");
        cancel(orderId, CS, "Buyer ordered twice").expectStatus().isOk();
        sellerMemo(orderId, preSale, memo)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("CHANGE_SELLER_MEMO");
    }

    @Test
    void customerServiceChangesALinesSizeOnceAndItIsAnnouncedWithThePriceDifference() {
        String orderId = paidOrder();
        String preSale = TestTokens.bearer("cs.wang", StaffRole.CS_PRESALE, "tmall-flagship");
        Map<String, Object> larger = Map.of("sku", "TEA-LJ-500", "title", "西湖龙井 500g", "unitPriceMinor", 23800);

        try (var events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            changeItem(orderId, 0, preSale, larger)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.lines[0].sku")
                    .isEqualTo("TEA-LJ-500")
                    .jsonPath("$.itemChanges[0].priceDifference.amountMinor")
                    .isEqualTo(2 * (23800 - 12800))
                    .jsonPath("$.itemChanges[0].changedBy")
                    .isEqualTo("cs.wang")
                    .jsonPath("$.timeline[-1:].what")
                    .isEqualTo(List.of("ITEM_CHANGED"));
            changeItem(orderId, 0, preSale, larger).expectStatus().isOk();

            var announced = TestEvents.await(events, orderId, "OrderItemChanged", 2, Duration.ofSeconds(5));
            assertThat(announced).hasSize(1);
            OrderItemChanged event = EventJson.read(announced.get(0).value(), OrderItemChanged.class);
            assertThat(event.fromSku()).isEqualTo("TEA-LJ-250");
            assertThat(event.toSku()).isEqualTo("TEA-LJ-500");
        }
        changeItem(orderId, 1, preSale, Map.of("sku", "TEA-LJ-500"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("not a SKU of the same product as CUP-GL-01"));
        changeItem(orderId, 7, preSale, Map.of("sku", "TEA-LJ-500"))
                .expectStatus()
                .isEqualTo(422);
        changeItem(orderId, 0, TestTokens.bearer("wh", StaffRole.WAREHOUSE, "tmall-flagship"), larger)
                .expectStatus()
                .isForbidden();
        cancel(orderId, CS, "Buyer ordered twice").expectStatus().isOk();
        changeItem(orderId, 0, preSale, Map.of("sku", "TEA-LJ-100"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("CHANGE_ITEM");
    }

    @Test
    void theBuyerCancelsThroughTheStorefront() {
        String number = "T" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = paidOrder(number);

        SignedWebhooks.storefront(
                        http,
                        "tmall-flagship",
                        "order.cancelled",
                        UUID.randomUUID().toString(),
                        "{\"orderId\":\"" + number + "\",\"reason\":\"changed my mind\"}",
                        "test-storefront-secret")
                .expectStatus()
                .isOk();

        order(orderId)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.cancellation.cancelledBy")
                .isEqualTo("buyer");
        SignedWebhooks.storefront(
                        http,
                        "tmall-flagship",
                        "order.cancelled",
                        UUID.randomUUID().toString(),
                        "{\"orderId\":\"never-seen\"}",
                        "test-storefront-secret")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aShopifyCancellationCancelsTheOrder() {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        SignedWebhooks.shopify(
                        http,
                        "storeops-test.myshopify.com",
                        "orders/paid",
                        UUID.randomUUID().toString(),
                        TestOrders.shopifyOrder(id),
                        "test-shopify-secret",
                        Instant.now())
                .expectStatus()
                .isOk();

        SignedWebhooks.shopify(
                        http,
                        "storeops-test.myshopify.com",
                        "orders/cancelled",
                        UUID.randomUUID().toString(),
                        "{\"id\":" + id
                                + ",\"cancel_reason\":\"customer\",\"cancelled_at\":\"2026-11-28T10:00:00-05:00\"}",
                        "test-shopify-secret",
                        Instant.now())
                .expectStatus()
                .isOk();

        http.get()
                .uri("/api/orders/{id}", "shopify-us:" + id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cs", StaffRole.CS_AFTERSALE, "shopify-us"))
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.cancellation.reason")
                .isEqualTo("Shopify: customer");
    }

    @Test
    void customerServiceCorrectsTheAddressUntilDispatch() {
        String orderId = paidOrder();
        Map<String, String> corrected = Map.of(
                "name",
                "王芳",
                "phone",
                "13800138000",
                "country",
                "CN",
                "city",
                "杭州市",
                "line1",
                "文三路 90 号 5 幢 302",
                "postalCode",
                "310012");

        try (var events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            changeAddress(orderId, CS, corrected)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.shippingAddress.line1")
                    .isEqualTo("文三路 90 号 5 幢 302")
                    .jsonPath("$.addressChanges[0].changedBy")
                    .isEqualTo("cs.li")
                    .jsonPath("$.addressChanges[0].from.line1")
                    .isEqualTo("文三路 90 号")
                    .jsonPath("$.addressDoubts.length()")
                    .isEqualTo(0);
            assertThat(TestEvents.await(events, orderId, "OrderAddressChanged", 1, PATIENCE))
                    .hasSize(1);
        }
        changeAddress(orderId, CS, Map.of("name", "王芳", "country", "CN", "line1", "文三路 90 号", "postalCode", "31"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:address-doubtful")
                .jsonPath("$.doubts.length()")
                .isEqualTo(2)
                .jsonPath("$.doubtKinds")
                .isEqualTo(List.of("PHONE_MISSING", "POSTCODE_IMPLAUSIBLE"));
        changeAddress(orderId, TestTokens.bearer("pre", StaffRole.CS_PRESALE, "tmall-flagship"), corrected)
                .expectStatus()
                .isForbidden();

        kafka.send(TestEvents.record(
                        new ShipmentDispatched(
                                orderId,
                                "tmall-flagship",
                                "shp-" + orderId,
                                "SF",
                                "SF99887766",
                                null,
                                List.of(),
                                "wh.zhao",
                                Instant.now()),
                        "fulfillment-service",
                        2))
                .join();
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> order(orderId).expectBody().jsonPath("$.status").isEqualTo("SHIPPED"));
        changeAddress(orderId, CS, corrected)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.action")
                .isEqualTo("CHANGE_ADDRESS");
    }

    @Test
    void cancellingNeedsARoleTheStoreAndAReason() {
        String orderId = paidOrder();

        cancel(orderId, TestTokens.bearer("wh", StaffRole.WAREHOUSE, "tmall-flagship"), "x")
                .expectStatus()
                .isForbidden();
        cancel(orderId, TestTokens.bearer("cs.us", StaffRole.CS_AFTERSALE, "shopify-us"), "x")
                .expectStatus()
                .isNotFound();
        cancel(orderId, CS, " ").expectStatus().isEqualTo(422);
        order(orderId)
                .expectBody()
                .jsonPath("$.status")
                .value(status -> assertThat(status).isIn("PAID", "READY"));
    }

    private String paidOrder() {
        return TestOrders.paidNativeOrder(http);
    }

    private String paidOrder(String number) {
        return TestOrders.paidNativeOrder(http, number);
    }

    private WebTestClient.ResponseSpec cancel(String orderId, String bearer, String reason) {
        return http.post()
                .uri("/api/orders/{id}/cancel", orderId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("reason", reason))
                .exchange();
    }

    private WebTestClient.ResponseSpec changeItem(String orderId, int line, String bearer, Map<String, Object> item) {
        return http.put()
                .uri("/api/orders/{id}/lines/{line}/item", orderId, line)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(item)
                .exchange();
    }

    private WebTestClient.ResponseSpec sellerMemo(String orderId, String bearer, Map<String, String> memo) {
        return http.put()
                .uri("/api/orders/{id}/seller-memo", orderId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(memo)
                .exchange();
    }

    private WebTestClient.ResponseSpec changeAddress(String orderId, String bearer, Map<String, String> address) {
        return http.put()
                .uri("/api/orders/{id}/address", orderId)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(address)
                .exchange();
    }

    private WebTestClient.ResponseSpec order(String orderId) {
        return http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, CS)
                .exchange();
    }
}
