package io.storeops.platform.partner;

import java.time.Duration;
import java.util.Optional;

/**
 * A storefront or gateway did not do what it was asked (pay, post a reply, list a product), and
 * said so, or could not be reached. The caller tries again later with the same key when it may
 * help; {@link #permanent()} says it cannot without a person changing something first (a refused
 * amount, a missing order, a wrong token, a page the storefront will not take): then a person
 * decides. A partner that says how long to wait (HTTP {@code Retry-After}, Shopify's throttle
 * status) is not asked again sooner ({@link #retryAfter()}).
 */
public class PartnerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final Duration retryAfter;

    PartnerFailure(String message, boolean permanent, Duration retryAfter) {
        super(message);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    /** The partner refused: asking again the same way will not do it. */
    public static PartnerFailure refused(String message) {
        return new PartnerFailure(message, true, null);
    }

    /** The partner was busy or failed: asking again with the same key may do it. */
    public static PartnerFailure unavailable(String message) {
        return new PartnerFailure(message, false, null);
    }

    /**
     * The partner was busy and said to ask again no sooner than {@code retryAfter} from now (none:
     * as {@link #unavailable(String)}).
     */
    public static PartnerFailure unavailable(String message, Optional<Duration> retryAfter) {
        return new PartnerFailure(
                message, false, retryAfter.filter(wait -> !wait.isNegative()).orElse(null));
    }

    public boolean permanent() {
        return permanent;
    }

    /** How long the partner asked to be left alone, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
