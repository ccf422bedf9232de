package io.storeops.contracts.events.order;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.Defaults;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;
import java.util.List;

/** A storefront order exists (not yet paid). */
public record OrderPlaced(
        String orderId,
        String storeId,
        String channel,
        String externalOrderId,
        List<OrderLine> lines,
        Money total,
        Attribution attribution,
        Instant placedAt)
        implements OrderScopedEvent {

    public OrderPlaced {
        lines = Defaults.list(lines);
        attribution = attribution == null ? Attribution.NONE : attribution;
    }
}
