package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Cases from the storefronts' doors over signed webhooks and real Kafka records: the native
 * marketplace's request and withdrawal, a refund made in Shopify's admin, each once however often
 * it is delivered, and refusals as problems.
 */
@ServiceTest
class StorefrontRefundWebhookTest {

    private static final String TMALL = "tmall-outlet";
    private static final String TMALL_SECRET = "test-outlet-secret";
    private static final String SHOPIFY = "shopify-us";
    private static final String SHOP = "storeops-test.myshopify.com";
    private static final String SHOPIFY_SECRET = "test-shopify-secret";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void aBuyersRequestOpensOneCaseHoweverOftenItComesAndItsWithdrawalClosesIt() {
        String cs = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, TMALL);
        String orderId = steps.paidOrder(
                TMALL, List.of(new OrderLine("KETTLE-1", "电热水壶", 1, new Money(39900, "CNY"))), 0, 39900, "CNY", cs);
        String orderNumber = orderId.substring(orderId.indexOf(':') + 1);
        String refundId = "TB-RF-" + UUID.randomUUID();
        String request = """
                {"refundId":"%s","orderId":"%s","type":"REFUND_ONLY","reason":"七天无理由","goodsReceived":false,
                 "lines":[{"lineIndex":0,"quantity":1,"amountMinor":39900}],"evidence":["拍错了"]}""".formatted(refundId, orderNumber);

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            native_("refund.requested", "evt-" + UUID.randomUUID(), request, 200);
            native_("refund.requested", "evt-" + UUID.randomUUID(), request, 200);

