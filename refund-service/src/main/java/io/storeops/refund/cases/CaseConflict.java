package io.storeops.refund.cases;

/** A command the case's state does not allow, or a rule it breaks (answered with 409). */
public class CaseConflict extends RuntimeException {

    private final CaseState current;

    public CaseConflict(CaseState current, String message) {
        super(message);
        this.current = current;
    }

    public CaseState current() {
        return current;
    }
}
