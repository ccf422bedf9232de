package io.storeops.refund.complaints.web;

import io.storeops.platform.web.Problems;
import io.storeops.refund.complaints.NotOnRecord;
import io.storeops.refund.complaints.StepConflict;
import java.util.Map;

/** What the complaints and reviews desk refuses, as problem responses; anything else passes unchanged. */
public final class DeskProblems {

    private DeskProblems() {}

    public static Throwable problem(Throwable refused) {
        if (refused instanceof StepConflict conflict) {
            return Problems.conflict(
                    conflict.kind(),
                    conflict.getMessage(),
                    conflict.current() == null ? Map.of() : Map.of("currentState", conflict.current()));
        }
        if (refused instanceof NotOnRecord missing) {
            return Problems.notFound(missing.what(), missing.id());
        }
        if (refused instanceof IllegalArgumentException invalid) {
            return Problems.invalid(invalid.getMessage());
        }
        return refused;
    }
}
