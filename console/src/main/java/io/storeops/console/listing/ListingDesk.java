package io.storeops.console.listing;

import io.storeops.console.desk.Desk;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the listing pages offer a person (listing-service, {@code storeops.console.services.listing}).
 * listing-service has no desk route: the menu and the forms the product's {@code steps} do not cover
 * (uploads, remarks on images, the readers list, a retry of a failed publication, selecting a
 * product) follow the roles the order desk answers for the person, as listing-service's routes
 * allow them. They only hide what the service would refuse; the service stays the authority on
 * every call, and the steps a product offers come from its own answer. Templates reach it as
 * {@code @listingDesk}.
 */
@Component("listingDesk")
public class ListingDesk {

    /** The service behind the listing pages, as the console's configuration names it. */
    static final String SERVICE = "listing";

    /** What listing-service lets each role do, as its routes allow it. */
    enum Action {
        /** See products, their selling points, images and pages; say one has read the selling points. */
        SEE(
                "MANAGER",
                "STORE_MANAGER",
                "SUPERVISOR",
                "CS_PRESALE",
                "CS_AFTERSALE",
                "PROMOTION",
                "ORDER_CLERK",
                "WAREHOUSE",
                "DESIGNER"),
        /** Select and position a product. */
        SELECT("SUPERVISOR", "STORE_MANAGER"),
        /** Upload the shoot's originals. */
        SHOOT("STORE_MANAGER", "DESIGNER"),
        /** Upload retouched versions. */
        RETOUCH("DESIGNER"),
        /** Remark on an image. */
        DISCUSS_IMAGES("SUPERVISOR", "STORE_MANAGER", "DESIGNER"),
        /** Retry a failed publication. */
        PUBLISH("SUPERVISOR", "STORE_MANAGER"),
        /** See who has not read the selling points yet. */
        FOLLOW_UP("MANAGER", "SUPERVISOR", "STORE_MANAGER");

        private final Set<String> roles;

        Action(String... roles) {
            this.roles = Set.of(roles);
        }

        boolean allows(List<String> held) {
            return held.stream().anyMatch(roles::contains);
        }
    }

    /** Whether the person with {@code desk} may take listing action {@code action} (an {@link Action}'s name). */
    public boolean may(Desk desk, String action) {
        return desk != null && Action.valueOf(action).allows(desk.roles());
    }

    /** Whether the person works with listings at all: the menu entry and the selling points beside an order. */
    public boolean sees(Desk desk) {
        return may(desk, Action.SEE.name());
    }

    /** Pages of an action the person's roles do not allow are not shown (the service would refuse them too). */
    static void require(Desk desk, Action action) {
        if (!action.allows(desk.roles())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
