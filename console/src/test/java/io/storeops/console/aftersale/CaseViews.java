package io.storeops.console.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.console.ServiceStubs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A case, complaint or review as refund-service answers it to one person: the fixtures carry no
 * steps ({@code "steps": [], "heldBack": []} on a case, {@code "steps": []} on a complaint or a
 * review), and each test says which steps the service offers whom.
 */
final class CaseViews {

    private static final String NONE = "\"steps\": [], \"heldBack\": []";
    private static final String NO_STEPS = "\"steps\": []";

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

    /** The complaint or review {@code json} (or the fixture of that name) offering {@code steps}. */
    static String recordOffering(String json, String... steps) {
        String view = json.startsWith("{") ? json : ServiceStubs.read(json);
        assertThat(view).as("a view without steps").contains(NO_STEPS);
        return view.replace(NO_STEPS, "\"steps\": " + list(List.of(steps)));
    }

    private static String list(List<String> names) {
        return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
