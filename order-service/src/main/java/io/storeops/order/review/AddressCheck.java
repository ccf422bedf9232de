package io.storeops.order.review;

import io.storeops.contracts.Address;
import io.storeops.order.lifecycle.AddressDoubt;
import io.storeops.order.lifecycle.AddressDoubt.Kind;
import io.storeops.order.lifecycle.AddressDoubts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What is doubtful about a shipping address, in words customer service can act on: used to hold
 * orders for review, and to refuse a correction that would not fix them.
 */
public final class AddressCheck implements AddressDoubts {

    private static final Map<String, Pattern> POSTCODES = Map.of(
            "CN", Pattern.compile("^\\d{6}$"),
            "US", Pattern.compile("^\\d{5}(-\\d{4})?$"),
            "GB", Pattern.compile("^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$"),
            "JP", Pattern.compile("^\\d{3}-?\\d{4}$"),
            "DE", Pattern.compile("^\\d{5}$"));
    private static final Pattern ANY_POSTCODE = Pattern.compile("^[A-Z0-9][A-Z0-9 -]{1,9}$");
    private static final Pattern PO_BOX =
            Pattern.compile("(?i)\\bP\\.?\\s*O\\.?\\s*BOX\\b|\\bPOST\\s+OFFICE\\s+BOX\\b|邮政信箱");
    private static final int SHORTEST_STREET = 5;

    private final List<String> carriersWithoutPoBox;

    public AddressCheck(List<String> carriersWithoutPoBox) {
        this.carriersWithoutPoBox = List.copyOf(carriersWithoutPoBox);
    }

    /**
     * Refuses an address that is still doubtful for {@code carrier}.
     *
     * @throws AddressRejected listing the doubts
     */
    public void requireDeliverable(Address address, String carrier) {
        List<AddressDoubt> doubts = about(address, carrier);
        if (!doubts.isEmpty()) {
            throw new AddressRejected(doubts);
        }
    }

    /** The doubts about {@code address} for {@code carrier}; empty when it looks deliverable. */
    @Override
    public List<AddressDoubt> about(Address address, String carrier) {
        if (address == null) {
            return List.of(new AddressDoubt(Kind.NO_ADDRESS, "there is no shipping address"));
        }
        List<AddressDoubt> doubts = new ArrayList<>();
        if (blank(address.name())) {
            doubts.add(new AddressDoubt(Kind.NAME_MISSING, "the recipient's name is missing"));
        }
        if (blank(address.phone())) {
            doubts.add(new AddressDoubt(Kind.PHONE_MISSING, "the phone number is missing"));
        }
        if (!plausiblePostcode(address.country(), address.postalCode())) {
            doubts.add(new AddressDoubt(
                    Kind.POSTCODE_IMPLAUSIBLE,
                    "the postcode is missing or not one of "
                            + (blank(address.country()) ? "any country" : address.country())));
        }
        String street = (address.line1() == null ? "" : address.line1()) + " "
                + (address.line2() == null ? "" : address.line2());
        if (street.replaceAll("\\s", "").length() < SHORTEST_STREET) {
            doubts.add(new AddressDoubt(Kind.STREET_TOO_SHORT, "the street address is too short"));
        }
        if (PO_BOX.matcher(street).find()
                && carrier != null
                && carriersWithoutPoBox.stream().anyMatch(carrier::equalsIgnoreCase)) {
            doubts.add(new AddressDoubt(Kind.PO_BOX_NOT_SERVED, carrier + " cannot deliver to a PO box"));
        }
        return doubts;
    }

    private static boolean plausiblePostcode(String country, String postcode) {
        if (blank(postcode)) {
            return false;
        }
        String normalised = postcode.trim().toUpperCase(Locale.ROOT);
        Pattern format = blank(country)
                ? ANY_POSTCODE
                : POSTCODES.getOrDefault(country.trim().toUpperCase(Locale.ROOT), ANY_POSTCODE);
        return format.matcher(normalised).matches();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
