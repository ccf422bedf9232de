package io.storeops.refund.partner.web;

/**
 * A storefront or gateway did not do what it was asked (pay, post a reply), and said so, or could
 * not be reached. The caller tries again later with the same key when it may help; {@link
 * #permanent()} says it cannot without a person changing something first (a refused amount, a
 * missing order, a wrong token, a reply the storefront will not take): then a person decides.
 */
public class PartnerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    PartnerFailure(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** The partner refused: asking again the same way will not do it. */
    public static PartnerFailure refused(String message) {
        return new PartnerFailure(message, true);
    }

    /** The partner was busy or failed: asking again with the same key may do it. */
    public static PartnerFailure unavailable(String message) {
        return new PartnerFailure(message, false);
    }

    public boolean permanent() {
        return permanent;
    }
}
