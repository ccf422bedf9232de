package io.storeops.listing.products.web;

import io.storeops.listing.products.ListingConflict;
import io.storeops.listing.products.NotOnRecord;
import io.storeops.listing.products.OwnWork;
import io.storeops.platform.web.Problems;
import java.util.Map;

/** What the listing flow refuses, as problem responses; anything else passes unchanged. */
public final class ListingProblems {

    private ListingProblems() {}

    public static Throwable problem(Throwable refused) {
        if (refused instanceof ListingConflict conflict) {
            return Problems.conflict(
                    conflict.kind(),
                    conflict.getMessage(),
                    conflict.current() == null
                            ? Map.of()
                            : Map.of("currentStep", conflict.current().name()));
        }
        if (refused instanceof NotOnRecord missing) {
            return Problems.notFound(missing.what(), missing.id());
        }
        if (refused instanceof OwnWork own) {
            return Problems.forbidden("four-eyes", own.getMessage());
        }
        if (refused instanceof IllegalArgumentException invalid) {
            return Problems.invalid(invalid.getMessage());
        }
        return refused;
    }
}
