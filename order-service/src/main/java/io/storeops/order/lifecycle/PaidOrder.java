package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import java.time.Instant;
import java.util.List;

/** A paid storefront order, already validated and converted to StoreOps terms by intake. */
public record PaidOrder(
        String storeId,
        String channel,
        String externalOrderId,
        List<OrderLine> lines,
        Money shippingFee,
        Money total,
        Instant paidAt,
        Address shippingAddress,
        String buyerNote,
        String requestedCarrier,
        Attribution attribution) {

    public PaidOrder {
        lines = List.copyOf(lines);
    }

    /** Orders are keyed by store and storefront order number, so every delivery about one order finds it. */
    public String orderId() {
        return Order.idFor(storeId, externalOrderId);
    }
}
