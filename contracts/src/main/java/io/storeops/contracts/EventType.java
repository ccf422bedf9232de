package io.storeops.contracts;

import io.storeops.contracts.events.fulfillment.DailyReportAcknowledged;
import io.storeops.contracts.events.fulfillment.DispatchBatchClosed;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.DispatchBatchPrinted;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.listing.DetailPageApproved;
import io.storeops.contracts.events.listing.DetailPageRejected;
import io.storeops.contracts.events.listing.DetailPageSubmitted;
import io.storeops.contracts.events.listing.ImagesApproved;
import io.storeops.contracts.events.listing.ImagesRejected;
import io.storeops.contracts.events.listing.ImagesSubmitted;
import io.storeops.contracts.events.listing.ListingChanged;
import io.storeops.contracts.events.listing.ListingDrafted;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.contracts.events.listing.ListingWithdrawn;
import io.storeops.contracts.events.listing.SellingPointsPublished;
import io.storeops.contracts.events.order.OrderAddressChanged;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.contracts.events.order.OrderReleased;
import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.contracts.events.refund.ComplaintOpened;
import io.storeops.contracts.events.refund.ComplaintResolved;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.contracts.events.refund.ReviewReplied;
import java.util.Arrays;
import java.util.Optional;

/**
 * The event catalog: CloudEvents type name and schema version, payload record, and the producing
 * service, whose topic carries the type and whose folder groups its record, schema and sample. A
 * breaking change is a new constant with the same name and a higher version, published beside the
 * old one until every consumer has moved.
 */
