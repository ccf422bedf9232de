package io.storeops.analytics.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How every rate in analytics is worked out: exactly, then rounded half up to stated places. */
public final class Rates {

    private Rates() {}

    /** {@code numerator / denominator} to {@code places} decimals; null when the denominator is 0 (nothing to say, and 0 would say something). */
    public static BigDecimal ratio(long numerator, long denominator, int places) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), places, RoundingMode.HALF_UP);
    }
}
