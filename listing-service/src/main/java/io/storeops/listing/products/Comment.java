package io.storeops.listing.products;

import java.time.Instant;

/** A remark on an image, outside a verdict: "crop tighter", "the lid is scratched". */
public record Comment(String text, String by, Instant at) {}
