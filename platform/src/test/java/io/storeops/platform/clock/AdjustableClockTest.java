package io.storeops.platform.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The demo's adjustable clock moves forward only, and a copy in another zone moves with it. (Its
 * route is exercised by the system test and the README walk-through against the standalone: a
 * service context of its own here would share the test store and broker with every other test,
 * its relay's leases and records stamped days ahead.)
 */
class AdjustableClockTest {

    private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

    @Test
    void itRunsAheadByWhatItWasMovedAndOnlyForward() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(clock.advance(Duration.ofHours(49))).isEqualTo(NOW.plus(Duration.ofHours(49)));
        assertThat(clock.advance(Duration.ofMinutes(1)))
                .isEqualTo(NOW.plus(Duration.ofHours(49).plusMinutes(1)));
        assertThat(clock.ahead()).isEqualTo(Duration.ofHours(49).plusMinutes(1));
        assertThatThrownBy(() -> clock.advance(Duration.ofHours(-1))).hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> clock.advance(Duration.ZERO)).hasMessageContaining("only moves forward");
    }

    @Test
    void aCopyInAnotherZoneMovesWithIt() {
        AdjustableClock clock = new AdjustableClock(Clock.fixed(NOW, ZoneOffset.UTC));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofDays(2));

        assertThat(shanghai.instant()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
