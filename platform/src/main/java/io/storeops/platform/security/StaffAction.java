package io.storeops.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Something staff do, and the roles that may do it. A service lists its actions in one enum: its
 * routes check them, and its desk route tells a caller which of them they have, so that a
 * console's menus and buttons follow the same rules as the APIs.
 */
public interface StaffAction {

    /** The roles that may. */
    List<StaffRole> allowedRoles();

    /** Whether {@code staff} holds a role that may. */
    default boolean allows(Staff staff) {
        return allowedRoles().stream().anyMatch(staff.roles()::contains);
    }

    /** The actions of {@code actions} that any of the {@code held} roles may take, in declaration order. */
    static <A extends Enum<A> & StaffAction> List<A> allowedFor(Class<A> actions, Collection<StaffRole> held) {
        return Arrays.stream(actions.getEnumConstants())
                .filter(action -> action.allowedRoles().stream().anyMatch(held::contains))
                .toList();
    }
}
