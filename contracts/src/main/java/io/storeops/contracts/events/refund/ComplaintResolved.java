package io.storeops.contracts.events.refund;

import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/**
 * A complaint ended: resolved with an outcome, or withdrawn by the buyer.
 *
 * @param outcome      APOLOGY, COMPENSATION, REFUND_CASE, NO_ACTION, or WITHDRAWN
 * @param refundCaseId the refund case the complaint led to, for REFUND_CASE; absent otherwise
 */
public record ComplaintResolved(
        String orderId,
        String storeId,
        String complaintId,
        String category,
        String outcome,
        String refundCaseId,
        String resolvedBy,
        Instant resolvedAt)
        implements OrderScopedEvent {}
