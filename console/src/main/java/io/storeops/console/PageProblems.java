package io.storeops.console;

import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A page that cannot be shown says why in the reader's language, with the status the service gave
 * (a missing order is a 404 page, a role that may not is a 403), never a stack trace or a blank 500.
 */
@ControllerAdvice
class PageProblems {

    private final ProblemExplanations problems;
    private final MessageSource messages;

    PageProblems(ProblemExplanations problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem refused, Model model, Locale locale, ServerWebExchange exchange) {
        return page(HttpStatusCode.valueOf(refused.status()), problems.explain(refused, locale), model, exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String notAllowed(ResponseStatusException refused, Model model, Locale locale, ServerWebExchange exchange) {
        String key = refused.getStatusCode().value() == 403 ? "problem.role-required" : "problem.not-found";
        return page(refused.getStatusCode(), messages.getMessage(key, null, locale), model, exchange);
    }

    @ExceptionHandler(WebClientRequestException.class)
    String unreachable(WebClientRequestException failure, Model model, Locale locale, ServerWebExchange exchange) {
        return page(
                HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("problem.unavailable", null, locale),
                model,
                exchange);
    }

    private static String page(HttpStatusCode status, String explanation, Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(status);
        model.addAttribute("explanation", explanation);
        return "problem";
    }
}
