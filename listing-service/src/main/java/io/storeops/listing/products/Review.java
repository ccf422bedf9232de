package io.storeops.listing.products;

import java.time.Instant;

/** A reviewer's verdict on an image or a detail page version, with what they said. */
public record Review(Verdict verdict, String comment, String by, Instant at) {}
