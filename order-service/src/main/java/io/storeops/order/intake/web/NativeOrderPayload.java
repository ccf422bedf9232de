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
        Address shippingAddress,
        Buyer buyer,
        String buyerNote,
        String requestedCarrier,
        Attribution attribution) {

    public record Line(String sku, String title, Integer quantity, Long unitPriceMinor) {}
}
