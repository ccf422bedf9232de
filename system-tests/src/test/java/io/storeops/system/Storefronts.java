package io.storeops.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook deliveries signed the way the README tells integrators to sign them, computed here
 * independently of the services' own verification code.
 */
final class Storefronts {

    static final String TMALL_SECRET = "demo-storefront-secret";
    static final String SHOPIFY_DOMAIN = "storeops-demo.myshopify.com";
    static final String SHOPIFY_SECRET = "demo-shopify-secret";
    static final String CARRIER_SECRET = "demo-carrier-secret";

    private Storefronts() {}

    static HttpRequest nativeOrderPaid(URI orderService, String eventId, String body, String secret) {
        return tmallDelivery(orderService, "order.paid", eventId, body, secret);
    }

    /** A delivery of the Tmall demo store's storefront to {@code service}, signed with its topic. */
    static HttpRequest tmallDelivery(URI service, String topic, String eventId, String body, String secret) {
        return signedNative(service.resolve("/webhooks/storefront/tmall-flagship"), topic, eventId, body, secret)
                .header("X-StoreOps-Topic", topic)
                .build();
    }

    /** A tracking feed's push, signed with the feed's name where a storefront signs its topic. */
    static HttpRequest carrierPush(URI fulfillmentService, String feed, String eventId, String body) {
        return signedNative(
                        fulfillmentService.resolve("/webhooks/carriers/" + feed), feed, eventId, body, CARRIER_SECRET)
                .build();
    }

    private static HttpRequest.Builder signedNative(URI to, String topic, String eventId, String body, String secret) {
        long t = Instant.now().getEpochSecond();
        String signature = HexFormat.of().formatHex(hmac(secret, t + "." + topic + "." + eventId + "." + body));
        return HttpRequest.newBuilder(to)
                .header("Content-Type", "application/json")
                .header("X-StoreOps-Event-Id", eventId)
                .header("X-StoreOps-Signature", "t=" + t + ",v2=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static HttpRequest shopifyOrderPaid(URI orderService, String eventId, String body) {
        return shopifyDelivery(orderService, "orders/paid", eventId, body);
    }

    /** A delivery of the Shopify demo shop's {@code topic} (orders/create, orders/paid, orders/cancelled, ...). */
    static HttpRequest shopifyDelivery(URI orderService, String topic, String eventId, String body) {
        return HttpRequest.newBuilder(orderService.resolve("/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", SHOPIFY_DOMAIN)
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(hmac(SHOPIFY_SECRET, body)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static String nativeOrder(String orderNumber) {
        return """
                {"orderId":"%s","currency":"CNY","paidAt":"2026-11-28T02:11:30Z","shippingFeeMinor":0,"totalMinor":29500,
                 "lines":[{"sku":"TEA-LJ-250","title":"西湖龙井 250g","quantity":2,"unitPriceMinor":12800},
                          {"sku":"CUP-GL-01","title":"玻璃杯","quantity":1,"unitPriceMinor":3900}],
                 "buyerNote":"请发顺丰","requestedCarrier":"SF",
                 "shippingAddress":{"name":"王芳","phone":"13800138000","country":"CN","province":"浙江省","city":"杭州市",
                                    "district":"西湖区","line1":"文三路 90 号","postalCode":"310012"}}
                """.formatted(orderNumber);
    }

    static String shopifyOrder(long id) {
        return """
                {"id":%d,"name":"#%d","currency":"USD","financial_status":"paid","total_price":"44.48","processed_at":"2026-11-28T09:00:00-05:00",
                 "line_items":[{"sku":"MUG-1","title":"Stoneware mug","quantity":2,"price":"19.99"}],
                 "shipping_lines":[{"title":"Standard","code":"STD","price":"4.50"}],
                 "shipping_address":{"name":"Ann Lee","phone":"+1 212 555 0100","address1":"1 Main St","city":"New York",
                                     "province":"NY","zip":"10001","country_code":"US"}}
                """.formatted(id, id);
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
