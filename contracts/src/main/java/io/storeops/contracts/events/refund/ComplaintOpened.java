package io.storeops.contracts.events.refund;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * Customer service took a buyer's complaint (受理投诉) about an order.
 *
 * @param complaintId the complaint's id at the after-sale desk ({@code cp-...})
 * @param channel     how the buyer complained: PHONE, CHAT (旺旺), EMAIL or MARKETPLACE
 * @param category    what it is about: LOGISTICS, QUALITY, SERVICE or OTHER
 */
public record ComplaintOpened(
        String orderId,
        String storeId,
        String complaintId,
        String channel,
        String category,
        String openedBy,
        Instant openedAt)
        implements OrderScopedEvent {}
