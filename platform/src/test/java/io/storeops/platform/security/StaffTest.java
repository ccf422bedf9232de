package io.storeops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.platform.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffTest {

    private final Staff warehouse = Staff.of("wh.zhao", List.of("WAREHOUSE", "NOT_A_ROLE"), List.of("tmall-flagship"));

    @Test
    void unknownRoleNamesInATokenGrantNothing() {
        assertThat(warehouse.roles()).containsExactly(StaffRole.WAREHOUSE);
    }

    @Test
    void rolesAndStoresAreCheckedSeparately() {
        assertThat(warehouse.requireAnyRole(StaffRole.MANAGER, StaffRole.WAREHOUSE))
                .isSameAs(warehouse);
        assertThatThrownBy(() -> warehouse.requireAnyRole(StaffRole.SUPERVISOR))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.slug()).isEqualTo("role-required"));
        assertThatThrownBy(() -> warehouse.requireStore("shopify-us"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.slug()).isEqualTo("store-forbidden"));
        assertThat(warehouse.canSee("tmall-flagship")).isTrue();
        assertThat(warehouse.canSee("shopify-us")).isFalse();
    }
}
