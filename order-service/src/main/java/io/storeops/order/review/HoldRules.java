package io.storeops.order.review;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import io.storeops.platform.stores.StoreProperties;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A store's review rules (审单): which paid orders customer service must look at before they ship.
 * Plain rules over the order's facts; the store's settings say which apply.
 */
public final class HoldRules {

    private static final Map<String, Pattern> POSTCODES = Map.of(
            "CN", Pattern.compile("^\\d{6}$"),
            "US", Pattern.compile("^\\d{5}(-\\d{4})?$"),
            "GB", Pattern.compile("^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$"),
            "JP", Pattern.compile("^\\d{3}-?\\d{4}$"),
            "DE", Pattern.compile("^\\d{5}$"));
    private static final Pattern ANY_POSTCODE = Pattern.compile("^[A-Z0-9][A-Z0-9 -]{1,9}$");
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\bP\\.?\\s*O\\.?\\s*BOX\\b|\\bPOST\\s+OFFICE\\s+BOX\\b|邮政信箱");
    private static final int SHORTEST_STREET = 5;

    private final StoreProperties.Review settings;

    public HoldRules(StoreProperties.Review settings) {
        this.settings = settings;
    }

    /** The reasons to hold a paid order with these facts; empty when it may ship right away. */
    public Set<HoldReason> reasonsFor(String buyerNote, Address address, String requestedCarrier, Money total) {
        Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
        if (settings.buyerNote() && buyerNote != null && !buyerNote.isBlank()) {
            reasons.add(HoldReason.BUYER_NOTE);
        }
        if (settings.addressCheck() && isDoubtful(address, requestedCarrier)) {
            reasons.add(HoldReason.ADDRESS_CHECK);
        }
        if (settings.highValueMinor() != null && total.amountMinor() >= settings.highValueMinor()) {
            reasons.add(HoldReason.HIGH_VALUE);
        }
        return reasons;
    }

    private boolean isDoubtful(Address address, String requestedCarrier) {
        if (address == null) {
            return true;
        }
        String street = join(address.line1(), address.line2());
        return blank(address.phone())
                || !plausiblePostcode(address.country(), address.postalCode())
                || street.replaceAll("\\s", "").length() < SHORTEST_STREET
                || (PO_BOX.matcher(street).find() && carrierCannotServePoBoxes(requestedCarrier));
    }

    private boolean carrierCannotServePoBoxes(String carrier) {
        return carrier != null && settings.carriersWithoutPoBox().stream().anyMatch(carrier::equalsIgnoreCase);
    }

    private static boolean plausiblePostcode(String country, String postcode) {
        if (blank(postcode)) {
            return false;
        }
        String normalised = postcode.trim().toUpperCase(Locale.ROOT);
        Pattern format = country == null ? ANY_POSTCODE : POSTCODES.getOrDefault(country.trim().toUpperCase(Locale.ROOT), ANY_POSTCODE);
        return format.matcher(normalised).matches();
    }

    private static String join(String first, String second) {
        return (first == null ? "" : first) + " " + (second == null ? "" : second);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
