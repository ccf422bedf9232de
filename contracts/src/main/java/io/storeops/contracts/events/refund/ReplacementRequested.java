package io.storeops.contracts.events.refund;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * An exchange's return came back (or the supervisor settled it without waiting): fulfilment sends
 * the buyer the same units again, without payment, reserving stock as for any parcel. Once per
 * case.
 *
 * @param refundId the exchange's after-sale case
 * @param lines    the units to send, per SKU (by title for a line without one)
 */
public record ReplacementRequested(
        String orderId, String storeId, String refundId, List<ItemQuantity> lines, Instant requestedAt)
        implements OrderScopedEvent {

    public ReplacementRequested {
        lines = Defaults.list(lines);
    }
}
