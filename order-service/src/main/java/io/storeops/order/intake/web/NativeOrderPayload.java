package io.storeops.order.intake.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.order.lifecycle.Buyer;
import java.time.Instant;
import java.util.List;

/**
 * The native storefront order webhooks ({@code order.placed}, {@code order.paid}); money in integer
 * minor units of {@code currency}. Schema: {@code storeops/webhooks/storefront-order.v1.schema.json}
 * in contracts.
 *
 * @param taxesIncluded whether the unit prices already include {@code taxMinor} (else it is added to the total)
 */
public record NativeOrderPayload(
        String orderId,
        String currency,
        List<Line> lines,
        Long shippingFeeMinor,
        Long discountMinor,
        Long taxMinor,
        Boolean taxesIncluded,
        Long totalMinor,
        Instant placedAt,
        Instant paidAt,
        ShippingAddress shippingAddress,
        Customer buyer,
        String buyerNote,
        String requestedCarrier,
        Source attribution) {

    public record Line(String sku, String title, Integer quantity, Long unitPriceMinor) {}

    /** Where the parcel goes, as the storefront sends it. */
    public record ShippingAddress(
            String name,
            String phone,
            String country,
            String province,
            String city,
            String district,
            String line1,
            String line2,
            String postalCode) {

        Address toAddress() {
            return new Address(name, phone, country, province, city, district, line1, line2, postalCode);
        }
    }

    /** Who bought, as the storefront knows them. */
    public record Customer(String name, String email, String phone) {

        Buyer toBuyer() {
            return new Buyer(name, email, phone);
        }
    }

    /** Where the order came from: UTM source, medium, campaign and the pay-per-click keyword. */
    public record Source(String source, String medium, String campaign, String keyword) {

        Attribution toAttribution() {
            return new Attribution(source, medium, campaign, keyword);
        }
    }
}
