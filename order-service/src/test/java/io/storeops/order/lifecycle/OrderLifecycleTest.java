package io.storeops.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderLifecycleTest {

    /**
     * Every progress against every command: a progress name moves there, "=" stays (already
     * reflected: repeated, late or out of order), "x" is refused. A dispatch is a warehouse fact,
     * so it moves even a held order (a hold that reached the warehouse too late); a held order part
     * of which left stays in review for the rest.
     */
    private static final String RULES = """
            from \\ command    PAY   HOLD     RELEASE  SHIPMENT_READY  DISPATCH_PART      DISPATCH_ALL  DELIVER    COMPLETE   CANCEL
            PLACED             PAID  x        x        x               x                  x             x          x          CANCELLED
            PAID               =     ON_HOLD  =        READY           PARTIALLY_SHIPPED  SHIPPED       x          x          CANCELLED
            ON_HOLD            =     =        PAID     =               =                  SHIPPED       x          x          CANCELLED
            READY              =     ON_HOLD  =        =               PARTIALLY_SHIPPED  SHIPPED       x          x          CANCELLED
            PARTIALLY_SHIPPED  =     x        =        =               =                  SHIPPED       =          x          x
            SHIPPED            =     x        =        =               =                  =             DELIVERED  x          x
            DELIVERED          =     x        =        =               =                  =             =          COMPLETED  x
            COMPLETED          =     x        =        =               =                  =             =          =          x
            CANCELLED          =     x        x        =               x                  x             x          x          =
            """;

    static List<Arguments> everyProgressAndCommand() {
        List<String> lines = RULES.lines().filter(line -> !line.isBlank()).toList();
        String[] commands = lines.get(0).trim().split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            for (int column = 1; column < cells.length; column++) {
                cases.add(Arguments.of(
                        Progress.valueOf(cells[0]), OrderCommand.valueOf(commands[column + 2]), cells[column]));
            }
        }
        return cases;
    }

    @Test
    void theRulesCoverEveryProgressAndEveryCommand() {
        assertThat(everyProgressAndCommand()).hasSize(Progress.values().length * OrderCommand.values().length);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyProgressAndCommand")
    void followsTheRules(Progress from, OrderCommand command, String expected) {
        OrderStatus status = OrderStatus.of(from, 0, 100);
        switch (expected) {
            case "=" -> assertThat(OrderLifecycle.next(from, status, command)).isEmpty();
            case "x" ->
                assertThatThrownBy(() -> OrderLifecycle.next(from, status, command))
                        .isInstanceOfSatisfying(IllegalOrderTransition.class, refused -> {
                            assertThat(refused.current()).isEqualTo(status);
                            assertThat(refused.getMessage()).contains(status.name());
                        });
            default ->
                assertThat(OrderLifecycle.next(from, status, command))
                        .isEqualTo(Optional.of(Progress.valueOf(expected)));
        }
    }

    @Test
    void cancellingADispatchedOrderPointsToTheRefundFlow() {
        assertThatThrownBy(() -> OrderLifecycle.next(Progress.SHIPPED, Progress.SHIPPED, OrderCommand.CANCEL))
                .hasMessageContaining("refund");
    }

    @Test
    void refundStandingOutranksProgressInTheStatus() {
        assertThat(OrderStatus.of(Progress.DELIVERED, 0, 29500)).isEqualTo(Progress.DELIVERED);
        assertThat(OrderStatus.of(Progress.DELIVERED, 3900, 29500)).isEqualTo(RefundStanding.PARTIALLY_REFUNDED);
        assertThat(OrderStatus.of(Progress.CANCELLED, 29500, 29500))
                .as("paid back as part of the cancellation")
                .isEqualTo(Progress.CANCELLED);
        assertThat(OrderStatus.of(Progress.SHIPPED, 29500, 29500)).isEqualTo(RefundStanding.REFUNDED);
    }
}
