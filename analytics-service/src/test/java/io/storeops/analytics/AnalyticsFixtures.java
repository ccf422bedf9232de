package io.storeops.analytics;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * What the analytics service tests send: staff tokens, uploaded files, and the other services'
 * events (paid orders, dispatched parcels) as real Kafka records.
 */
final class AnalyticsFixtures {

    /** Where the tests' Chinese orders go. */
    static final Address HANGZHOU =
            new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012");

    /** The header of a 直通车 keyword report. */
    static final String ZTC_KEYWORD_HEADER = "日期,推广计划名称,宝贝ID,宝贝名称,关键词,展现量,点击量,点击率,花费(元),平均点击花费(元),总成交笔数,总成交金额(元)\n";

    private final WebTestClient http;
    private final KafkaTemplate<String, byte[]> kafka;

    AnalyticsFixtures(WebTestClient http, KafkaTemplate<String, byte[]> kafka) {
        this.http = http;
        this.kafka = kafka;
    }

    /** A member of staff of {@code stores} in {@code role}, named after the role. */
    static String staff(StaffRole role, String... stores) {
        return TestTokens.bearer(role.name().toLowerCase(Locale.ROOT), role, stores);
    }

    /** A multipart body with one part, {@code file}, named {@code name}. */
    static MultiValueMap<String, HttpEntity<?>> file(String name, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return parts.build();
    }

    /** {@code content} uploaded as the file {@code name} to {@code uri} by the person with {@code bearer}. */
    WebTestClient.ResponseSpec upload(String uri, String bearer, String name, byte[] content) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(name, content)))
                .exchange();
    }

    /** {@code event} as {@code producer} publishes it, the first of its events about the order. */
    void send(StoreOpsEvent event, String producer) {
        send(event, producer, 1);
    }

    /** {@code sequence}: the event's place among its producer's events about the same order. */
    void send(StoreOpsEvent event, String producer, long sequence) {
        kafka.send(TestEvents.record(event, producer, sequence)).join();
    }

    /** A new order id of {@code storeId}: {@code <store>:T<random>}. */
    static String newOrderId(String storeId) {
        return storeId + ":T" + UUID.randomUUID();
    }

    /**
     * The order {@code orderId} (its store before the colon, its number after) of {@code lines}, paid
     * at {@code paidAt} in the lines' currency, without discount.
     */
    static OrderPaid paid(
            String orderId,
            String channel,
            List<OrderLine> lines,
            Instant paidAt,
            Address shippingAddress,
            Attribution attribution) {
        String currency = lines.get(0).unitPrice().currency();
        return new OrderPaid(
                orderId,
                orderId.substring(0, orderId.indexOf(':')),
                channel,
                orderId.substring(orderId.indexOf(':') + 1),
                lines,
                Money.zero(currency),
                new Money(
                        lines.stream()
                                .mapToLong(line -> line.lineTotal().amountMinor())
                                .sum(),
                        currency),
                paidAt,
                shippingAddress,
                null,
                null,
                List.of(),
                attribution);
    }

    /** A storefront order of tmall-flagship to Hangzhou: {@code quantity} of {@code sku} at {@code unitMinor} fen. */
    static OrderPaid paidTmall(String sku, String title, int quantity, long unitMinor, Instant paidAt, Attribution by) {
        return paid(
                newOrderId("tmall-flagship"),
                "storefront",
                List.of(new OrderLine(sku, title, quantity, new Money(unitMinor, "CNY"))),
                paidAt,
                HANGZHOU,
                by);
    }

    /** The parcel {@code shp-<number>} of the order {@code orderId} dispatched by the warehouse in a batch. */
    static ShipmentDispatched dispatched(
            String orderId, String carrier, String trackingNumber, String batchId, Instant at) {
        String store = orderId.substring(0, orderId.indexOf(':'));
        return new ShipmentDispatched(
                orderId,
                store,
                "shp-" + orderId.substring(orderId.indexOf(':') + 1),
                carrier,
                trackingNumber,
                batchId,
                List.of(),
                "wh",
                at);
    }
}
