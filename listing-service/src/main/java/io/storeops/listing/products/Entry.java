package io.storeops.listing.products;

import java.time.Instant;

/** A line of the product's timeline: when, what, who, and the detail. */
public record Entry(Instant at, String what, String by, String detail) {}
