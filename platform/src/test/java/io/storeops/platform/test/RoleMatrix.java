package io.storeops.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.platform.security.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * A service's security matrix: each of its staff routes against every role. The services' matrix
 * tests share these so that every one of them judges an answer the same way.
 */
public final class RoleMatrix {

    private RoleMatrix() {}

    /** A staff route of a matrix: its name and the roles it admits. */
    public interface Route {

        String name();

        Set<StaffRole> roles();
    }

    /** A desk route's answer ({@code route}, e.g. /api/order-desk) for the person with {@code bearer}. */
    public static JsonNode desk(WebTestClient http, String route, String bearer) {
        return TestHttp.read(http, route, bearer);
    }

    /**
     * A desk route's answer for a person in {@code role} offers exactly the actions whose route (by
     * name, in {@code routeOfAction}) admits that role, and names the role.
     */
    public static void assertDeskOffersWhatTheRoutesAdmit(
            JsonNode desk, StaffRole role, Map<String, String> routeOfAction, List<? extends Route> routes) {
        Set<String> admitted = routeOfAction.entrySet().stream()
                .filter(action -> routes.stream()
                        .anyMatch(route -> route.name().equals(action.getValue())
                                && route.roles().contains(role)))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(desk.get("actions").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(admitted);
        assertThat(desk.get("roles").valueStream().map(JsonNode::asString)).containsExactly(role.name());
    }

    /** Every (route, role) pair, as a parameterised test's arguments. */
    public static List<Arguments> everyRoleFor(List<?> routes) {
        List<Arguments> cases = new ArrayList<>();
        for (Object route : routes) {
            for (StaffRole role : StaffRole.values()) {
                cases.add(Arguments.of(route, role));
            }
        }
        return cases;
    }

    /** The route's roles get through (2xx); every other role is refused with 403, never a 404 or a 500. */
    public static void assertOnlyAdmitted(Set<StaffRole> admitted, StaffRole role, int status) {
        if (admitted.contains(role)) {
            assertThat(status).as("admitted").isBetween(200, 299);
        } else {
            assertThat(status).as("refused").isEqualTo(403);
        }
    }
}
