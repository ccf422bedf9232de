package io.storeops.refund.storefront.web;

import io.storeops.refund.cases.CaseType;
import io.storeops.refund.cases.web.LineEntry;
import java.util.List;

/**
 * The native storefront's refund webhook bodies ({@code refund.requested}, {@code refund.withdrawn},
 * {@code refund.return-shipped}).
 */
final class NativeRefundPayloads {

    private NativeRefundPayloads() {}

    /**
     * The buyer asked on the storefront.
     *
     * @param refundId the storefront's refund id, unique in the store
     * @param orderId  the storefront's order number, as in {@code order.paid}
     * @param lines    by the order's line index (from 0, as {@code order.paid} listed them)
     */
    record Requested(
            String refundId,
            String orderId,
            CaseType type,
            String reason,
            Boolean goodsReceived,
            List<LineEntry> lines,
            Long shippingMinor,
            List<String> evidence) {}

    /** The buyer withdrew the request on the storefront. */
    record Withdrawn(String refundId, String orderId) {}

    /** The buyer sent the approved return back, with the carrier's tracking number. */
    record ReturnShipped(String refundId, String orderId, String trackingNumber) {}
}
