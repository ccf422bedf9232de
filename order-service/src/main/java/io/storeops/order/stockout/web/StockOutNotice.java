package io.storeops.order.stockout.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.StockOut;
import java.time.Instant;
import java.util.List;

/**
 * An order in the stock-out queue, as customer service calls its buyer: who to reach and how
 * (the recipient's phone), what was ordered, what is missing and every contact so far.
 */
record StockOutNotice(
        String orderId,
        String externalOrderId,
        String status,
        Instant paidAt,
        String buyer,
        Address shippingAddress,
        List<OrderLine> lines,
        StockOut stockOut) {

    static StockOutNotice of(Order order) {
        return new StockOutNotice(
                order.orderId(),
                order.externalOrderId(),
                order.status().name(),
                order.paidAt(),
                order.told().buyer() == null ? null : order.told().buyer().name(),
                order.shippingAddress(),
                order.lines(),
                order.stockOut());
    }
}
