package io.storeops.contracts;

/**
 * Where an order came from, for promotion analytics: UTM parameters, the pay-per-click keyword,
 * and the page the buyer landed on.
 *
 * @param landingPage the path of the landing page, without its query; null when the storefront does
 *     not say
 */
public record Attribution(String source, String medium, String campaign, String keyword, String landingPage) {

    public static final Attribution NONE = new Attribution(null, null, null, null, null);

    /** An attribution that does not say where the buyer landed. */
    public Attribution(String source, String medium, String campaign, String keyword) {
        this(source, medium, campaign, keyword, null);
    }
}
