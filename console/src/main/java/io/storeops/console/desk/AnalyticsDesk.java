package io.storeops.console.desk;

import java.util.List;
import java.util.Set;

/**
 * The promotion analytics pages (analytics-service, {@code storeops.console.services.analytics}).
 * analytics-service has no desk route of its own, so the menu decides from the roles the order
 * desk already answers for the person (the token's {@code roles} claim): its routes allow
 * {@code PROMOTION}, {@code STORE_MANAGER} and {@code MANAGER} to import, read the figures, the
 * targets and the reports, and {@code MANAGER} alone to set targets. The menu only hides what the
 * service would refuse; analytics-service stays the authority on every call. The pages ask nothing
 * of the service before they are opened, so a down analytics-service touches no other page.
 */
public final class AnalyticsDesk {

    /** The service behind the promotion pages, as the console's configuration names it. */
    public static final String SERVICE = "analytics";

    /** Import pay-per-click reports, read the promotion figures, the targets and the reports. */
    public static final String SEE_PROMOTION = "SEE_PROMOTION";

    /** Set a quarter's sales target. */
    public static final String SET_TARGETS = "SET_TARGETS";

    private static final Set<String> PROMOTION_STAFF = Set.of("PROMOTION", "STORE_MANAGER", "MANAGER");

    private AnalyticsDesk() {}

    /** The analytics actions of a person with {@code roles}. */
    static List<String> actions(List<String> roles) {
        if (roles.contains("MANAGER")) {
            return List.of(SEE_PROMOTION, SET_TARGETS);
        }
        return roles.stream().anyMatch(PROMOTION_STAFF::contains) ? List.of(SEE_PROMOTION) : List.of();
    }

    /** {@code desk} with the analytics actions its roles give. */
    static Desk added(Desk desk) {
        return desk.with(new Desk(null, null, actions(desk.roles()), null));
    }
}
