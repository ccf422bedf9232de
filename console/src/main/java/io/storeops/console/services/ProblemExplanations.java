package io.storeops.console.services;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service's refusal in the reader's language: from the problem's type and properties (which
 * action, in which status, which doubts), never by translating the service's English detail. A
 * problem type the console does not know yet still shows the service's detail.
 */
@Component
public class ProblemExplanations {

    /**
     * Where the labels of a problem's {@code currentStatus} (a case's, complaint's or review's
     * {@code currentState}) are, by problem type (an order's by default).
     */
    private static final Map<String, String> STATUS_LABELS = Map.of(
            "shipment-state", "shipmentStatus.",
            "batch-state", "batchStatus.",
            "case-state", "caseState.",
            "complaint-state", "complaintState.",
            "review-state", "reviewState.");

    private final MessageSource messages;

    ProblemExplanations(MessageSource messages) {
        this.messages = messages;
    }

    public String explain(ServiceProblem problem, Locale locale) {
        if (problem.type().equals("order-state")) {
            String action = text(problem.properties().get("action"));
            String status = text(problem.properties().get("currentStatus"));
            String advice = messages.getMessage("problem.order-state.advice." + action, null, "", locale);
            return messages.getMessage(
                            "problem.order-state",
                            new Object[] {
                                label("actionName." + action, action, locale),
                                label("status." + status, status, locale),
                                advice
                            },
                            locale)
                    .trim();
        }
        if (problem.type().equals("tracking-number")) {
            String said = messages.getMessage(
                    "problem.tracking-number." + text(problem.properties().get("reason")),
                    new Object[] {
                        text(problem.properties().get("carrier")),
                        text(problem.properties().get("trackingNumber"))
                    },
                    null,
                    locale);
            if (said != null) {
                return said;
            }
        }
        // an order's, a shipment's or a batch's status; an after-sale case's, complaint's or review's state
        String status = text(problem.properties()
                .getOrDefault("currentStatus", problem.properties().get("currentState")));
        String statusLabels = STATUS_LABELS.getOrDefault(problem.type(), "status.");
        String known = messages.getMessage(
                "problem." + problem.type(),
                new Object[] {problem.detail(), label(statusLabels + status, status, locale)},
                null,
                locale);
        return known != null ? known : messages.getMessage("problem.unknown", new Object[] {problem.detail()}, locale);
    }

    /**
     * A refusal of what a part of a page sent, shown in that part: the explanation as
     * {@code problem}, the address's doubts as {@code doubtKinds}, and the service's status on the answer.
     * A token the service no longer accepts is not shown there: the page's error handling signs the person in again.
     */
    public Mono<Void> showInPlace(ServiceProblem refused, Model model, Locale locale, ServerWebExchange exchange) {
        if (refused.status() == HttpStatus.UNAUTHORIZED.value()) {
            return Mono.error(refused); // not a refusal of what was sent: the person signs in again
        }
        model.addAttribute("problem", explain(refused, locale));
        List<String> doubtKinds = doubtKinds(refused);
        if (!doubtKinds.isEmpty()) {
            model.addAttribute("doubtKinds", doubtKinds);
        }
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(refused.status()));
        return Mono.empty();
    }

    /** The kinds of doubt a refused address still has (the page names each in the reader's language). */
    List<String> doubtKinds(ServiceProblem problem) {
        return problem.properties().get("doubtKinds") instanceof List<?> kinds
                ? kinds.stream().map(String::valueOf).toList()
                : List.of();
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
