package io.storeops.console;

import io.storeops.console.services.AccessTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The access token of whoever is signed in, from their server-side session: a dev identity's
 * token, or the token the identity provider issued at sign-in (refreshed when it expires).
 */
@Component
class SignedInTokens implements AccessTokens {

    private final ReactiveOAuth2AuthorizedClientManager providerTokens;

    SignedInTokens(
            ObjectProvider<ReactiveClientRegistrationRepository> providers,
            ObjectProvider<ReactiveOAuth2AuthorizedClientService> authorizedClients) {
        ReactiveClientRegistrationRepository registrations = providers.getIfAvailable();
        ReactiveOAuth2AuthorizedClientService clients = authorizedClients.getIfAvailable();
        if (registrations == null || clients == null) {
            this.providerTokens = null;
        } else {
            AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
                    new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, clients);
            manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                    .authorizationCode()
                    .refreshToken()
                    .build());
            this.providerTokens = manager;
        }
    }

    @Override
    public Mono<String> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .flatMap(this::tokenOf)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("nobody is signed in")));
    }

    private Mono<String> tokenOf(Authentication signedIn) {
        if (signedIn.getPrincipal() instanceof StaffSession staff) {
            return Mono.just(staff.token());
        }
        if (signedIn instanceof OAuth2AuthenticationToken provider && providerTokens != null) {
            return providerTokens
                    .authorize(OAuth2AuthorizeRequest.withClientRegistrationId(
                                    provider.getAuthorizedClientRegistrationId())
                            .principal(signedIn)
                            .build())
                    .map(client -> client.getAccessToken().getTokenValue());
        }
        return Mono.empty();
    }
}
