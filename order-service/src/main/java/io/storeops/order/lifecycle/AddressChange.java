package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A correction of the shipping address: before and after, who and when (the audit trail).
 *
 * @param byStorefront whether the storefront changed it (the buyer or the shop's admin), not StoreOps staff
 */
public record AddressChange(Address from, Address to, String changedBy, Instant changedAt, boolean byStorefront) {

    /** How the change reads on the order's timeline: every part of both addresses (西湖区 → 拱墅区 is a change). */
    public String describe() {
        return oneLine(from) + " → " + oneLine(to);
    }

    /** An address in one line, recipient first, district included. */
    public static String oneLine(Address address) {
        return address == null ? "(none)" : join(Stream.of(address.name(), address.phone(), place(address)));
    }

    /** Where an address is, without whom: street to country, district included. */
    public static String place(Address address) {
        return join(Stream.of(
                address.line1(),
                address.line2(),
                address.district(),
                address.city(),
                address.province(),
                address.postalCode(),
                address.country()));
    }

    private static String join(Stream<String> parts) {
        return String.join(
                ", ", parts.filter(part -> part != null && !part.isBlank()).toList());
    }
}
