package io.storeops.refund.cases;

import java.util.Arrays;
import java.util.List;

/**
 * The steps staff take on a case, as the desk's routes name them ({@code /api/refunds/{id}/<step>}):
 * customer service's and the supervisor's. Which of them a person is offered follows from the
 * case's state (its lifecycle), their part (deciding or handling) and four-eyes, so that a screen
 * shows exactly what the routes accept.
 */
public enum CaseStep {
    APPROVAL("approval", CaseCommand.APPROVE, true),
    REJECTION("rejection", CaseCommand.REJECT, true),
    CLOSURE("closure", CaseCommand.CLOSE, true),
    SETTLEMENT("settlement", CaseCommand.SETTLE, true),
    PAYOUT_RETRY("payout-retry", CaseCommand.RETRY_PAYOUT, true),
    CONTACTS("contacts", CaseCommand.NEGOTIATE, false),
    REVISION("revision", CaseCommand.REVISE, false),
    WITHDRAWAL("withdrawal", CaseCommand.WITHDRAW, false),
    RETURN_PARCEL("return-parcel", CaseCommand.BUYER_SHIPPED, false),
    PAYMENT("payment", CaseCommand.PAID, false);

    private final String path;
    private final CaseCommand command;
    private final boolean decision;

    CaseStep(String path, CaseCommand command, boolean decision) {
        this.path = path;
        this.command = command;
        this.decision = decision;
    }

    /** The step's name in its route. */
    public String path() {
        return path;
    }

    /** Whether the step is a supervisor's decision (the others are customer service's). */
    public boolean isDecision() {
        return decision;
    }

    /**
     * Who is looking at a case: whether they decide, whether they work cases with the buyer, their
     * name (for four-eyes), and whether the store pays through a gateway (then nobody confirms a
     * payment by hand).
     */
    public record Viewer(boolean decides, boolean handles, String username, boolean gatewayPays) {}

    /** The steps {@code refund} takes now that {@code viewer}'s part allows, in this order. */
    public static List<CaseStep> offered(RefundCase refund, Viewer viewer) {
        return Arrays.stream(values())
                .filter(step -> step.isDecision() ? viewer.decides() : viewer.handles())
                // where a gateway pays, a payment by hand would pay twice: unless the gateway refused it
                .filter(step -> step != PAYMENT || !viewer.gatewayPays() || refund.state() == CaseState.PAYOUT_REFUSED)
                .filter(step -> CaseLifecycle.takes(refund.type(), refund.state(), step.command))
                // what the storefront paid already is recorded by approving it, or talked over: nothing else
                .filter(step ->
                        !refund.logged(AfterSale.PAID_BEYOND_WHAT_WAS_LEFT) || step == APPROVAL || step == CONTACTS)
                .toList();
    }

    /** Of the steps offered, the decisions four-eyes keeps from {@code viewer}: they worked on the case. */
    public static List<CaseStep> heldBack(RefundCase refund, Viewer viewer) {
        if (viewer.username() == null || !refund.workedOnBy(viewer.username())) {
            return List.of();
        }
        return offered(refund, viewer).stream().filter(CaseStep::isDecision).toList();
    }
}
