package io.storeops.console.listing;

import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * listing-service's refusals in the reader's language: its own problem types ({@code listing-step}
 * with the step the product is in, {@code four-eyes} on one's own work, {@code image-refused} with
 * why, {@code sku-taken}…) from {@code listingProblem.*}, the problems every service shares (a
 * store not one's own, a role that may not) as the console explains them everywhere.
 */
@Component
class ListingProblems {

    private final ProblemExplanations problems;
    private final MessageSource messages;

    ListingProblems(ProblemExplanations problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    String explain(ServiceProblem problem, Locale locale) {
        String key = "listingProblem." + problem.type();
        if (problem.properties().get("reason") != null) {
            String because =
                    messages.getMessage(key + "." + problem.properties().get("reason"), null, null, locale);
            if (because != null) {
                return because;
            }
        }
        String step = text(problem.properties().get("currentStep"));
        String known = messages.getMessage(
                key,
                new Object[] {problem.detail(), messages.getMessage("listingStep." + step, null, step, locale)},
                null,
                locale);
        return known != null ? known : problems.explain(problem, locale);
    }

    /**
     * A refusal of what a part of a page sent, shown in that part ({@code problem}) with the
     * service's status. A token the service no longer accepts is not shown there: the page's error
     * handling signs the person in again.
     */
    Mono<Void> showInPlace(ServiceProblem refused, Model model, Locale locale, ServerWebExchange exchange) {
        if (refused.status() == HttpStatus.UNAUTHORIZED.value()) {
            return Mono.error(refused);
        }
        model.addAttribute("problem", explain(refused, locale));
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(refused.status()));
        return Mono.empty();
    }

    /** A form the console could not read (an amount that is not one), refused before anything is sent. */
    void showInPlace(FormUnreadable unreadable, Model model, Locale locale, ServerWebExchange exchange) {
        model.addAttribute("problem", messages.getMessage(unreadable.key(), unreadable.args(), locale));
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
