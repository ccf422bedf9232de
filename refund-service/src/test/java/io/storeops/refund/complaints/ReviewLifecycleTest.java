package io.storeops.refund.complaints;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReviewLifecycleTest {

    private static final String HEADER = "from \\ command  CONTACT    REPLY";

    /**
     * Every state against every command: a state name is where it leads, "x" is refused. Low or
     * not, a review may be contacted about and replied to; the reply is written once, and contacts
     * may follow it.
     */
    private static final String RULES = """
            NEW             CONTACTED  REPLIED
            NOTED           CONTACTED  REPLIED
            CONTACTED       CONTACTED  REPLIED
            REPLIED         REPLIED    x
            """;

    private static final LifecycleGrid<ReviewState, ReviewCommand> GRID = new LifecycleGrid<>(
            ReviewState.class,
            ReviewCommand.class,
            HEADER,
            RULES,
            ReviewLifecycle::next,
            ReviewLifecycle::takes,
            "review-state");

    static List<Arguments> everyStateAndCommand() {
        return GRID.everyStateAndCommand();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndCommand")
    void everyStateAndCommandLeadsWhereTheGridSays(ReviewState from, ReviewCommand command, String to) {
        GRID.assertLeadsWhereTheGridSays(from, command, to);
    }

    @Test
    void theGridCoversEveryStateAndCommand() {
        GRID.assertCoversEveryStateAndCommand();
    }
}
