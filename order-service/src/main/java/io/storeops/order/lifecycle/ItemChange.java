package io.storeops.order.lifecycle;

import io.storeops.contracts.Money;
import java.time.Instant;

/**
 * A line's item or size changed by customer service at the buyer's request (修改商品及尺码): from
 * one SKU to another of the same product, with the unit prices before and after and what the
 * change costs the buyer over the line (negative: owed back to them).
 */
public record ItemChange(
        int lineIndex,
        String fromSku,
        String toSku,
        String toTitle,
        int quantity,
        Money unitPriceBefore,
        Money unitPriceAfter,
        Money priceDifference,
        String changedBy,
        Instant changedAt) {}
