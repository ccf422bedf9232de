package io.storeops.contracts;

/** A business event of the catalog. Its subject is the Kafka record key. */
public interface StoreOpsEvent {

    String storeId();

    /** The aggregate the event is about: the order id for every order-scoped event. */
    String subject();
}
