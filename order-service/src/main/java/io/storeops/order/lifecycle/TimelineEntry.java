package io.storeops.order.lifecycle;

import io.storeops.contracts.Money;
import java.time.Instant;

/**
 * One line of an order's history as staff read it: when, what, who (a member of staff, the buyer,
 * the storefront or the service that reported it) and the particulars in words.
 */
public record TimelineEntry(Instant at, Kind what, String by, String detail) {

    /** Money as a timeline line shows it: currency and decimal amount. */
    public static String money(Money money) {
        return money.currency() + " " + money.toDecimal();
    }

    public enum Kind {
        PLACED,
        DETAILS_UPDATED,
        PAID,
        HELD,
        RELEASED,
        ADDRESS_CHANGED,
        /** Customer service wrote the seller's memo (carrier chosen, the buyer's wishes). */
        SELLER_MEMO,
        /** Customer service changed a line's item or size at the buyer's request. */
        ITEM_CHANGED,
        /** The storefront changed the address after the parcel left: the carrier must redirect it. */
        ADDRESS_CHANGED_AFTER_DISPATCH,
        STOCK_SHORTAGE,
        /** Units of a missing item were reserved after all. */
        STOCK_ALLOCATED,
        BUYER_CONTACTED,
        CANCELLED,
        /** The storefront cancelled an order whose parcel had already left: a refund's business now. */
        CANCELLED_AFTER_DISPATCH,
        SHIPMENT_CREATED,
        DISPATCHED,
        DISPATCHED_AFTER_CANCELLATION,
        DELIVERED,
        SHIPMENT_EXCEPTION,
        SHIPMENT_CANCELLED,
        /** Fulfilment made the replacement an exchange sends: the order's progress stays as it is. */
        REPLACEMENT_CREATED,
        REPLACEMENT_DISPATCHED,
        REPLACEMENT_DELIVERED,
        /** Fulfilment will not send an exchange's replacement. */
        REPLACEMENT_CANCELLED,
        REFUNDED
    }
}
