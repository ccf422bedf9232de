package io.storeops.console;

import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What cannot be shown says why in the reader's language, with the status the service gave (a
 * missing order is a 404 page, a role that may not is a 403), never a stack trace or a blank 500. A
 * part of a page htmx asked for shows it in the page's alert area instead of in the part. When the
 * services no longer accept the person's token, the session ends and they sign in again.
 */
@ControllerAdvice
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final ProblemExplanations problems;
    private final MessageSource messages;

    PageProblems(ProblemExplanations problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ServiceProblem.class)
    Mono<String> refused(ServiceProblem refused, Model model, Locale locale, ServerWebExchange exchange) {
        if (refused.status() == HttpStatus.UNAUTHORIZED.value()) {
            return signInAgain(exchange);
        }
        return Mono.just(
                page(HttpStatusCode.valueOf(refused.status()), problems.explain(refused, locale), model, exchange));
    }

    /** The identity provider would not renew the person's token (signed out there, or the refresh token expired). */
    @ExceptionHandler(ClientAuthorizationException.class)
    Mono<String> tokenNotRenewed(ClientAuthorizationException refused, ServerWebExchange exchange) {
        return signInAgain(exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    Mono<String> notShown(ResponseStatusException refused, Model model, Locale locale, ServerWebExchange exchange) {
        String key = switch (refused.getStatusCode().value()) {
            case 403 -> "problem.role-required";
            case 404 -> "problem.no-such-page";
            case 503 -> "problem.unavailable";
            default -> "problem.bad-request";
        };
        return Mono.just(page(refused.getStatusCode(), messages.getMessage(key, null, locale), model, exchange));
    }

    @ExceptionHandler(WebClientRequestException.class)
    Mono<String> unreachable(
            WebClientRequestException failure, Model model, Locale locale, ServerWebExchange exchange) {
        return Mono.just(page(
                HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("problem.unavailable", null, locale),
                model,
                exchange));
    }

    @ExceptionHandler(Exception.class)
    Mono<String> unexpected(Exception failure, Model model, Locale locale, ServerWebExchange exchange) {
        log.error(
                "{} {} failed",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                failure);
        return Mono.just(page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.unexpected", null, locale),
                model,
                exchange));
    }

    private static String page(HttpStatusCode status, String explanation, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("explanation", explanation);
        if (ConsoleSecurity.fromHtmx(exchange)) {
            exchange.getResponse().getHeaders().set("HX-Retarget", "#flash");
            exchange.getResponse().getHeaders().set("HX-Reswap", "innerHTML");
            return "problem :: alert";
        }
        return "problem";
    }

    private static Mono<String> signInAgain(ServerWebExchange exchange) {
        String signIn = ConsoleSecurity.SIGN_IN + "?expired";
        return exchange.getSession().flatMap(WebSession::invalidate).then(Mono.fromSupplier(() -> {
            if (ConsoleSecurity.fromHtmx(exchange)) {
                exchange.getResponse().getHeaders().set("HX-Redirect", signIn);
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return "problem :: alert";
            }
            return "redirect:" + signIn;
        }));
    }
}
