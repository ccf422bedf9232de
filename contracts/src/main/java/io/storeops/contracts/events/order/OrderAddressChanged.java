package io.storeops.contracts.events.order;

import io.storeops.contracts.Address;
import io.storeops.contracts.OrderScopedEvent;
import java.time.Instant;

/** Customer service corrected the shipping address before dispatch. */
public record OrderAddressChanged(String orderId, String storeId, Address address, String changedBy, Instant changedAt)
        implements OrderScopedEvent {}
