package io.storeops.order.intake.web;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The fields StoreOps reads from a Shopify order webhook (REST Admin API order resource). Money
 * fields are decimal strings in the shop's currency ({@code currency}); the buyer's presentment
 * currency is not used.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShopifyOrderPayload(
        Long id,
        String name,
        String currency,
        String totalPrice,
        String totalDiscounts,
        String totalTax,
        Boolean taxesIncluded,
        String financialStatus,
        String createdAt,
        String processedAt,
        String updatedAt,
        String cancelledAt,
        String note,
        List<NoteAttribute> noteAttributes,
        List<DiscountCode> discountCodes,
        String cancelReason,
        String landingSite,
        String referringSite,
        String sourceName,
        String email,
        String phone,
        Customer customer,
        List<LineItem> lineItems,
        List<ShippingLine> shippingLines,
        Address shippingAddress) {

    /** Financial statuses that mean the buyer has paid (later refunds are refund-service's business). */
    private static final Set<String> PAID_STATUSES = Set.of("paid", "partially_refunded", "refunded");

    /** Whether the order, as this payload shows it, has been paid. */
    public boolean isPaid() {
        return financialStatus != null && PAID_STATUSES.contains(financialStatus);
    }

    /** Whether the order, as this payload shows it, has been cancelled. */
    public boolean isCancelled() {
        return cancelledAt != null && !cancelledAt.isBlank();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItem(
            Long id, String sku, String title, String variantTitle, Integer quantity, String price, Long variantId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShippingLine(String title, String code, String price) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(
            String name,
            String phone,
            String address1,
            String address2,
            String city,
            String province,
            String zip,
            String countryCode) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Customer(Long id, String email, String firstName, String lastName, String phone) {}

    public record NoteAttribute(String name, String value) {}

    public record DiscountCode(String code, String amount, String type) {}
}
