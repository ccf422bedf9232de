package io.storeops.order.intake;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The fields StoreOps reads from a Shopify order webhook (REST Admin API order resource). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShopifyOrderPayload(
        Long id,
        String name,
        String currency,
        String totalPrice,
        String processedAt,
        String note,
        String cancelReason,
        String landingSite,
        String referringSite,
        String sourceName,
        List<LineItem> lineItems,
        List<ShippingLine> shippingLines,
        Address shippingAddress) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItem(String sku, String title, Integer quantity, String price, Long variantId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShippingLine(String title, String code, String price) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(String name, String phone, String address1, String address2, String city, String province,
                          String zip, String countryCode) {
    }
}
