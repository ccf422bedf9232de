package io.storeops.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that an operator can move forward, for demos and acceptance runs where a marketplace
 * timer of two days must run out in a minute ({@code storeops.clock.adjustable=true}). Never on in
 * production: time only moves forward, so nothing a service stored can come to lie in the future.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> ahead;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> ahead) {
        this.base = base;
        this.ahead = ahead;
    }

    /** Moves the clock forward by {@code by}; answers the time now. */
    public Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward: give a positive duration.");
        }
        ahead.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    /** How far ahead of the real time this clock runs. */
    public Duration ahead() {
        return ahead.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), ahead);
    }
}
