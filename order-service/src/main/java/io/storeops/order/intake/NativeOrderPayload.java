package io.storeops.order.intake;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import java.time.Instant;
import java.util.List;

/**
 * The native storefront order webhook ({@code order.paid}); money in integer minor units of
 * {@code currency}. Schema: {@code storeops/webhooks/storefront-order.v1.schema.json} in contracts.
 */
public record NativeOrderPayload(
        String orderId,
        String currency,
        List<Line> lines,
        Long shippingFeeMinor,
        Long totalMinor,
        Instant paidAt,
        Address shippingAddress,
        String buyerNote,
        String requestedCarrier,
        Attribution attribution) {

    public record Line(String sku, String title, Integer quantity, Long unitPriceMinor) {
    }
}
