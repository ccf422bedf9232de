package io.storeops.platform.webhook;

/**
 * A webhook delivery whose signature and freshness were verified: from here on its body may be parsed.
 *
 * @param source     "shopify", "storefront" or "carrier"
 * @param storeId    the store it belongs to (empty for carrier deliveries)
 * @param deliveryId the provider's event id: redeliveries carry the same one
 */
public record VerifiedDelivery(String source, String storeId, String topic, String deliveryId, byte[] body) {
}
