package io.storeops.refund.cases;

/** A person tried to decide a case they opened or negotiated (answered with 403). */
public class FourEyesViolation extends RuntimeException {

    public FourEyesViolation(String caseId, String username) {
        super(username + " opened or negotiated case " + caseId + ": another supervisor decides it (four eyes).");
    }
}
