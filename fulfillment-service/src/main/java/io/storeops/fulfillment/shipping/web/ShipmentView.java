package io.storeops.fulfillment.shipping.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.ItemQuantity;
import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One shipment as the warehouse's list and its detail show it: what to pack and check, where it
 * goes, with whom, and whether and by whom it left. What an answer promises, kept apart from how the
 * fulfilment is stored.
 */
@Schema(name = "Shipment")
record ShipmentView(
        String orderId,
        String storeId,
        String shipmentId,
        ShipmentStatus status,
        List<ItemQuantity> lines,

        @Schema(
                description = "What to check before the parcel leaves, line by line: the SKU, its title (and variant) "
                        + "as the listing published it, the quantity and the accessories packed with it (the listing's "
                        + "package contents; empty when the listing never published the SKU)")
        List<Checklist.Line> checklist,

        @Schema(description = "Units still missing per SKU while the shipment is AWAITING_STOCK")
        List<ItemQuantity> shortages,

        Address address,
        String requestedCarrier,

        @Schema(description = "The seller's memo: the carrier the shop chose and the buyer's wishes")
        Fulfillment.SellerMemo sellerMemo,

        @Schema(description = "The carrier to hand the parcel to: the seller's choice, else the buyer's request")
        String carrierToUse,

        Instant createdAt,
        String carrier,
        String trackingNumber,
        String dispatchedBy,
        Instant dispatchedAt,
        Instant paidAt,

        @Schema(description = "The dispatch batch (daily report) the shipment is in, once the cut-off took it")
        String batchId,

        @Schema(description = "Each time the buyer urged dispatch (催发货), as customer service recorded it")
        List<Fulfillment.Urge> urges,

        @Schema(description = "The latest check against the outbound slip, once made")
        Fulfillment.Inspection inspection,

        @Schema(description = "The carrier's latest report, once dispatched")
        Fulfillment.Tracking tracking,

        @Schema(description = "The parcel's trouble (异常快递), open or how it ended")
        Fulfillment.Trouble trouble,

        @Schema(description = "Why the shipment will not go out: its order was cancelled, or a refund intercepted it")
        Fulfillment.Cancellation cancellation,

        @Schema(description = "Returns of the parcel: awaited, received (with what arrived) or closed")
        List<Fulfillment.ReturnCase> returns,

        @Schema(
                description = "Of an order split into two parcels (partial shipment): 1 for the lines that were in "
                        + "stock, 2 for those that follow; absent when the order ships in one parcel",
                example = "2")
        Integer parcel,

        @Schema(description = "Of a split order: the other parcel's shipment")
        String otherParcel,

        @Schema(
                description = "Of a replacement sent for an exchange: the after-sale case it replaces goods for; "
                        + "absent for the order's own parcels",
                example = "tmall-flagship:RF1001")
        String replacementFor) {

    static ShipmentView of(Fulfillment fulfillment, Checklist checklist) {
        return new ShipmentView(
                fulfillment.orderId(),
                fulfillment.storeId(),
                fulfillment.shipmentId(),
                fulfillment.status(),
                fulfillment.lines(),
                checklist.lines(),
                fulfillment.shortages(),
                fulfillment.address(),
                fulfillment.requestedCarrier(),
                fulfillment.sellerMemo(),
                fulfillment.carrierToUse(),
                fulfillment.createdAt(),
                fulfillment.carrier(),
                fulfillment.trackingNumber(),
                fulfillment.dispatchedBy(),
                fulfillment.dispatchedAt(),
                fulfillment.paidAt(),
                fulfillment.batchId(),
                fulfillment.urges(),
                fulfillment.inspection(),
                fulfillment.tracking(),
                fulfillment.trouble(),
                fulfillment.cancellation(),
                fulfillment.returns(),
                fulfillment.parcelNumber(),
                fulfillment.otherParcel(),
                fulfillment.replacementFor());
    }
}
