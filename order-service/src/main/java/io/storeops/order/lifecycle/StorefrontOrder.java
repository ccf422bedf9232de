package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import java.time.Instant;
import java.util.List;

/**
 * What a storefront says about an order, already validated and converted to StoreOps terms by
 * intake: exact money in the store's currency, at least one line.
 *
 * @param discount  what discounts took off the lines (already deducted from {@code total})
 * @param tax       the tax in {@code total} (included in the prices or added to them)
 * @param placedAt  when the buyer ordered (when the storefront does not say: when StoreOps heard of it)
 * @param paidAt    when the buyer paid, or null while the order only exists
 * @param updatedAt when the storefront last changed the order, as it says (null when it does not),
 *                  which orders its messages about one order
 */
public record StorefrontOrder(
        String storeId,
        String channel,
        String externalOrderId,
        List<OrderLine> lines,
        Money shippingFee,
        Money discount,
        Money tax,
        Money total,
        List<String> discountCodes,
        Instant placedAt,
        Instant paidAt,
        Address shippingAddress,
        Buyer buyer,
        String buyerNote,
        List<NoteAttribute> noteAttributes,
        String requestedCarrier,
        Attribution attribution,
        Instant updatedAt,
        InvoiceRequest invoice) {

    public StorefrontOrder {
        lines = List.copyOf(lines);
        discountCodes = discountCodes == null ? List.of() : List.copyOf(discountCodes);
        noteAttributes = noteAttributes == null ? List.of() : List.copyOf(noteAttributes);
        discount = discount == null ? Money.zero(total.currency()) : discount;
        tax = tax == null ? Money.zero(total.currency()) : tax;
        attribution = attribution == null ? Attribution.NONE : attribution;
    }

    /** Orders are keyed by store and storefront order number, so every delivery about one order finds it. */
    public String orderId() {
        return Order.idFor(storeId, externalOrderId);
    }

    /** Whether {@code other} tells the same facts, whenever each was told (a storefront resending what it sent). */
    boolean saysTheSameAs(StorefrontOrder other) {
        return equals(other.with(placedAt, other.shippingAddress, updatedAt));
    }

    /** These facts with the storefront's newer address, told at {@code newerAt}. */
    StorefrontOrder movedTo(Address address, Instant newerAt) {
        return with(placedAt, address, newerAt);
    }

    /** These facts, placed at {@code first} (when the storefront first told of the order). */
    StorefrontOrder placedFirstAt(Instant first) {
        return with(first, shippingAddress, updatedAt);
    }

    private StorefrontOrder with(Instant placed, Address address, Instant updated) {
        return new StorefrontOrder(
                storeId,
                channel,
                externalOrderId,
                lines,
                shippingFee,
                discount,
                tax,
                total,
                discountCodes,
                placed,
                paidAt,
                address,
                buyer,
                buyerNote,
                noteAttributes,
                requestedCarrier,
                attribution,
                updated,
                invoice);
    }
}
