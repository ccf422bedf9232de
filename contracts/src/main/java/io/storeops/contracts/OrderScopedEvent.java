package io.storeops.contracts;

/** An event about one order: keyed by the order id, so all of one order's events stay in order. */
public interface OrderScopedEvent extends StoreOpsEvent {

    String orderId();

    @Override
    default String subject() {
        return orderId();
    }
}
