package io.storeops.order.address;

import io.storeops.contracts.Address;
import java.time.Instant;

/**
 * A correction of the shipping address: before and after, who and when (the audit trail).
 *
 * @param byStorefront whether the storefront changed it (the buyer or the shop's admin), not StoreOps staff
 */
public record AddressChange(Address from, Address to, String changedBy, Instant changedAt, boolean byStorefront) {
}
