package io.storeops.order.lifecycle;

/** How far an order has come from payment to the buyer. Refund standing is a separate dimension. */
public enum Progress implements OrderStatus {
    PLACED,
    PAID,
    ON_HOLD,
    READY,
    PARTIALLY_SHIPPED,
    SHIPPED,
    DELIVERED,
    COMPLETED,
    CANCELLED;

    /** Whether nothing has left the warehouse yet, so the order's details may still change. */
    public boolean isBeforeDispatch() {
        return this == PLACED || this == PAID || this == ON_HOLD || this == READY;
    }

    /**
     * Whether some of the order is still in the warehouse: before dispatch, or between the parcels
     * of a split order. The address and the seller's memo may still change for what is left.
     */
    public boolean hasGoodsInWarehouse() {
        return isBeforeDispatch() || this == PARTIALLY_SHIPPED;
    }
}
