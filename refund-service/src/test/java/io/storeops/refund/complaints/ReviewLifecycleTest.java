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

    static List<Arguments> everyStateAndCommand() {
        String[] commands = HEADER.trim().split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        RULES.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            for (int column = 1; column < cells.length; column++) {
                cases.add(Arguments.of(
                        ReviewState.valueOf(cells[0]), ReviewCommand.valueOf(commands[column + 2]), cells[column]));
            }
        });
        return cases;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndCommand")
    void everyStateAndCommandLeadsWhereTheGridSays(ReviewState from, ReviewCommand command, String to) {
        if (to.equals("x")) {
            assertThatThrownBy(() -> ReviewLifecycle.next(from, command))
                    .isInstanceOfSatisfying(StepConflict.class, conflict -> {
                        assertThat(conflict.current()).isEqualTo(from.name());
                        assertThat(conflict.kind()).isEqualTo("review-state");
                    });
        } else {
            assertThat(ReviewLifecycle.next(from, command)).isEqualTo(ReviewState.valueOf(to));
        }
    }

    @Test
    void theGridCoversEveryStateAndCommand() {
        assertThat(everyStateAndCommand()).hasSize(ReviewState.values().length * ReviewCommand.values().length);
        assertThat(RULES.lines().map(line -> line.trim().split("\\s+")[0]))
                .containsExactly(
                        Arrays.stream(ReviewState.values()).map(Enum::name).toArray(String[]::new));
        assertThat(Arrays.stream(HEADER.trim().split("\\s+")).skip(3))
                .containsExactly(
                        Arrays.stream(ReviewCommand.values()).map(Enum::name).toArray(String[]::new));
    }
}
