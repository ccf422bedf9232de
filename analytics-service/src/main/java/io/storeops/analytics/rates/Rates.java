package io.storeops.analytics.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How every rate in analytics is worked out (exactly, then rounded half up to stated places), and the range of what it is worked out from. */
public final class Rates {

    /**
     * The largest amount or count StoreOps takes in (10^15: ten trillion yuan in fen): far beyond any
     * department's, and far enough below what a long holds that sums of many never overflow.
     */
    public static final long LARGEST = 1_000_000_000_000_000L;

    private Rates() {}

    /** Why {@code value} cannot be taken in, or null when it can: not negative, at most {@link #LARGEST}. */
    public static String outOfRange(long value) {
        if (value < 0) {
            return "must not be negative";
        }
        return value > LARGEST ? "is larger than " + LARGEST + ", beyond any real figure" : null;
    }

    /** {@code numerator / denominator} to {@code places} decimals; null when the denominator is 0 (nothing to say, and 0 would say something). */
    public static BigDecimal ratio(long numerator, long denominator, int places) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), places, RoundingMode.HALF_UP);
    }
}
