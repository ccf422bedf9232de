package io.storeops.contracts.events.fulfillment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.storeops.contracts.Defaults;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * Fulfilment created a shipment for a paid order: one, or two when the store ships what is in stock
 * and sends what is short in a second parcel; or the replacement of an exchange, sent without
 * payment.
 *
 * @param replacementFor the after-sale case whose replacement this parcel carries; absent for the
 *     order's own parcels, whose units are the ones the order was paid for
 */
public record ShipmentCreated(
        String orderId,
        String storeId,
        String shipmentId,
        List<ItemQuantity> lines,
        Instant createdAt,
        String replacementFor)
        implements OrderScopedEvent {

    public ShipmentCreated {
        lines = Defaults.list(lines);
    }

    /** One of the order's own parcels. */
    public ShipmentCreated(
            String orderId, String storeId, String shipmentId, List<ItemQuantity> lines, Instant createdAt) {
        this(orderId, storeId, shipmentId, lines, createdAt, null);
    }

    /** Whether the parcel carries an exchange's replacement rather than what the order was paid for. */
    @JsonIgnore
    public boolean isReplacement() {
        return replacementFor != null;
    }
}
