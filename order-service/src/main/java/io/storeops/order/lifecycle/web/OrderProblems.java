package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.util.Map;

/** The problem answered when an order's status refuses a command: 409, naming the status. */
public final class OrderProblems {

    private OrderProblems() {
    }

    public static ProblemException conflict(IllegalOrderTransition refused) {
        return Problems.conflict("order-state", refused.getMessage(),
                Map.of("currentStatus", refused.current().name(), "action", refused.action()));
    }
}
