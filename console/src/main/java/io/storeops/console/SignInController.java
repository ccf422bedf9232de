package io.storeops.console;

import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sign-in page: the company's identity provider (OpenID Connect) in production; in the
 * standalone, a person of the demo department to choose (their role and stores come with them).
 */
@Controller
class SignInController {

    private final ConsoleProperties console;
    private final ServerSecurityContextRepository sessions;
    private final List<IdentityProvider> providers;

    SignInController(
            ConsoleProperties console,
            ServerSecurityContextRepository sessions,
            ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        this.console = console;
        this.sessions = sessions;
        this.providers = registrations.getIfAvailable() instanceof Iterable<?> configured
                ? StreamSupport.stream(configured.spliterator(), false)
                        .map(ClientRegistration.class::cast)
                        .map(registration ->
                                new IdentityProvider(registration.getRegistrationId(), registration.getClientName()))
                        .toList()
                : List.of();
    }

    /** An identity provider people may sign in with (OpenID Connect), as the sign-in page offers it. */
    record IdentityProvider(String registrationId, String name) {}

    /** What the sign-in form posts: the chosen person. */
    record SignIn(String username) {}

    @GetMapping(ConsoleSecurity.SIGN_IN)
    String page(Model model) {
        return signInPage(model);
    }

    @PostMapping(ConsoleSecurity.SIGN_IN)
    Mono<String> signIn(@ModelAttribute SignIn request, ServerWebExchange exchange, Model model) {
        return console.devIdentities().stream()
                .filter(identity -> identity.username().equals(request.username()))
                .findFirst()
                .map(identity -> {
                    StaffSession staff =
                            new StaffSession(identity.username(), identity.role(), identity.stores(), identity.token());
                    UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                            staff, null, List.of(new SimpleGrantedAuthority("ROLE_" + identity.role())));
                    return exchange.getSession()
                            .flatMap(session -> session.changeSessionId()) // a new id once signed in (fixation)
                            .then(sessions.save(exchange, new SecurityContextImpl(signedIn)))
                            .thenReturn("redirect:/");
                })
                .orElseGet(() -> {
                    model.addAttribute("unknown", true);
                    return Mono.just(signInPage(model));
                });
    }

    /** The ways to sign in: the identity providers, and the dev identities where there are any. */
    private String signInPage(Model model) {
        model.addAttribute("identities", console.devIdentities());
        model.addAttribute("providers", providers);
        return "sign-in";
    }
}
