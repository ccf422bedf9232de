package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.util.Map;

/** The problem answered when an order's status refuses a command: 409, naming the status. */
public final class OrderProblems {

    /** What a refused command looks like, for the API documentation. */
    public static final String CONFLICT_EXAMPLE = """
            {"type": "urn:storeops:problem:order-state", "title": "Conflict", "status": 409,
             "detail": "The order is SHIPPED; CANCEL is not possible. A dispatched order is not cancelled: open a refund (or return) for it instead.",
             "currentStatus": "SHIPPED", "action": "CANCEL"}
            """;

    private OrderProblems() {}

    public static ProblemException conflict(IllegalOrderTransition refused) {
        return Problems.conflict(
                "order-state",
                refused.getMessage(),
                Map.of("currentStatus", refused.current().name(), "action", refused.action()));
    }
}