            assertThat(TestEvents.await(events, orderId, "RefundRequested", 2, Duration.ofSeconds(3)))
                    .as("one case, however often the storefront sends it")
                    .hasSize(1);
        }
        JsonNode opened = TestHttp.read(http, "/api/refunds/" + TMALL + ":" + refundId, cs)
                .get("refundCase");
        assertThat(opened.get("source").asString()).isEqualTo("STOREFRONT");
        assertThat(opened.get("openedBy").asString()).isEqualTo("buyer");
        assertThat(opened.get("reason").asString())
                .as("the marketplace's own reason")
                .isEqualTo("七天无理由");
        assertThat(opened.get("deadline").get("kind").asString()).isEqualTo("ANSWER");

        native_(
                "refund.withdrawn",
                "evt-" + UUID.randomUUID(),
                "{\"refundId\":\"%s\",\"orderId\":\"%s\"}".formatted(refundId, orderNumber),
                200);
        assertThat(TestHttp.read(http, "/api/refunds/" + TMALL + ":" + refundId, cs)
                        .get("refundCase")
                        .get("state")
                        .asString())
                .isEqualTo("CLOSED");
    }

    @Test
    void theBuyersReturnParcelFromTheStorefrontStartsTheSellersTimeToConfirmIt() {
        String cs = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, TMALL);
        String supervisor = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, TMALL);
        String orderId = steps.paidOrder(
                TMALL, List.of(new OrderLine("KETTLE-1", "电热水壶", 1, new Money(39900, "CNY"))), 0, 39900, "CNY", cs);
        String orderNumber = orderId.substring(orderId.indexOf(':') + 1);
        String refundId = "TB-RF-" + UUID.randomUUID();
        native_("refund.requested", "evt-" + UUID.randomUUID(), """
                {"refundId":"%s","orderId":"%s","type":"RETURN_AND_REFUND","reason":"质量问题","goodsReceived":true,
                 "lines":[{"lineIndex":0,"quantity":1,"amountMinor":39900}]}""".formatted(refundId, orderNumber), 200);
        String shipped = "{\"refundId\":\"%s\",\"orderId\":\"%s\",\"trackingNumber\":\"SF1234567890999\"}"
                .formatted(refundId, orderNumber);
        native_("refund.return-shipped", "evt-" + UUID.randomUUID(), shipped, 409);

        steps.post("/api/refunds/" + TMALL + ":" + refundId + "/approval", supervisor, Map.of(), 200);
        native_("refund.return-shipped", "evt-" + UUID.randomUUID(), shipped, 200);

        JsonNode awaited = TestHttp.read(http, "/api/refunds/" + TMALL + ":" + refundId, cs)
                .get("refundCase");
        assertThat(awaited.get("returnTracking").asString()).isEqualTo("SF1234567890999");
        assertThat(awaited.get("deadline").get("kind").asString()).isEqualTo("CONFIRM_RECEIPT");
        assertThat(awaited.get("timeline")
                        .valueStream()
                        .map(entry -> entry.get("by").asString()))
                .as("the buyer shipped it")
                .contains("buyer");
    }

    @Test
    void aStorefrontRefundTheDeskCannotTakeIsAProblemAndChangesNothing() {
        String cs = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, TMALL);
        String orderId = steps.paidOrder(
                TMALL, List.of(new OrderLine("KETTLE-1", "电热水壶", 1, new Money(39900, "CNY"))), 0, 39900, "CNY", cs);
        String orderNumber = orderId.substring(orderId.indexOf(':') + 1);
        String tooMuch = """
                {"refundId":"TB-RF-%s","orderId":"%s","type":"REFUND_ONLY","reason":"质量问题",
                 "lines":[{"lineIndex":0,"amountMinor":40000}]}""".formatted(UUID.randomUUID(), orderNumber);
        String unknownOrder = """
                {"refundId":"TB-RF-%s","orderId":"NO-SUCH-ORDER","type":"REFUND_ONLY","reason":"质量问题",
                 "lines":[{"lineIndex":0,"amountMinor":100}]}""".formatted(UUID.randomUUID());

        native_("refund.requested", "evt-" + UUID.randomUUID(), tooMuch, 422);
        native_("refund.requested", "evt-" + UUID.randomUUID(), unknownOrder, 404);
        native_(
                "refund.requested",
                "evt-" + UUID.randomUUID(),
                tooMuch.replaceFirst("TB-RF-", "TB/RF/").replace("40000", "100"),
                422);
        native_(
                "refund.withdrawn",
                "evt-" + UUID.randomUUID(),
                "{\"refundId\":\"TB-NONE\",\"orderId\":\"" + orderNumber + "\"}",
                404);

        assertThat(TestHttp.read(http, "/api/refund-ledgers/" + orderId, cs)
                        .get("refundable")
                        .get("amountMinor")
                        .asLong())
                .isEqualTo(39900);
    }

    @Test
    void aRefundMadeInShopifysAdminIsRecordedPaidOnceAndStoreOpsOwnPayoutIsRecognised() {
        String cs = TestTokens.bearer("cs.ann", StaffRole.CS_AFTERSALE, SHOPIFY);
        String orderId = steps.paidOrder(
                SHOPIFY,
                String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L)),
                List.of(
                        new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD")),
                        new OrderLine("TEE-M", "T-shirt M", 1, new Money(2500, "USD"))),
                450,
                6948,
                "USD",
                cs);
        String shopifyOrderId = orderId.substring(orderId.indexOf(':') + 1);
        long refundId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

        shopify(shopifyRefund(refundId, shopifyOrderId, "Customer changed mind"), 200);
        shopify(shopifyRefund(refundId, shopifyOrderId, "Customer changed mind"), 200);
        shopify(shopifyRefund(refundId + 1, shopifyOrderId, "[storeops-payout abc123]"), 200);

        JsonNode refund = TestHttp.read(http, "/api/refunds/" + SHOPIFY + ":" + refundId, cs)
                .get("refundCase");
        assertThat(refund.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(refund.get("source").asString()).isEqualTo("SHOPIFY");
        assertThat(refund.get("lines").get(0).get("lineIndex").asInt()).isEqualTo(0);
        assertThat(refund.get("shippingMinor").asLong()).as("the tax on top").isEqualTo(160);
        assertThat(TestHttp.read(http, "/api/refund-ledgers/" + orderId, cs)
                        .get("refunded")
                        .get("amountMinor")
                        .asLong())
                .as("once, and not StoreOps' own payout")
                .isEqualTo(2159);
        http.get()
                .uri("/api/refunds/" + SHOPIFY + ":" + (refundId + 1))
                .header("Authorization", cs)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aReturnTheBuyerRequestedOnShopifyOpensOneCaseOfItsLinesAtWhatTheyCost() {
        String cs = TestTokens.bearer("cs.ann", StaffRole.CS_AFTERSALE, SHOPIFY);
        String orderNumber = String.valueOf(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L));
        String orderId = steps.paidOrder(
                SHOPIFY,
                orderNumber,
                List.of(
                        new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD"), "466157049"),
                        new OrderLine("TEE-M", "T-shirt M", 1, new Money(2500, "USD"), "466157050")),
                450,
                6948,
                "USD",
                cs);
        long returnId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String request = """
                {"id":%d,"admin_graphql_api_id":"gid://shopify/Return/%d","status":"requested","name":"#1001-R1",
                 "order":{"id":%s,"admin_graphql_api_id":"gid://shopify/Order/%s"},"total_return_line_items":1,
                 "return_line_items":[{"id":91,"admin_graphql_api_id":"gid://shopify/ReturnLineItem/91","quantity":1,
                   "return_reason":"DEFECTIVE","return_reason_note":"","customer_note":"The handle came off",
                   "fulfillment_line_item":{"id":81,"line_item":{"id":466157049,
                     "admin_graphql_api_id":"gid://shopify/LineItem/466157049"}}}],
                 "return_shipping_fees":[],"exchange_line_items":[],"total_exchange_line_items":0}""".formatted(returnId, returnId, orderNumber, orderNumber);

        shopify("returns/request", request, 200);
        shopify("returns/request", request, 200);

        JsonNode opened = TestHttp.read(http, "/api/refunds/" + SHOPIFY + ":return-" + returnId, cs)
                .get("refundCase");
        assertThat(opened.get("type").asString()).isEqualTo("RETURN_AND_REFUND");
        assertThat(opened.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(opened.get("reason").asString()).isEqualTo("DEFECTIVE");
        assertThat(opened.get("lines").get(0).get("lineIndex").asInt()).isZero();
        assertThat(opened.get("lines").get(0).get("amountMinor").asLong())
                .as("one mug")
                .isEqualTo(1999);
        assertThat(opened.get("evidence").get(0).asString()).isEqualTo("The handle came off");
        assertThat(TestHttp.read(http, "/api/refunds?storeId=" + SHOPIFY + "&orderId=" + orderId, cs)
                        .get("cases"))
                .as("once, however often Shopify sends it")
                .hasSize(1);
        shopify(
                "returns/request",
                request.replace("\"id\":" + returnId, "\"id\":" + (returnId + 1))
                        .replace("\"id\":466157049", "\"id\":999"),
                422);
    }

    private void native_(String topic, String eventId, String body, int status) {
        SignedWebhooks.storefront(http, TMALL, topic, eventId, body, TMALL_SECRET)
                .expectStatus()
                .isEqualTo(status);
    }

    private void shopify(String body, int status) {
        shopify("refunds/create", body, status);
    }

    private void shopify(String topic, String body, int status) {
        SignedWebhooks.shopify(http, SHOP, topic, UUID.randomUUID().toString(), body, SHOPIFY_SECRET, Instant.now())
                .expectStatus()
                .isEqualTo(status);
    }

    /** A refunds/create body as Shopify sends it: one mug back, 19.99 plus 1.60 tax. */
    private static String shopifyRefund(long refundId, String orderId, String note) {
        return """
                {"id":%d,"order_id":%s,"created_at":"2026-11-29T10:00:00-05:00","note":"%s","user_id":null,
                 "processed_at":"2026-11-29T10:00:00-05:00","restock":false,"duties":[],
                 "admin_graphql_api_id":"gid://shopify/Refund/%d","return":null,
                 "refund_line_items":[{"id":61079399,"quantity":1,"line_item_id":466157049,"location_id":null,
                   "restock_type":"no_restock","subtotal":19.99,"total_tax":1.6,
                   "subtotal_set":{"shop_money":{"amount":"19.99","currency_code":"USD"},
                                   "presentment_money":{"amount":"19.99","currency_code":"USD"}},
                   "line_item":{"id":466157049,"variant_id":39072856,"title":"Stoneware mug","quantity":2,
                                "sku":"MUG-1","price":"19.99","name":"Stoneware mug"}}],
                 "transactions":[{"id":179259969,"order_id":%s,"kind":"refund","gateway":"bogus",
                   "status":"success","amount":"21.59","currency":"USD","parent_id":801038806}],
                 "order_adjustments":[]}""".formatted(refundId, orderId, note, refundId, orderId);
    }
}
