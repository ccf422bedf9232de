package io.storeops.platform.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
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

    private static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";
    private static final List<String> IDENTITY_PROVIDER_SETTINGS = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "spring.security.oauth2.resourceserver.jwt.public-key-location");

    @Bean
    SecurityWebFilterChain storeOpsSecurity(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/**")
                        .authenticated()
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers("/actuator/**")
                        .denyAll()
                        .anyExchange()
                        .permitAll())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated())
                                .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
                .oauth2ResourceServer(
                        server -> server.authenticationEntryPoint(ProblemSecurityHandlers.unauthenticated())
                                .accessDeniedHandler(ProblemSecurityHandlers.forbidden())
                                .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())))
                .build();
    }

    /** Standalone and tests: tokens minted by {@link DevTokens} with the installation's generated key. */
    @Bean
    @ConditionalOnProperty("storeops.security.dev-token-secret")
    ReactiveJwtDecoder devTokenDecoder(Environment environment) {
        for (String identityProvider : IDENTITY_PROVIDER_SETTINGS) {
            if (environment.containsProperty(identityProvider)) {
                throw new IllegalStateException(
                        "storeops.security.dev-token-secret and " + identityProvider + " are both set: "
                                + "a service trusts either the company's identity provider (production) or dev tokens (standalone), "
                                + "never both. Remove STOREOPS_SECURITY_DEV_TOKEN_SECRET outside development.");
            }
        }
        byte[] secret =
                Base64.getDecoder().decode(environment.getRequiredProperty("storeops.security.dev-token-secret"));
        List<String> audiences = Binder.get(environment)
                .bind(AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of());
        return devTokenDecoder(secret, audiences);
    }

    /**
     * Validates dev tokens: signature, expiry, issuer and, when audiences are configured (the same
     * {@code spring.security.oauth2.resourceserver.jwt.audiences} Boot applies to an identity
     * provider's tokens), that the token was issued for one of them.
     */
    static ReactiveJwtDecoder devTokenDecoder(byte[] secret, List<String> audiences) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(new DevTokens(secret).key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(DevTokens.ISSUER));
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromClaim() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            var authorities = (roles == null ? List.<String>of() : roles)
                    .stream()
                            .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                            .toList();
            return Mono.just(new JwtAuthenticationToken(
                    jwt, authorities, StaffAccess.fromJwt(jwt).username()));
        };
    }
}
