package io.storeops.refund.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CaseLifecycleTest {

    private static final String HEADER =
            "from \\ command    APPROVE          REJECT    NEGOTIATE    REVISE     WITHDRAW  BUYER_SHIPPED    RECEIVE    PAID       EXPIRE  CLOSE   SETTLE     REPLACEMENT_SENT  REFUSE_PAYOUT   RETRY_PAYOUT";

    /**
     * Every state against every command, per type: a state name is where it leads, "x" is refused.
     * A refund-only case is paid once approved; the others wait for the buyer's parcel first, and an
     * exchange ends when its replacement leaves the warehouse.
     */
    private static final Map<CaseType, String> RULES =
            Map.of(CaseType.REFUND_ONLY, """
            REQUESTED          REFUNDING        REJECTED  REQUESTED    REQUESTED  CLOSED    x                x          x          x       x       x          x                 x               x
            REJECTED           x                x         NEGOTIATING  x          CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            NEGOTIATING        x                x         NEGOTIATING  REQUESTED  CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            AWAITING_RETURN    x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            REFUNDING          x                x         x            x          x         x                x          COMPLETED  x       x       x          x                 PAYOUT_REFUSED  x
            PAYOUT_REFUSED     x                x         x            x          x         x                x          COMPLETED  x       CLOSED  x          x                 x               REFUNDING
            REPLACING          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            COMPLETED          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            CLOSED             x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            """, CaseType.RETURN_AND_REFUND, """
            REQUESTED          AWAITING_RETURN  REJECTED  REQUESTED    REQUESTED  CLOSED    x                x          x          x       x       x          x                 x               x
            REJECTED           x                x         NEGOTIATING  x          CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            NEGOTIATING        x                x         NEGOTIATING  REQUESTED  CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            AWAITING_RETURN    x                x         x            x          CLOSED    AWAITING_RETURN  REFUNDING  x          CLOSED  CLOSED  REFUNDING  x                 x               x
            REFUNDING          x                x         x            x          x         x                x          COMPLETED  x       x       x          x                 PAYOUT_REFUSED  x
            PAYOUT_REFUSED     x                x         x            x          x         x                x          COMPLETED  x       CLOSED  x          x                 x               REFUNDING
            REPLACING          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            COMPLETED          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            CLOSED             x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            """, CaseType.EXCHANGE, """
            REQUESTED          AWAITING_RETURN  REJECTED  REQUESTED    REQUESTED  CLOSED    x                x          x          x       x       x          x                 x               x
            REJECTED           x                x         NEGOTIATING  x          CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            NEGOTIATING        x                x         NEGOTIATING  REQUESTED  CLOSED    x                x          x          x       CLOSED  x          x                 x               x
            AWAITING_RETURN    x                x         x            x          CLOSED    AWAITING_RETURN  REPLACING  x          CLOSED  CLOSED  REPLACING  x                 x               x
            REFUNDING          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            PAYOUT_REFUSED     x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            REPLACING          x                x         x            x          x         x                x          x          x       CLOSED  x          COMPLETED         x               x
            COMPLETED          x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            CLOSED             x                x         x            x          x         x                x          x          x       x       x          x                 x               x
            """);

    static List<Arguments> everyTypeStateAndCommand() {
        String[] commands = HEADER.trim().split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        RULES.forEach((type, table) -> table.lines()
                .filter(line -> !line.isBlank())
                .forEach(line -> {
                    String[] cells = line.trim().split("\\s+");
                    for (int column = 1; column < cells.length; column++) {
                        cases.add(Arguments.of(
                                type,
                                CaseState.valueOf(cells[0]),
                                CaseCommand.valueOf(commands[column + 2]),
                                cells[column]));
                    }
                }));
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} + {2} -> {3}")
    @MethodSource("everyTypeStateAndCommand")
    void everyStateAndCommandLeadsWhereTheGridSays(CaseType type, CaseState from, CaseCommand command, String to) {
        if (to.equals("x")) {
            assertThatThrownBy(() -> CaseLifecycle.next(type, from, command))
                    .isInstanceOfSatisfying(
                            CaseConflict.class,
                            conflict -> assertThat(conflict.current()).isEqualTo(from));
        } else {
            assertThat(CaseLifecycle.next(type, from, command)).isEqualTo(CaseState.valueOf(to));
        }
    }

    @org.junit.jupiter.api.Test
    void theGridCoversEveryTypeStateAndCommand() {
        assertThat(everyTypeStateAndCommand())
                .hasSize(CaseType.values().length * CaseState.values().length * CaseCommand.values().length);
        assertThat(Arrays.stream(HEADER.trim().split("\\s+")).skip(3))
                .containsExactly(
                        Arrays.stream(CaseCommand.values()).map(Enum::name).toArray(String[]::new));
    }
}
