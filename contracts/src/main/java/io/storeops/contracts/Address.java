package io.storeops.contracts;

/** A postal address as the buyer gave it (or as customer service corrected it). */
public record Address(
        String name,
        String phone,
        String country,
        String province,
        String city,
        String district,
        String line1,
        String line2,
        String postalCode) {}
