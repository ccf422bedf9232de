package io.storeops.platform.security;

import io.storeops.platform.web.Problems;
import java.util.List;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** The one way controllers learn who is calling and check their role. */
public final class StaffAccess {

    private StaffAccess() {}

    public static Mono<Staff> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> fromJwt(((JwtAuthenticationToken) authentication).getToken()))
                .switchIfEmpty(Mono.error(
                        () -> Problems.unauthorized("authentication-required", "A bearer token is required.")));
    }

    /** The caller, refused with 403 unless they hold one of the roles. */
    public static Mono<Staff> require(StaffRole... allowed) {
        return current().map(staff -> staff.requireAnyRole(allowed));
    }

    /** The caller, refused with 403 unless they hold one of the roles that may take the action. */
    public static Mono<Staff> require(StaffAction action) {
        return require(action.allowedRoles().toArray(StaffRole[]::new));
    }

    static Staff fromJwt(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<String> stores = jwt.getClaimAsStringList("stores");
        String username = jwt.getClaimAsString("preferred_username");
        return Staff.of(
                username == null ? jwt.getSubject() : username,
                roles == null ? List.of() : roles,
                stores == null ? List.of() : stores);
    }
}
