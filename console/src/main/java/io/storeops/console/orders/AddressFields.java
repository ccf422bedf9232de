package io.storeops.console.orders;

import io.storeops.console.orders.OrderDeskModel.Address;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The address form's fields, and which field each kind of doubt is about, so that a doubt shows
 * next to what must change. Templates reach it as {@code @addressFields}.
 */
@Component("addressFields")
public class AddressFields {

    private static final Map<String, String> FIELD_OF_DOUBT = Map.of(
            "NAME_MISSING", "name",
            "PHONE_MISSING", "phone",
            "POSTCODE_IMPLAUSIBLE", "postalCode",
            "STREET_TOO_SHORT", "line1",
            "PO_BOX_NOT_SERVED", "line1",
            "NO_ADDRESS", "line1");

    /** The first of {@code doubtKinds} about {@code field}, or null. */
    public String doubtOf(String field, List<String> doubtKinds) {
        return doubtKinds.stream()
                .filter(kind -> field.equals(FIELD_OF_DOUBT.get(kind)))
                .findFirst()
                .orElse(null);
    }

    public String value(Address address, String field) {
        return switch (field) {
            case "name" -> address.name();
            case "phone" -> address.phone();
            case "country" -> address.country();
            case "province" -> address.province();
            case "city" -> address.city();
            case "district" -> address.district();
            case "line1" -> address.line1();
            case "line2" -> address.line2();
            case "postalCode" -> address.postalCode();
            default -> throw new IllegalArgumentException("no address field " + field);
        };
    }
}
