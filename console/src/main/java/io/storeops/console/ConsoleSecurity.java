package io.storeops.console;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Every page but the sign-in needs a signed-in person; forms carry a CSRF token; the content
 * security policy allows only the console's own scripts, styles and forms; signing out ends the
 * session (and forgets the tokens it held). With an identity provider configured
 * ({@code spring.security.oauth2.client.*}), people sign in there with OpenID Connect, and signing
 * out ends their session at the provider too. Requests htmx sends from a page are answered so that
 * htmx can act on them: go to the sign-in page when the session ended, reload a page whose form
 * token went stale.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SIGN_IN = "/sign-in";
    static final String SIGNED_OUT = SIGN_IN + "?signedOut";
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
            ObjectProvider<ReactiveClientRegistrationRepository> identityProviders,
            ObjectProvider<ReactiveOAuth2AuthorizedClientService> providerTokens) {
        ReactiveClientRegistrationRepository providers = identityProviders.getIfAvailable();
        if (providers != null) {
            http.oauth2Login(login ->
                    login.securityContextRepository(sessions).authenticationSuccessHandler(newSessionThenHome()));
        }
        ServerAccessDeniedHandler refused =
                reloadForHtmx(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN));
        return http.securityContextRepository(sessions)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                SIGN_IN, "/console.css", "/webjars/**", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .exceptionHandling(failures ->
                        failures.authenticationEntryPoint(signInFirst()).accessDeniedHandler(refused))
                .csrf(csrf -> csrf.accessDeniedHandler(refused))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(),
                                forgetProviderTokens(providerTokens.getIfAvailable()),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(signedOut(providers)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    static boolean fromHtmx(ServerWebExchange exchange) {
        return exchange.getRequest().getHeaders().getFirst("HX-Request") != null;
    }

    /** A page goes to the sign-in; a part of a page asks htmx to take the whole window there. */
    private static ServerAuthenticationEntryPoint signInFirst() {
        RedirectServerAuthenticationEntryPoint redirect = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
        return (exchange, notSignedIn) -> {
            if (!fromHtmx(exchange)) {
                return redirect.commence(exchange, notSignedIn);
            }
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            exchange.getResponse().getHeaders().set("HX-Redirect", SIGN_IN);
            return Mono.empty();
        };
    }

    /** A stale form token (a page left open across sign-outs): htmx reloads the page, which brings a fresh one. */
    private static ServerAccessDeniedHandler reloadForHtmx(ServerAccessDeniedHandler otherwise) {
        return (exchange, denied) -> {
            if (!fromHtmx(exchange)) {
                return otherwise.handle(exchange, denied);
            }
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            exchange.getResponse().getHeaders().set("HX-Refresh", "true");
            return Mono.empty();
        };
    }

    /** A new session id once signed in at the provider, so that an id known before sign-in is worth nothing. */
    private static ServerAuthenticationSuccessHandler newSessionThenHome() {
        RedirectServerAuthenticationSuccessHandler home = new RedirectServerAuthenticationSuccessHandler("/");
        return (WebFilterExchange exchange, Authentication signedIn) -> exchange.getExchange()
                .getSession()
                .flatMap(WebSession::changeSessionId)
                .then(home.onAuthenticationSuccess(exchange, signedIn));
    }

    private static ServerLogoutHandler forgetProviderTokens(ReactiveOAuth2AuthorizedClientService tokens) {
        return (exchange, signedIn) -> tokens != null && signedIn instanceof OAuth2AuthenticationToken provider
                ? tokens.removeAuthorizedClient(provider.getAuthorizedClientRegistrationId(), provider.getName())
                : Mono.empty();
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
