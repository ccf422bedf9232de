package io.storeops.contracts.events.order;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/** The order waits for a person (BUYER_NOTE, ADDRESS_CHECK, OUT_OF_STOCK, RISK, MANUAL): do not ship it. */
public record OrderHeld(String orderId, String storeId, List<String> reasons, Instant heldAt)
        implements OrderScopedEvent {

    public OrderHeld {
        reasons = Defaults.list(reasons);
    }
}
