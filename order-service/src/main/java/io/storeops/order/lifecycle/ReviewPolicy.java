package io.storeops.order.lifecycle;

import java.util.Set;

/**
 * A store's rules for which paid orders wait for a person (审单). The review feature provides
 * them; the lifecycle only asks, so it knows no rule.
 */
public interface ReviewPolicy {

    /** Why a paid order with these facts must wait for review; empty when it may ship right away. */
    Set<HoldReason> holdsFor(StorefrontOrder paid);

    /** What the store's rules doubt about an address (a storefront's new address with doubts goes to review). */
    AddressDoubts addressDoubts(String storeId);
}
