package io.storeops.refund.cases;

/**
 * An entry named a case that exists (the same Idempotency-Key, or the storefront's refund id)
 * but asked for something else: a retry would ask the same, so this is a new request under an old
 * name, refused rather than answered with the old case.
 */
public class EntryReused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    EntryReused(String caseId) {
        super("Case " + caseId + " was opened with other details: a new request needs a new key.");
    }
}
