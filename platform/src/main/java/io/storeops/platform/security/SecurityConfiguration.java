package io.storeops.platform.security;

import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Staff APIs under {@code /api/} are an OAuth2 resource server; webhooks authenticate by signature
 * (checked in the handler); health, metrics and API docs are open; nothing keeps a session.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain storeOpsSecurity(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())))
                .build();
    }

    /** Standalone and tests: tokens minted by {@link DevTokens} with the installation's generated key. */
    @Bean
    @ConditionalOnProperty("storeops.security.dev-token-secret")
    ReactiveJwtDecoder devTokenDecoder(org.springframework.core.env.Environment environment) {
        byte[] secret = Base64.getDecoder().decode(environment.getRequiredProperty("storeops.security.dev-token-secret"));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(new DevTokens(secret).key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(DevTokens.ISSUER));
        return decoder;
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromClaim() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            var authorities = (roles == null ? List.<String>of() : roles).stream()
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, StaffAccess.fromJwt(jwt).username()));
        };
    }
}
