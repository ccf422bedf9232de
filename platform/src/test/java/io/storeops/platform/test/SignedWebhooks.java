package io.storeops.platform.test;

import io.storeops.platform.webhook.WebhookSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Builds webhook deliveries the way storefronts, carriers and Shopify sign them. */
public final class SignedWebhooks {

    private SignedWebhooks() {}

    public static WebTestClient.ResponseSpec storefront(
            WebTestClient client, String storeId, String topic, String eventId, String body, String secret) {
        return nativeDelivery(client, "/webhooks/storefront/" + storeId, topic, eventId, body, secret, Instant.now());
    }

    public static WebTestClient.ResponseSpec nativeDelivery(
            WebTestClient client,
            String path,
            String topic,
            String eventId,
            String body,
            String secret,
            Instant signedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-StoreOps-Topic", topic)
                .header("X-StoreOps-Event-Id", eventId)
                .header(
                        "X-StoreOps-Signature",
                        WebhookSignatures.signNative(bytes, topic, eventId, secret, signedAt.getEpochSecond()))
                .bodyValue(bytes)
                .exchange();
    }

    /** A carrier's tracking delivery: its signed topic is the carrier's name. */
    public static WebTestClient.ResponseSpec carrier(
            WebTestClient client, String carrier, String eventId, String body, String secret) {
        return nativeDelivery(client, "/webhooks/carriers/" + carrier, carrier, eventId, body, secret, Instant.now());
    }

    public static WebTestClient.ResponseSpec shopify(
            WebTestClient client,
            String shopDomain,
            String topic,
            String eventId,
            String body,
            String secret,
            Instant triggeredAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.post()
                .uri("/webhooks/shopify")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", shopDomain)
                .header("X-Shopify-Event-Id", eventId)
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Triggered-At", triggeredAt.toString())
                .header("X-Shopify-Hmac-Sha256", WebhookSignatures.signShopify(bytes, secret))
                .bodyValue(bytes)
                .exchange();
    }
}
