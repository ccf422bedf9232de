package io.storeops.refund.cases.web;

import io.storeops.platform.web.Problems;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of an entry that opens something (a case, a complaint): the key
 * becomes part of the new id, so a retried entry names the same one and opens it once.
 */
public final class IdempotencyKeys {

    /** What may go into an id that also travels in URLs and headers. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private IdempotencyKeys() {}

    /**
     * The id of what the entry opens: {@code prefix} and the key, or a random id when the entry
     * came without one.
     *
     * @throws io.storeops.platform.web.ProblemException 422 for a key that cannot be part of an id
     */
    public static String idFor(String prefix, String idempotencyKey) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw Problems.invalid("Idempotency-Key must be 8 to 64 letters, digits, '.', '_' or '-'.");
        }
        return prefix + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
    }
}
