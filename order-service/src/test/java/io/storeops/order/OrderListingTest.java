package io.storeops.order;

import static org.awaitility.Awaitility.await;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.contracts.Money;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The order desk shows each line's product as the listing published it, with real Kafka records as
 * listing-service publishes them: the newest page version's title and main image, whatever comes
 * twice or late; what the storefront said stays as it was.
 */
@ServiceTest
class OrderListingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String STORE = "tmall-flagship";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void eachLineShowsItsProductsNewestTitleAndMainImageFromTheListing() {
        String productId = "TEA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String sku = productId + "-250";
        String orderId = paidOrder(sku);

        send(productId, published(productId, sku, 1, "西湖龙井", "img-1"), 1);
        send(productId, changed(productId, sku, 2, "西湖龙井 明前特级", "img-3"), 2);
        send(productId, changed(productId, sku, 2, "西湖龙井 明前特级", "img-3"), 2); // redelivered
        send(productId, published(productId, sku, 1, "西湖龙井", "img-1"), 3); // the first version again, late
        send(
                productId,
                new ListingWithdrawn(productId, STORE, "tmall-" + productId, "sold out", "mgr", Instant.now()),
                4);
        // after all the above on the product's partition: its change reaches a SKU of another order
        String sentinelSku = productId + "-500";
        String sentinelOrder = paidOrder(sentinelSku);
        send(productId, changed(productId, sentinelSku, 3, "西湖龙井 明前特级", "img-5"), 5);
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        order(sentinelOrder).jsonPath("$.lines[0].imageId").isEqualTo("img-5"));

        order(orderId)
                .jsonPath("$.lines[0].sku")
                .isEqualTo(sku)
                .jsonPath("$.lines[0].title")
                .isEqualTo("龙井 250g（店铺标题）")
                .jsonPath("$.lines[0].quantity")
                .isEqualTo(2)
                .jsonPath("$.lines[0].unitPrice.amountMinor")
                .isEqualTo(12800)
                .jsonPath("$.lines[0].productId")
                .isEqualTo(productId)
                .jsonPath("$.lines[0].productTitle")
                .isEqualTo("西湖龙井 明前特级")
                .jsonPath("$.lines[0].variant")
                .isEqualTo("250g")
                .jsonPath("$.lines[0].imageId")
                .isEqualTo("img-3")
                .jsonPath("$.lines[1].sku")
                .isEqualTo("CUP-GL-01")
                .jsonPath("$.lines[1].title")
                .isEqualTo("玻璃杯")
                .jsonPath("$.lines[1].productId")
                .doesNotExist()
                .jsonPath("$.lines[1].imageId")
                .doesNotExist();
    }

    private String paidOrder(String sku) {
        String number = "T" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"orderId":"%s","currency":"CNY","paidAt":"2026-11-28T02:11:30Z","shippingFeeMinor":0,"totalMinor":29500,
                 "lines":[{"sku":"%s","title":"龙井 250g（店铺标题）","quantity":2,"unitPriceMinor":12800},
                          {"sku":"CUP-GL-01","title":"玻璃杯","quantity":1,"unitPriceMinor":3900}],
                 "requestedCarrier":"SF",
                 "shippingAddress":{"name":"王芳","phone":"13800138000","country":"CN","province":"浙江省","city":"杭州市",
                                    "district":"西湖区","line1":"文三路 90 号","postalCode":"310012"}}
                """.formatted(number, sku);
        SignedWebhooks.storefront(
                        http, STORE, "order.paid", UUID.randomUUID().toString(), body, "test-storefront-secret")
                .expectStatus()
                .isOk();
        return STORE + ":" + number;
    }

    private static ListingPublished published(
            String productId, String sku, int pageVersion, String title, String image) {
        return new ListingPublished(
                productId,
                STORE,
                productId,
                title,
                pageVersion,
                1,
                "tmall-" + productId,
                List.of(new ListedSku(sku, "250g", new Money(12800, "CNY"), List.of("茶罐"))),
                image,
                "mgr.chen",
                Instant.now());
    }

    private static ListingChanged changed(String productId, String sku, int pageVersion, String title, String image) {
        return new ListingChanged(
                productId,
                STORE,
                productId,
                title,
                pageVersion,
                pageVersion,
                "tmall-" + productId,
                List.of(new ListedSku(sku, "250g", new Money(12800, "CNY"), List.of("茶罐", "礼盒"))),
                image,
                List.of("TITLE", "IMAGES"),
                "mgr.chen",
                Instant.now());
    }

    /** The record as listing-service's relay publishes it: from the product's listing aggregate. */
    private void send(String productId, StoreOpsEvent event, long sequence) {
        ProducerRecord<String, byte[]> record = TestEvents.record(event, "listing-service", sequence);
        record.headers().add(CloudEventHeaders.AGGREGATE, ("listings/" + productId).getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }

    private WebTestClient.BodyContentSpec order(String orderId) {
        return http.get()
                .uri("/api/orders/{id}", orderId)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
