package io.storeops.listing.products;

import java.time.Instant;

/** A member of staff read version {@code cardVersion} of the selling points, in the role they hold, at {@code at}. */
public record Acknowledgement(String username, String role, int cardVersion, Instant at) {}
