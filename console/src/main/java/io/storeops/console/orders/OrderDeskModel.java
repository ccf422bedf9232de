package io.storeops.console.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The order desk as order-service's API answers it, in the parts the console's pages show. A
 * tolerant reader: fields the pages do not use are ignored, so the service may add to its answers
 * without breaking the console.
 */
public final class OrderDeskModel {

    private OrderDeskModel() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(long amountMinor, String currency) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(
            String name,
            String phone,
            String country,
            String province,
            String city,
            String district,
            String line1,
            String line2,
            String postalCode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddressDoubt(String kind, String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, String title, int quantity, Money unitPrice) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Buyer(String name, String email, String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NoteAttribute(String name, String value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shipment(
            String shipmentId,
            List<ParcelLine> lines,
            String carrier,
            String trackingNumber,
            Instant dispatchedAt,
            Instant deliveredAt,
            CarrierException exception,
            String cancelReason,
            Instant cancelledAt,
            String replacementFor) {}

    /** Units of a SKU in a parcel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ParcelLine(String sku, int quantity) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CarrierException(String kind, String detail, Instant reportedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SellerMemo(String carrier, String note, String writtenBy, Instant writtenAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Release(String releasedBy, String comment, Instant releasedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddressChange(Address from, Address to, String changedBy, Instant changedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockOut(Instant openSince, List<Shortage> shortages, List<Contact> contacts) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shortage(String sku, int missingQuantity, Instant detectedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String channel, String outcome, String note, String by, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(Instant at, String what, String by, String detail) {}

    /**
     * An after-sale case opened on the order and where it stands, as the refund desk's events told
     * order-service ({@code REQUESTED}, {@code APPROVED}, {@code REJECTED}, {@code CLOSED}, {@code COMPLETED}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AfterSaleCase(String refundId, String type, String state, Money amount, Instant at) {}

    /** One order as its detail page shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderDetail(
            String orderId,
            String storeId,
            String channel,
            String externalOrderId,
            String progress,
            String status,
            List<Line> lines,
            Money shippingFee,
            Money discount,
            Money tax,
            Money total,
            Money refunded,
            List<AfterSaleCase> afterSaleCases,
            Instant placedAt,
            Instant paidAt,
            Address shippingAddress,
            List<AddressDoubt> addressDoubts,
            Buyer buyer,
            String buyerNote,
            List<NoteAttribute> noteAttributes,
            String requestedCarrier,
            SellerMemo sellerMemo,
            List<Shipment> parcels,
            Cancellation cancellation,
            List<String> holds,
            Release release,
            List<AddressChange> addressChanges,
            StockOut stockOut,
            List<TimelineEntry> timeline) {

        private static final Set<String> BEFORE_DISPATCH = Set.of("PLACED", "PAID", "ON_HOLD", "READY");

        public OrderDetail {
            afterSaleCases = afterSaleCases == null ? List.of() : afterSaleCases;
        }

        /** Which buttons a page offers (the service decides; a race ends in its 409, explained). */
        public boolean isHeld() {
            return "ON_HOLD".equals(progress);
        }

        public boolean mayBeHeld() {
            return "PAID".equals(progress) || "READY".equals(progress);
        }

        public boolean isBeforeDispatch() {
            return BEFORE_DISPATCH.contains(progress);
        }

        /** The parcels of what was bought: not the replacements exchanges sent. */
        public List<Shipment> ownParcels() {
            return parcels == null
                    ? List.of()
                    : parcels.stream()
                            .filter(parcel -> parcel.replacementFor() == null)
                            .toList();
        }
    }

    /** An order in the review queue. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HeldOrder(
            String orderId,
            String externalOrderId,
            List<String> holds,
            Instant paidAt,
            Money total,
            String buyer,
            String buyerNote,
            String requestedCarrier,
            Address shippingAddress) {}

    /** An order whose buyer must be told about missing stock. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockOutNotice(
            String orderId,
            String externalOrderId,
            String status,
            Instant paidAt,
            String buyer,
            Address shippingAddress,
            List<Line> lines,
            StockOut stockOut) {}

    /** One search result. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderSummary(
            String orderId,
            String externalOrderId,
            String status,
            Instant placedAt,
            Instant paidAt,
            Money total,
            Money refunded,
            String buyer,
            String recipient,
            String address,
            List<String> itemTitles,
            List<String> holds,
            String buyerNote,
            String carrier,
            String trackingNumber,
            boolean stockOutOpen) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderPage(List<OrderSummary> orders, String nextCursor) {}

    /** A page of a queue and where the next one starts (null on the last page). */
    public record QueuePage<T>(List<T> entries, String nextCursor) {

        public QueuePage {
            entries = entries == null ? List.of() : entries;
        }
    }
}
