package io.storeops.order.review;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.order.lifecycle.HoldReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * A store's review rules (审单): which paid orders customer service must look at before they ship.
 * Plain rules over the order's facts; the store's settings say which apply.
 */
public final class HoldRules {

    private final ReviewSettings settings;
    private final AddressCheck addressCheck;

    public HoldRules(ReviewSettings settings) {
        this.settings = settings;
        this.addressCheck = new AddressCheck(settings.carriersWithoutPoBox());
    }

    /** The reasons to hold a paid order with these facts; empty when it may ship right away. */
    public Set<HoldReason> reasonsFor(String buyerNote, Address address, String requestedCarrier, Money total) {
        Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
        if (settings.buyerNote() && buyerNote != null && !buyerNote.isBlank()) {
            reasons.add(HoldReason.BUYER_NOTE);
        }
        if (settings.addressCheck()
                && !addressCheck.about(address, requestedCarrier).isEmpty()) {
            reasons.add(HoldReason.ADDRESS_CHECK);
        }
        if (settings.highValueMinor() != null && total.amountMinor() >= settings.highValueMinor()) {
            reasons.add(HoldReason.HIGH_VALUE);
        }
        return reasons;
    }

    public AddressCheck addressCheck() {
        return addressCheck;
    }
}
