package io.storeops.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.EventJson;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.ShipmentProgress;
import io.storeops.platform.outbox.ConsumedEvent;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every storefront topic, in and out of order: an order only ever moves forward. */
@ServiceTest
class StorefrontIntakeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SHOP = "storeops-test.myshopify.com";

    @Autowired
    WebTestClient http;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Orders orders;

    @Test
    void aShopifyOrderIsPlacedUpdatedPaidAndCancelledAndLateDeliveriesChangeNothing() {
        long id = shopifyId();
        String orderId = "shopify-us:" + id;

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            shopify("orders/create", shopifyOrder(id, "pending", "44.48", null))
                    .expectStatus()
                    .isOk();
            order(orderId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PLACED")
                    .jsonPath("$.paidAt")
                    .doesNotExist()
                    .jsonPath("$.discount.amountMinor")
                    .isEqualTo(500)
                    .jsonPath("$.tax.amountMinor")
                    .isEqualTo(299)
                    .jsonPath("$.discountCodes[0]")
                    .isEqualTo("WINTER5")
                    .jsonPath("$.noteAttributes[0].name")
                    .isEqualTo("gift_message")
                    .jsonPath("$.buyer.email")
                    .isEqualTo("amy@example.com")
                    .jsonPath("$.lines[1].sku")
                    .isEqualTo("shopify-variant-4411");

            shopify("orders/updated", shopifyOrder(id, "pending", "40.48", null))
                    .expectStatus()
                    .isOk();
            order(orderId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PLACED")
                    .jsonPath("$.total.amountMinor")
                    .isEqualTo(4048);

            shopify("orders/paid", shopifyOrder(id, "paid", "44.48", null))
                    .expectStatus()
                    .isOk();
            shopify("orders/create", shopifyOrder(id, "pending", "44.48", null))
                    .expectStatus()
                    .isOk(); // a late create
            shopify("orders/updated", shopifyOrder(id, "pending", "1.00", null))
                    .expectStatus()
                    .isOk(); // an old state retried
            order(orderId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("ON_HOLD")
                    .jsonPath("$.total.amountMinor")
                    .isEqualTo(4448);

            shopify("orders/updated", shopifyOrder(id, "paid", "44.48", "2026-11-28T09:00:00-05:00"))
                    .expectStatus()
                    .isOk();
            shopify("orders/updated", shopifyOrder(id, "paid", "44.48", null))
                    .expectStatus()
                    .isOk(); // an update after cancellation
            order(orderId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("CANCELLED")
                    .jsonPath("$.cancellation.reason")
                    .isEqualTo("Shopify: customer");

            List<ConsumerRecord<String, byte[]>> published = TestEvents.awaitTypes(
                    events, orderId, PATIENCE, "OrderPlaced", "OrderPaid", "OrderHeld", "OrderCancelled");
            assertThat(TestEvents.types(published))
                    .as("once each, in order")
                    .containsExactly("OrderPlaced", "OrderPaid", "OrderHeld", "OrderCancelled");
            assertThat(EventJson.read(published.get(0).value(), OrderPlaced.class)
                            .total()
                            .amountMinor())
                    .isEqualTo(4448);
            assertThat(EventJson.read(published.get(1).value(), OrderPaid.class).requestedCarrier())
                    .isEqualTo("UPS");
        }
        http.get()
                .uri("/api/orders/{id}/timeline", orderId)
                .header(HttpHeaders.AUTHORIZATION, token(StaffRole.CS_PRESALE, "shopify-us"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].what")
                .isEqualTo(List.of("PLACED", "DETAILS_UPDATED", "PAID", "HELD", "CANCELLED"))
                .jsonPath("$[4].by")
                .isEqualTo("buyer");
    }

    @Test
    void aShopifyOrderCancelledBeforeStoreOpsSawItIsRecordedCancelled() {
        long id = shopifyId();
        String orderId = "shopify-us:" + id;

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            shopify("orders/cancelled", shopifyOrder(id, "voided", "44.48", "2026-11-28T09:00:00-05:00"))
                    .expectStatus()
                    .isOk();
            assertThat(TestEvents.types(
                            TestEvents.awaitTypes(events, orderId, PATIENCE, "OrderPlaced", "OrderCancelled")))
                    .containsExactly("OrderPlaced", "OrderCancelled");
        }
        order(orderId)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.paidAt")
                .doesNotExist();
    }

    @Test
    void anAddressChangedOnShopifyAfterPaymentReachesTheOrderAndFulfilmentButALateOlderUpdateDoesNot() {
        long id = shopifyId();
        String orderId = "shopify-us:" + id;
        String paid = shopifyOrder(id, "paid", "44.48", null)
                .replace("\"cancelled_at\"", "\"updated_at\":\"2026-11-28T00:00:10-05:00\",\"cancelled_at\"");
        String moved = paid.replace("1 Main St", "500 Park Ave")
                .replace("2026-11-28T00:00:10-05:00", "2026-11-28T08:00:00-05:00");
        String tagged = paid.replace("2026-11-28T00:00:10-05:00", "2026-11-28T07:00:00-05:00");

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            shopify("orders/paid", paid).expectStatus().isOk();
            shopify("orders/updated", moved).expectStatus().isOk();
            shopify("orders/updated", tagged).expectStatus().isOk(); // older than the move, delivered after it

            assertThat(TestEvents.await(events, orderId, "OrderAddressChanged", 1, PATIENCE))
                    .hasSize(1);
        }
        order(orderId)
                .expectBody()
                .jsonPath("$.shippingAddress.line1")
                .isEqualTo("500 Park Ave")
                .jsonPath("$.addressChanges[0].changedBy")
                .isEqualTo("shopify")
                .jsonPath("$.addressChanges[0].byStorefront")
                .isEqualTo(true);
    }

    @Test
    void aShopifyCancellationOfADispatchedOrderIsAcceptedAndFlaggedForCustomerServiceNotRetriedForever() {
        long id = shopifyId();
        String orderId = "shopify-us:" + id;
        shopify("orders/paid", shopifyOrder(id, "paid", "44.48", null))
                .expectStatus()
                .isOk();
        orders.onEvent(
                        orderId,
                        new ConsumedEvent("shipments/shp-" + orderId, 2),
                        order -> ShipmentProgress.dispatched(
                                order,
                                new ShipmentDispatched(
                                        orderId,
                                        "shopify-us",
                                        "shp-" + orderId,
                                        "UPS",
                                        "1Z999",
                                        null,
                                        List.of(),
                                        "wh.bob",
                                        Instant.now())))
                .block();

        shopify("orders/cancelled", shopifyOrder(id, "paid", "44.48", "2026-11-29T09:00:00-05:00"))
                .expectStatus()
                .isOk();
        shopify("orders/updated", shopifyOrder(id, "paid", "44.48", "2026-11-29T09:00:00-05:00"))
                .expectStatus()
                .isOk();

        order(orderId).expectBody().jsonPath("$.status").isEqualTo("SHIPPED");
        http.get()
                .uri("/api/orders/{id}/timeline", orderId)
                .header(HttpHeaders.AUTHORIZATION, token(StaffRole.CS_AFTERSALE, "shopify-us"))
                .exchange()
                .expectBody()
                .jsonPath("$[?(@.what == 'CANCELLED_AFTER_DISPATCH')].by")
                .isEqualTo(List.of("buyer"));
    }

    @Test
    void theShopifyTopicHeaderAloneNeitherPaysNorCancelsAnOrder() {
        long id = shopifyId();
        String orderId = "shopify-us:" + id;

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.ORDER_EVENTS)) {
            shopify("orders/paid", shopifyOrder(id, "pending", "44.48", null))
                    .expectStatus()
                    .isOk();
            shopify("orders/cancelled", shopifyOrder(id, "pending", "44.48", null))
                    .expectStatus()
                    .isOk();
            order(orderId)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("PLACED")
                    .jsonPath("$.paidAt")
                    .doesNotExist();

            shopify("orders/updated", shopifyOrder(id, "paid", "44.48", null))
                    .expectStatus()
                    .isOk();
            List<ConsumerRecord<String, byte[]>> published =
                    TestEvents.awaitTypes(events, orderId, PATIENCE, "OrderPlaced", "OrderPaid", "OrderHeld");
            assertThat(TestEvents.types(published))
                    .doesNotContain("OrderCancelled")
                    .containsSubsequence("OrderPlaced", "OrderPaid");
        }
    }

    @Test
    void aRetriedOlderPlacementDoesNotUndoANewerOne() {
        String number = "T" + UUID.randomUUID().toString().substring(0, 8);
        String first = TestOrders.nativeOrder(number)
                .replace("\"paidAt\":\"2026-11-28T02:11:30Z\"", "\"placedAt\":\"2026-11-28T02:00:00Z\"");
        String corrected = first.replace("文三路 90 号", "文三路 100 号");
        String firstEvent = UUID.randomUUID().toString();
        SignedWebhooks.storefront(http, "tmall-flagship", "order.placed", firstEvent, first, "test-storefront-secret")
                .expectStatus()
                .isOk();
        storefront("order.placed", corrected).expectStatus().isOk();

        SignedWebhooks.storefront(http, "tmall-flagship", "order.placed", firstEvent, first, "test-storefront-secret")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("duplicate");

        order("tmall-flagship:" + number)
                .expectBody()
                .jsonPath("$.shippingAddress.line1")
                .isEqualTo("文三路 100 号");
    }

    @Test
    void aNativeOrderPaidBeforeItWasPlacedStaysPaidAndAPlacedOrderIsPaidLater() {
        String early = "T" + UUID.randomUUID().toString().substring(0, 8);
        storefront("order.paid", TestOrders.nativeOrder(early)).expectStatus().isOk();
        storefront("order.placed", TestOrders.nativeOrder(early)).expectStatus().isOk();
        order("tmall-flagship:" + early).expectBody().jsonPath("$.status").isEqualTo("PAID");

        String usual = "T" + UUID.randomUUID().toString().substring(0, 8);
        String placed = TestOrders.nativeOrder(usual)
                .replace("\"paidAt\":\"2026-11-28T02:11:30Z\"", "\"placedAt\":\"2026-11-28T02:00:00Z\"");
        storefront("order.placed", placed).expectStatus().isOk();
        order("tmall-flagship:" + usual).expectBody().jsonPath("$.status").isEqualTo("PLACED");

        storefront("order.paid", TestOrders.nativeOrder(usual)).expectStatus().isOk();
        order("tmall-flagship:" + usual)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PAID")
                .jsonPath("$.placedAt")
                .isEqualTo("2026-11-28T02:00:00Z")
                .jsonPath("$.paidAt")
                .isEqualTo("2026-11-28T02:11:30Z");
    }

    private WebTestClient.ResponseSpec shopify(String topic, String body) {
        return SignedWebhooks.shopify(
                http, SHOP, topic, UUID.randomUUID().toString(), body, "test-shopify-secret", Instant.now());
    }

    private WebTestClient.ResponseSpec storefront(String topic, String body) {
        return SignedWebhooks.storefront(
                http, "tmall-flagship", topic, UUID.randomUUID().toString(), body, "test-storefront-secret");
    }

    private WebTestClient.ResponseSpec order(String orderId) {
        return http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, token(StaffRole.CS_AFTERSALE, "tmall-flagship", "shopify-us"))
                .exchange();
    }

    private static String token(StaffRole role, String... stores) {
        return TestTokens.bearer("cs.amy", role, stores);
    }

    private static long shopifyId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    /** A Shopify order as the Admin API sends it, with a discount, tax, note attributes and a line without SKU. */
    static String shopifyOrder(long id, String financialStatus, String totalPrice, String cancelledAt) {
        return """
                {"id":%d,"name":"#%d","currency":"USD","total_price":"%s","subtotal_price":"40.48","total_discounts":"5.00",
                 "total_tax":"2.99","taxes_included":false,"financial_status":"%s","cancelled_at":%s,"cancel_reason":%s,
                 "created_at":"2026-11-27T23:58:00-05:00","processed_at":"2026-11-28T00:00:00-05:00",
                 "note":"gift wrap please","note_attributes":[{"name":"gift_message","value":"Happy birthday!"},
                                                             {"name":"carrier","value":"UPS"}],
                 "discount_codes":[{"code":"WINTER5","amount":"5.00","type":"fixed_amount"}],
                 "email":"amy@example.com","customer":{"id":77,"first_name":"Amy","last_name":"Lee","phone":"+1 555 0100"},
                 "source_name":"web","landing_site":"/?utm_source=google&utm_medium=cpc","referring_site":"https://www.google.com/",
                 "line_items":[{"sku":"MUG-1","title":"Mug","quantity":1,"price":"19.99","variant_id":1},
                               {"sku":"","title":"Hand-made cup","variant_title":"Blue","quantity":1,"price":"21.50","variant_id":4411}],
                 "shipping_lines":[{"title":"Standard","code":"STD","price":"5.00"}],
                 "shipping_address":{"name":"Amy Lee","phone":"+1 212 555 0100","address1":"1 Main St","city":"New York",
                                     "province":"NY","zip":"10001","country_code":"US"}}
                """.formatted(
                        id,
                        id,
                        totalPrice,
                        financialStatus,
                        cancelledAt == null ? "null" : "\"" + cancelledAt + "\"",
                        cancelledAt == null ? "null" : "\"customer\"");
    }
}
