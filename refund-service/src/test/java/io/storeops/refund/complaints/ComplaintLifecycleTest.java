package io.storeops.refund.complaints;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintLifecycleTest {

    private static final String HEADER = "from \\ command  CONTACT      RESOLVE   WITHDRAW";

    /**
     * Every state against every command: a state name is where it leads, "x" is refused. Talking
     * to the buyer puts a complaint in progress; once resolved or withdrawn it takes nothing more.
     */
    private static final String RULES = """
            OPEN            IN_PROGRESS  RESOLVED  WITHDRAWN
            IN_PROGRESS     IN_PROGRESS  RESOLVED  WITHDRAWN
            RESOLVED        x            x         x
            WITHDRAWN       x            x         x
            """;

    private static final LifecycleGrid<ComplaintState, ComplaintCommand> GRID = new LifecycleGrid<>(
            ComplaintState.class,
            ComplaintCommand.class,
            HEADER,
            RULES,
            ComplaintLifecycle::next,
            ComplaintLifecycle::takes,
            "complaint-state");

    static List<Arguments> everyStateAndCommand() {
        return GRID.everyStateAndCommand();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndCommand")
    void everyStateAndCommandLeadsWhereTheGridSays(ComplaintState from, ComplaintCommand command, String to) {
        GRID.assertLeadsWhereTheGridSays(from, command, to);
    }

    @Test
    void theGridCoversEveryStateAndCommand() {
        GRID.assertCoversEveryStateAndCommand();
    }
}
