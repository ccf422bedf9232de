package io.storeops.order.review.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.Order;
import java.time.Instant;
import java.util.List;

/**
 * An order in the review queue, as a reviewer decides on it: why it is held, what the buyer wrote,
 * where it goes and with whom, and what it is worth. The order's detail has the rest.
 *
 * @param paidAt when the order was paid: the queue's order, longest waiting first
 */
record HeldOrder(
        String orderId,
        String externalOrderId,
        List<HoldReason> holds,
        Instant paidAt,
        Money total,
        String buyer,
        String buyerNote,
        String requestedCarrier,
        Address shippingAddress) {

    static HeldOrder of(Order order) {
        return new HeldOrder(
                order.orderId(),
                order.externalOrderId(),
                order.holds(),
                order.paidAt(),
                order.total(),
                order.told().buyer() == null ? null : order.told().buyer().name(),
                order.told().buyerNote(),
                order.requestedCarrier(),
                order.shippingAddress());
    }
}
