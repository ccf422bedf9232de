package io.storeops.order.address;

import io.storeops.contracts.Address;
import java.util.stream.Stream;

/** Addresses as people read them in one line, e.g. on an order's timeline. */
public final class Addresses {

    private Addresses() {
    }

    /** Every part the address has, recipient first, district included (西湖区 → 拱墅区 is a change). */
    public static String oneLine(Address address) {
        if (address == null) {
            return "(none)";
        }
        return String.join(", ", Stream.of(address.name(), address.phone(), address.line1(), address.line2(), address.district(),
                address.city(), address.province(), address.postalCode(), address.country()).filter(part -> part != null && !part.isBlank()).toList());
    }
}
