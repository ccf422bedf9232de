package io.storeops.console.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.console.ServiceStubs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A case as refund-service answers it to one person: the fixtures carry no steps
 * ({@code "steps": [], "heldBack": []}), and each test says which steps the service offers whom.
 */
final class CaseViews {

    private static final String NONE = "\"steps\": [], \"heldBack\": []";

    private CaseViews() {}

    /** {@code json} (or the fixture of that name) offering {@code steps}, none held back. */
    static String offering(String json, String... steps) {
        return offering(json, List.of(steps), List.of());
    }

    /** {@code json} (or the fixture of that name) offering {@code steps}, of which four-eyes holds back {@code heldBack}. */
    static String offering(String json, List<String> steps, List<String> heldBack) {
        String view = json.startsWith("{") ? json : ServiceStubs.read(json);
        assertThat(view).as("a case view without steps").contains(NONE);
        return view.replace(NONE, "\"steps\": " + list(steps) + ", \"heldBack\": " + list(heldBack));
    }

    private static String list(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
