package io.storeops.refund.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A desk state machine written down as a grid, so that a test reads it at a glance and walks every
 * cell: the header names the commands after "from \ command", each row a state and, per command,
 * the state it leads to or "x" where it is refused with a {@link StepConflict} (and where the
 * lifecycle says it does not take the command, which is how a view offers its steps).
 *
 * @param <S> the states
 * @param <C> the commands
 */
final class LifecycleGrid<S extends Enum<S>, C extends Enum<C>> {

    private static final String REFUSED = "x";

    /** The header's first words, "from \ command", before the commands. */
    private static final int HEADER_LABEL_WORDS = 3;

    private final Class<S> states;
    private final Class<C> commands;
    private final String header;
    private final String rules;
    private final BiFunction<S, C, S> next;
    private final BiPredicate<S, C> takes;
    private final String conflictKind;

    /**
     * @param next the state machine under test
     * @param takes whether it takes a command in a state, which must agree with {@code next}
     * @param conflictKind the kind of {@link StepConflict} a refused cell throws
     */
    LifecycleGrid(
            Class<S> states,
            Class<C> commands,
            String header,
            String rules,
            BiFunction<S, C, S> next,
            BiPredicate<S, C> takes,
            String conflictKind) {
        this.states = states;
        this.commands = commands;
        this.header = header;
        this.rules = rules;
        this.next = next;
        this.takes = takes;
        this.conflictKind = conflictKind;
    }

    /** Every cell, as a state, a command and where the grid says it leads. */
    List<Arguments> everyStateAndCommand() {
        List<String> named = headerCommands();
        List<Arguments> cells = new ArrayList<>();
        rows().forEach(row -> {
            for (int column = 1; column < row.length; column++) {
                cells.add(Arguments.of(
                        Enum.valueOf(states, row[0]), Enum.valueOf(commands, named.get(column - 1)), row[column]));
            }
        });
        return cells;
    }

    /** That the state machine takes {@code from} where the grid's cell {@code to} says. */
    void assertLeadsWhereTheGridSays(S from, C command, String to) {
        assertThat(takes.test(from, command))
                .as("whether %s takes %s", from, command)
                .isEqualTo(!to.equals(REFUSED));
        if (to.equals(REFUSED)) {
            assertThatThrownBy(() -> next.apply(from, command)).isInstanceOfSatisfying(StepConflict.class, conflict -> {
                assertThat(conflict.current()).isEqualTo(from.name());
                assertThat(conflict.kind()).isEqualTo(conflictKind);
            });
        } else {
            assertThat(next.apply(from, command)).isEqualTo(Enum.valueOf(states, to));
        }
    }

    /** That no state or command is left out of the grid, and each stands in the order it is declared. */
    void assertCoversEveryStateAndCommand() {
        assertThat(everyStateAndCommand())
                .hasSize(states.getEnumConstants().length * commands.getEnumConstants().length);
        assertThat(rows().map(row -> row[0])).containsExactly(names(states));
        assertThat(headerCommands()).containsExactly(names(commands));
    }

    private Stream<String[]> rows() {
        return rules.lines()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split("\\s+"));
    }

    private List<String> headerCommands() {
        return Arrays.stream(header.trim().split("\\s+"))
                .skip(HEADER_LABEL_WORDS)
                .toList();
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