public enum EventType {
    ORDER_PLACED("OrderPlaced", 1, OrderPlaced.class, Producer.ORDER_SERVICE),
    ORDER_PAID("OrderPaid", 1, OrderPaid.class, Producer.ORDER_SERVICE),
    ORDER_HELD("OrderHeld", 1, OrderHeld.class, Producer.ORDER_SERVICE),
    ORDER_RELEASED("OrderReleased", 1, OrderReleased.class, Producer.ORDER_SERVICE),
    ORDER_ADDRESS_CHANGED("OrderAddressChanged", 1, OrderAddressChanged.class, Producer.ORDER_SERVICE),
    ORDER_CANCELLED("OrderCancelled", 1, OrderCancelled.class, Producer.ORDER_SERVICE),
    ORDER_SELLER_MEMO_CHANGED("OrderSellerMemoChanged", 1, OrderSellerMemoChanged.class, Producer.ORDER_SERVICE),
    ORDER_ITEM_CHANGED("OrderItemChanged", 1, OrderItemChanged.class, Producer.ORDER_SERVICE),
    SHIPMENT_CREATED("ShipmentCreated", 1, ShipmentCreated.class, Producer.FULFILLMENT_SERVICE),
    STOCK_SHORTAGE("StockShortage", 1, StockShortage.class, Producer.FULFILLMENT_SERVICE),
    STOCK_ALLOCATED("StockAllocated", 1, StockAllocated.class, Producer.FULFILLMENT_SERVICE),
    DISPATCH_BATCH_CREATED("DispatchBatchCreated", 1, DispatchBatchCreated.class, Producer.FULFILLMENT_SERVICE),
    DISPATCH_BATCH_PRINTED("DispatchBatchPrinted", 1, DispatchBatchPrinted.class, Producer.FULFILLMENT_SERVICE),
    DISPATCH_BATCH_CLOSED("DispatchBatchClosed", 1, DispatchBatchClosed.class, Producer.FULFILLMENT_SERVICE),
    DAILY_REPORT_ACKNOWLEDGED(
            "DailyReportAcknowledged", 1, DailyReportAcknowledged.class, Producer.FULFILLMENT_SERVICE),
    SHIPMENT_DISPATCHED("ShipmentDispatched", 1, ShipmentDispatched.class, Producer.FULFILLMENT_SERVICE),
    SHIPMENT_DELIVERED("ShipmentDelivered", 1, ShipmentDelivered.class, Producer.FULFILLMENT_SERVICE),
    SHIPMENT_EXCEPTION("ShipmentException", 1, ShipmentException.class, Producer.FULFILLMENT_SERVICE),
    SHIPMENT_CANCELLED("ShipmentCancelled", 1, ShipmentCancelled.class, Producer.FULFILLMENT_SERVICE),
    RETURN_RECEIVED("ReturnReceived", 1, ReturnReceived.class, Producer.FULFILLMENT_SERVICE),
    REFUND_REQUESTED("RefundRequested", 1, RefundRequested.class, Producer.REFUND_SERVICE),
    REFUND_APPROVED("RefundApproved", 1, RefundApproved.class, Producer.REFUND_SERVICE),
    REFUND_REJECTED("RefundRejected", 1, RefundRejected.class, Producer.REFUND_SERVICE),
    REFUND_COMPLETED("RefundCompleted", 1, RefundCompleted.class, Producer.REFUND_SERVICE),
    REFUND_CLOSED("RefundClosed", 1, RefundClosed.class, Producer.REFUND_SERVICE),
    REPLACEMENT_REQUESTED("ReplacementRequested", 1, ReplacementRequested.class, Producer.REFUND_SERVICE),
    COMPLAINT_OPENED("ComplaintOpened", 1, ComplaintOpened.class, Producer.REFUND_SERVICE),
    COMPLAINT_RESOLVED("ComplaintResolved", 1, ComplaintResolved.class, Producer.REFUND_SERVICE),
    REVIEW_REPLIED("ReviewReplied", 1, ReviewReplied.class, Producer.REFUND_SERVICE),
    LISTING_DRAFTED("ListingDrafted", 1, ListingDrafted.class, Producer.LISTING_SERVICE),
    SELLING_POINTS_PUBLISHED("SellingPointsPublished", 1, SellingPointsPublished.class, Producer.LISTING_SERVICE),
    IMAGES_SUBMITTED("ImagesSubmitted", 1, ImagesSubmitted.class, Producer.LISTING_SERVICE),
    IMAGES_APPROVED("ImagesApproved", 1, ImagesApproved.class, Producer.LISTING_SERVICE),
    IMAGES_REJECTED("ImagesRejected", 1, ImagesRejected.class, Producer.LISTING_SERVICE),
    DETAIL_PAGE_SUBMITTED("DetailPageSubmitted", 1, DetailPageSubmitted.class, Producer.LISTING_SERVICE),
    DETAIL_PAGE_APPROVED("DetailPageApproved", 1, DetailPageApproved.class, Producer.LISTING_SERVICE),
    DETAIL_PAGE_REJECTED("DetailPageRejected", 1, DetailPageRejected.class, Producer.LISTING_SERVICE),
    LISTING_PUBLISHED("ListingPublished", 1, ListingPublished.class, Producer.LISTING_SERVICE),
    LISTING_CHANGED("ListingChanged", 1, ListingChanged.class, Producer.LISTING_SERVICE),
    LISTING_WITHDRAWN("ListingWithdrawn", 1, ListingWithdrawn.class, Producer.LISTING_SERVICE);

    private final String typeName;
    private final int version;
    private final Class<? extends StoreOpsEvent> payloadType;
    private final Producer producer;

    EventType(String typeName, int version, Class<? extends StoreOpsEvent> payloadType, Producer producer) {
        this.typeName = typeName;
        this.version = version;
        this.payloadType = payloadType;
        this.producer = producer;
    }

    /** The catalog entry for a received {@code ce_type} and {@code dataschemaversion}; empty if unknown. */
    public static Optional<EventType> find(String typeName, int version) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName) && type.version == version)
                .findFirst();
    }

    /** The newest catalog entry whose payload is this record class. */
    public static EventType of(StoreOpsEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == event.getClass())
                .reduce((older, newer) -> newer.version > older.version ? newer : older)
                .orElseThrow(() -> new IllegalArgumentException("not a catalog event: " + event.getClass()));
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public Class<? extends StoreOpsEvent> payloadType() {
        return payloadType;
    }

    /** The service that emits this type. */
    public Producer producer() {
        return producer;
    }

    public String topic() {
        return producer.topic();
    }

    /** Whether the producer emits this type already ({@link NotYetEmitted} says who will). */
    public boolean emitted() {
        return !payloadType.isAnnotationPresent(NotYetEmitted.class);
    }

    /** Classpath location of the JSON Schema of this type version. */
    public String schemaResource() {
        return "storeops/schemas/" + producer.folder() + "/" + typeName + ".v" + version + ".schema.json";
    }
}
