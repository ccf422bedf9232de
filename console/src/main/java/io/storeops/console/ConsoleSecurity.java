package io.storeops.console;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;

/**
 * Every page but the sign-in needs a signed-in person; forms carry a CSRF token; the content
 * security policy allows only the console's own scripts, styles and forms; signing out ends the
 * session. With an identity provider configured ({@code spring.security.oauth2.client.*}), people
 * sign in there with OpenID Connect, and signing out ends their session at the provider too.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SIGN_IN = "/sign-in";
    private static final String SIGNED_OUT = SIGN_IN + "?signedOut";
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    ServerSecurityContextRepository sessions() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    SecurityWebFilterChain console(
            ServerHttpSecurity http,
            ServerSecurityContextRepository sessions,
            ObjectProvider<ReactiveClientRegistrationRepository> identityProviders) {
        ReactiveClientRegistrationRepository providers = identityProviders.getIfAvailable();
        if (providers != null) {
            http.oauth2Login(login -> login.securityContextRepository(sessions));
        }
        return http.securityContextRepository(sessions)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(SIGN_IN, "/console.css", "/webjars/**", "/actuator/health/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .exceptionHandling(failures ->
                        failures.authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN)))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut(providers)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    private static ServerLogoutSuccessHandler signedOut(ReactiveClientRegistrationRepository providers) {
        if (providers != null) {
            OidcClientInitiatedServerLogoutSuccessHandler atTheProvider =
                    new OidcClientInitiatedServerLogoutSuccessHandler(providers);
            atTheProvider.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT);
            atTheProvider.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
            return atTheProvider;
        }
        RedirectServerLogoutSuccessHandler local = new RedirectServerLogoutSuccessHandler();
        local.setLogoutSuccessUrl(URI.create(SIGNED_OUT));
        return local;
    }
}
