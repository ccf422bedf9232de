package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import java.util.List;

/**
 * What is doubtful about an address for a carrier, in words customer service can act on; empty
 * when it looks deliverable. The store's review rules provide it; a storefront's new address with
 * doubts sends a paid order to review.
 */
@FunctionalInterface
public interface AddressDoubts {

    List<AddressDoubt> about(Address address, String carrier);
}
