package io.storeops.order.lifecycle;

/** What can happen to an order's progress, from a storefront, a member of staff or another service. */
public enum OrderCommand {
    PAY,
    HOLD,
    RELEASE,
    SHIPMENT_READY,
    DISPATCH_PART,
    DISPATCH_ALL,
    DELIVER,
    COMPLETE,
    CANCEL
}
