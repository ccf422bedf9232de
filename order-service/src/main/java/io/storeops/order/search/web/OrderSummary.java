package io.storeops.order.search.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.order.lifecycle.AddressChange;
import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Shipment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One order as a line of search results or of the CSV export: enough to recognise it and decide
 * what to open; the detail and timeline have the rest.
 *
 * @param recipientPhone the phone the carrier calls
 * @param address        where the parcel goes, recipient and phone aside
 * @param items          "SKU × quantity" per line (the title when a line has no SKU)
 * @param itemTitles     "title × quantity" per line, as the warehouse and the buyer know the items
 * @param carrier the carrier the parcel went with, else the one the buyer asked for
 */
record OrderSummary(
        String orderId,
        String storeId,
        String externalOrderId,

        @Schema(
                description =
                        "The progress (PLACED … COMPLETED, CANCELLED), or PARTIALLY_REFUNDED / REFUNDED once money went back",
                example = "READY")
        String status,

        Instant placedAt,
        Instant paidAt,
        Money total,
        Money refunded,
        String buyer,
        String recipient,
        String recipientPhone,
        String address,
        List<String> items,
        List<String> itemTitles,
        List<HoldReason> holds,
        String buyerNote,
        String carrier,
        String trackingNumber,
        boolean stockOutOpen) {

    static OrderSummary of(Order order) {
        Shipment lastLeft = order.parcels().stream()
                .filter(parcel -> parcel.dispatchedAt() != null)
                .max(Comparator.comparing(Shipment::dispatchedAt))
                .orElse(null);
        Address address = order.shippingAddress();
        return new OrderSummary(
                order.orderId(),
                order.storeId(),
                order.externalOrderId(),
                order.status().name(),
                order.placedAt(),
                order.paidAt(),
                order.total(),
                order.refunded(),
                order.told().buyer() == null ? null : order.told().buyer().name(),
                address == null ? null : address.name(),
                address == null ? null : address.phone(),
                address == null ? null : AddressChange.place(address),
                order.lines().stream().map(OrderSummary::item).toList(),
                order.lines().stream()
                        .map(line -> line.title() + " × " + line.quantity())
                        .toList(),
                order.holds(),
                order.told().buyerNote(),
                lastLeft != null ? lastLeft.carrier() : order.requestedCarrier(),
                lastLeft == null ? null : lastLeft.trackingNumber(),
                order.stockOut() != null && order.stockOut().isOpen());
    }

    private static String item(OrderLine line) {
        return (line.sku() == null ? line.title() : line.sku()) + " × " + line.quantity();
    }
}
