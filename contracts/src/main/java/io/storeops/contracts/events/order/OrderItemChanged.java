package io.storeops.contracts.events.order;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Customer service changed a line's item or size at the buyer's request (修改商品及尺码), before
 * dispatch: {@code quantity} units of {@code fromSku} become {@code toSku} (another SKU of the same
 * product). {@code priceDifference} is what the change costs the buyer over the whole line —
 * positive, the buyer owes it; negative, the refund desk owes it back; zero, nothing to settle.
 */
public record OrderItemChanged(
        String orderId,
        String storeId,
        int lineIndex,
        String fromSku,
        String toSku,
        String toTitle,
        int quantity,
        Money priceDifference,
        String changedBy,
        Instant changedAt)
        implements OrderScopedEvent {}
