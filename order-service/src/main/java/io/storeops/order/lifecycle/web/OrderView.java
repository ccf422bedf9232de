package io.storeops.order.lifecycle.web;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.order.lifecycle.AddressChange;
import io.storeops.order.lifecycle.AddressDoubt;
import io.storeops.order.lifecycle.AddressDoubts;
import io.storeops.order.lifecycle.Buyer;
import io.storeops.order.lifecycle.HoldReason;
import io.storeops.order.lifecycle.ItemChange;
import io.storeops.order.lifecycle.NoteAttribute;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Refunds;
import io.storeops.order.lifecycle.SellerMemo;
import io.storeops.order.lifecycle.Shipment;
import io.storeops.order.lifecycle.StockOut;
import io.storeops.order.lifecycle.StorefrontOrder;
import io.storeops.order.lifecycle.TimelineEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One order as its detail screen shows it: what the storefront said (lines, money, buyer, note,
 * attribution) with each line's product as the listing published it, where it stands and
 * everything that happened to it. What an answer promises, kept apart from how the order is stored.
 *
 * @param storefrontUpdatedAt the storefront's own time of its newest message taken
 */
@Schema(name = "Order")
public record OrderView(
        String orderId,
        String storeId,
        String channel,
        String externalOrderId,

        @Schema(description = "How far the order has come, refunds aside", example = "READY")
        String progress,

        @Schema(description = "The progress, or PARTIALLY_REFUNDED / REFUNDED once money went back", example = "READY")
        String status,

        @Schema(
                description = "The order's lines as they are now, each with its product's title, variant and main "
                        + "image from the listing when the listing published the SKU")
        List<OrderLineView> lines,

        Money shippingFee,
        Money discount,
        Money tax,
        Money total,
        Money refunded,

        @Schema(
                description =
                        "The after-sale cases opened on the order and where each stands, as the refund desk announced them")
        List<Refunds.AfterSaleCase> afterSaleCases,

        List<String> discountCodes,
        Instant placedAt,
        Instant paidAt,
        Address shippingAddress,

        @Schema(
                description = "What is doubtful about the shipping address for the requested carrier; empty when it "
                        + "looks deliverable")
        List<AddressDoubt> addressDoubts,

        Buyer buyer,
        String buyerNote,
        List<NoteAttribute> noteAttributes,
        String requestedCarrier,

        @Schema(description = "The buyer's invoice request (发票): title, tax id, e-mail; absent when none")
        InvoiceRequest invoice,

        @Schema(description = "The seller's memo (卖家备注): carrier chosen and the buyer's wishes, who wrote it, when")
        SellerMemo sellerMemo,

        @Schema(
                description = "Items or sizes changed at the buyer's request (修改商品及尺码), with the price difference; "
                        + "lines shows the lines as they are now")
        List<ItemChange> itemChanges,

        Attribution attribution,
        Instant storefrontUpdatedAt,

        @Schema(
                description = "The order's parcels as fulfilment created them: one, or two when the store shipped what "
                        + "was in stock and sent the rest after it (a partial shipment); empty before fulfilment "
                        + "took the order. A replacement sent for an exchange names its case in replacementFor and "
                        + "does not count in the order's progress")
        List<Shipment> parcels,

        Order.Cancellation cancellation,
        List<HoldReason> holds,
        Order.Release release,
        List<AddressChange> addressChanges,
        StockOut stockOut,
        List<TimelineEntry> timeline) {

    /** The order with the address's doubts and what the listing published of its lines' SKUs (by SKU). */
    public static OrderView of(Order order, AddressDoubts addressDoubts, Map<String, PublishedSku> listed) {
        StorefrontOrder told = order.told();
        return new OrderView(
                order.orderId(),
                order.storeId(),
                told.channel(),
                order.externalOrderId(),
                order.progress().name(),
                order.status().name(),
                order.lines().stream()
                        .map(line -> OrderLineView.of(line, listed))
                        .toList(),
                told.shippingFee(),
                told.discount(),
                told.tax(),
                told.total(),
                order.refunded(),
                order.refunds().cases(),
                told.discountCodes(),
                order.placedAt(),
                told.paidAt(),
                order.shippingAddress(),
                addressDoubts.about(order.shippingAddress(), order.requestedCarrier()),
                told.buyer(),
                told.buyerNote(),
                told.noteAttributes(),
                told.requestedCarrier(),
                told.invoice(),
                order.sellerMemo(),
                order.itemChanges(),
                told.attribution(),
                told.updatedAt(),
                order.parcels(),
                order.cancellation(),
                order.holds(),
                order.release(),
                order.addressChanges(),
                order.stockOut(),
                order.timeline());
    }
}
