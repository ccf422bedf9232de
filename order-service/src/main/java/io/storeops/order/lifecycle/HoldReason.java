package io.storeops.order.lifecycle;

import java.util.List;

/** Why an order waits for a person before it may ship. */
public enum HoldReason {
    /** The buyer wrote something: a carrier wish, a delivery time, a gift message. */
    BUYER_NOTE,
    /** The address looks doubtful: no phone, a missing or malformed postcode, too short, a PO box the carrier cannot serve. */
    ADDRESS_CHECK,
    /** The order is worth more than the store's review threshold. */
    HIGH_VALUE,
    /** Fulfilment could not reserve stock (later release). */
    OUT_OF_STOCK,
    /** Fraud screening (later release). */
    RISK,
    /** A member of staff held it. */
    MANUAL;

    /** The reasons' names, as events carry them. */
    public static List<String> names(List<HoldReason> reasons) {
        return reasons.stream().map(Enum::name).toList();
    }
}
