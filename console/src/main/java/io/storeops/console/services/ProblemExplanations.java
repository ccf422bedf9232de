package io.storeops.console.services;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A service's refusal in the reader's language: from the problem's type and properties (which
 * action, in which status, which doubts), never by translating the service's English detail. A
 * problem type the console does not know yet still shows the service's detail.
 */
@Component
public class ProblemExplanations {

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
        String known = messages.getMessage("problem." + problem.type(), new Object[] {problem.detail()}, null, locale);
        return known != null ? known : messages.getMessage("problem.unknown", new Object[] {problem.detail()}, locale);
    }

    /** The kinds of doubt a refused address still has (the page names each in the reader's language). */
    public List<String> doubtKinds(ServiceProblem problem) {
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
