package io.storeops.order.review;

import java.util.List;

/**
 * A store's review rules: when a paid order waits for customer service review (审单) before it
 * may ship. Configured per store as {@code storeops.stores.<store>.review.*}.
 *
 * @param buyerNote             hold orders that carry a buyer note (default yes)
 * @param addressCheck          hold orders whose address looks doubtful (default yes)
 * @param highValueMinor        hold orders whose total reaches this many minor units (default: no limit)
 * @param carriersWithoutPoBox  carriers that cannot deliver to a PO box (default SF, UPS, FEDEX, DHL)
 */
public record ReviewSettings(
        Boolean buyerNote, Boolean addressCheck, Long highValueMinor, List<String> carriersWithoutPoBox) {

    /** The rules of a store that configures none. */
    public static final ReviewSettings DEFAULTS = new ReviewSettings(null, null, null, null);

    public ReviewSettings {
        buyerNote = buyerNote == null || buyerNote;
        addressCheck = addressCheck == null || addressCheck;
        carriersWithoutPoBox =
                carriersWithoutPoBox == null ? List.of("SF", "UPS", "FEDEX", "DHL") : List.copyOf(carriersWithoutPoBox);
    }
}
