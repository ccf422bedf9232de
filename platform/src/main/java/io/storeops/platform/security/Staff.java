package io.storeops.platform.security;

import io.storeops.platform.web.Problems;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The member of staff behind a request, from the token alone: who acts, in which roles, for which
 * stores. Who approved, dispatched or changed a thing is always {@link #username()}, never a
 * request field.
 */
public record Staff(String username, Set<StaffRole> roles, Set<String> stores) {

    public Staff {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        stores = Set.copyOf(stores);
    }

    public static Staff of(String username, Collection<String> roleNames, Collection<String> stores) {
        Set<StaffRole> roles = roleNames.stream()
                .filter(name -> Arrays.stream(StaffRole.values())
                        .anyMatch(role -> role.name().equals(name)))
                .map(StaffRole::valueOf)
                .collect(Collectors.toSet());
        return new Staff(username, roles, Set.copyOf(stores));
    }

    /** Refuses with 403 unless the caller holds one of the roles. */
    public Staff requireAnyRole(StaffRole... allowed) {
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw Problems.forbidden("role-required", "This needs one of the roles " + List.of(allowed) + ".");
        }
        return this;
    }

    /** Refuses with 403 when the caller asks about a store outside their token. */
    public Staff requireStore(String storeId) {
        if (!stores.contains(storeId)) {
            throw Problems.forbidden("store-forbidden", "Your token does not cover store '" + storeId + "'.");
        }
        return this;
    }

    /**
     * Whether an object of {@code storeId} may be shown. Callers answer 404, not 403, for objects of
     * other stores, so no object is reachable (or even confirmed to exist) by id alone.
     */
    public boolean canSee(String storeId) {
        return stores.contains(storeId);
    }
}
