package io.storeops.platform.webhook;

/**
 * A webhook delivery whose signature and freshness were verified: from here on its body may be parsed.
 *
 * @param source     "shopify", "storefront" or "carrier"
 * @param sender     the store it belongs to, or for carrier deliveries the carrier
 * @param topic      what the delivery says happened; for carriers the carrier's name
 * @param deliveryId the provider's event id: redeliveries carry the same one
 */
public record VerifiedDelivery(String source, String sender, String topic, String deliveryId, byte[] body) {

    /** The store the delivery belongs to (storefront and Shopify deliveries). */
    public String storeId() {
        return sender;
    }
}
