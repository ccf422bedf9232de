package io.storeops.contracts;

/**
 * An event about one product in the listing flow: keyed by the product id, so all of one
 * product's events stay in one partition, in order.
 */
public interface ProductScopedEvent extends StoreOpsEvent {

    String productId();

    @Override
    default String subject() {
        return productId();
    }
}
