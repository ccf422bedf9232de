package io.storeops.refund.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
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

    static List<Arguments> everyStateAndCommand() {
        String[] commands = HEADER.trim().split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        RULES.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            for (int column = 1; column < cells.length; column++) {
                cases.add(Arguments.of(
                        ComplaintState.valueOf(cells[0]),
                        ComplaintCommand.valueOf(commands[column + 2]),
                        cells[column]));
            }
        });
        return cases;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndCommand")
    void everyStateAndCommandLeadsWhereTheGridSays(ComplaintState from, ComplaintCommand command, String to) {
        if (to.equals("x")) {
            assertThatThrownBy(() -> ComplaintLifecycle.next(from, command))
                    .isInstanceOfSatisfying(StepConflict.class, conflict -> {
                        assertThat(conflict.current()).isEqualTo(from.name());
                        assertThat(conflict.kind()).isEqualTo("complaint-state");
                    });
        } else {
            assertThat(ComplaintLifecycle.next(from, command)).isEqualTo(ComplaintState.valueOf(to));
        }
    }

    @Test
    void theGridCoversEveryStateAndCommand() {
        assertThat(everyStateAndCommand()).hasSize(ComplaintState.values().length * ComplaintCommand.values().length);
        assertThat(RULES.lines().map(line -> line.trim().split("\\s+")[0]))
                .containsExactly(
                        Arrays.stream(ComplaintState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Arrays.stream(HEADER.trim().split("\\s+")).skip(3))
                .containsExactly(
                        Arrays.stream(ComplaintCommand.values()).map(Enum::name).toArray(String[]::new));
    }
}
