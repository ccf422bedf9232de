package io.storeops.contracts.events.order;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Defaults;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * The buyer paid: fulfilment may start unless the order is held; refunds are limited to {@code total}.
 * The seller's memo written before payment (pre-sale service often writes it then) comes with it:
 * {@code sellerMemoCarrier} and {@code sellerMemoNote}, both absent when there is none; {@code invoice}
 * when the buyer asked for an invoice.
 */
public record OrderPaid(
        String orderId,
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
        List<String> holds,
        Attribution attribution,
        String sellerMemoCarrier,
        String sellerMemoNote,
        InvoiceRequest invoice)
        implements OrderScopedEvent {

    public OrderPaid {
        lines = Defaults.list(lines);
        holds = Defaults.list(holds);
        attribution = attribution == null ? Attribution.NONE : attribution;
    }

    /** A payment without a seller's memo or an invoice request. */
    public OrderPaid(
            String orderId,
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
            List<String> holds,
            Attribution attribution) {
        this(
                orderId,
                storeId,
                channel,
                externalOrderId,
                lines,
                shippingFee,
                total,
                paidAt,
                shippingAddress,
                buyerNote,
                requestedCarrier,
                holds,
                attribution,
                null,
                null,
                null);
    }
}
