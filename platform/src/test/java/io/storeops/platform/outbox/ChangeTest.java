package io.storeops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderReleased;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeTest {

    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final OrderReleased RELEASED = new OrderReleased("s:1", "s", "amy", "ok", NOW);
    private static final OrderCancelled CANCELLED = new OrderCancelled("s:1", "s", "out of stock", "amy", NOW);

    @Test
    void aFollowingChangeTakesTheStateAndAddsItsEventsAfterThisOnesEvents() {
        Change<String> both =
                Change.of("released", RELEASED).andThen(state -> Change.of(state + ", cancelled", CANCELLED));

        assertThat(both.state()).isEqualTo("released, cancelled");
        assertThat(both.events()).containsExactly(RELEASED, CANCELLED);
    }

    @Test
    void whenTheFollowingDecisionChangesNothingThisChangeStands() {
        Change<String> first = Change.of("released", RELEASED);

        assertThat(first.andThen(state -> Change.none())).isEqualTo(first);
    }

    @Test
    void nothingFollowsNoChange() {
        Change<String> none = Change.none();

        assertThat(none.andThen(state -> Change.of("invented", CANCELLED)).isNone())
                .isTrue();
    }
}
