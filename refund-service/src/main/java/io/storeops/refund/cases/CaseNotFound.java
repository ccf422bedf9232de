package io.storeops.refund.cases;

/** No case with that id on the order (answered with 404). */
public class CaseNotFound extends RuntimeException {

    public CaseNotFound(String orderId, String caseId) {
        super("Order " + orderId + " has no case " + caseId + ".");
    }
}
