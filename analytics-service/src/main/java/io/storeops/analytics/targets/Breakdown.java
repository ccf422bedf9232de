package io.storeops.analytics.targets;

import java.util.Arrays;
import java.util.Locale;

/** How a quarter's target is broken down into its three months. */
public enum Breakdown {
    /** A third each, the odd minor units to the first months. */
    EVEN,
    /** In proportion to the store's GMV in the same months a year earlier. */
    LAST_YEAR,
    /** As the manager wrote them, summing to the quarter exactly. */
    BY_HAND;

    /** The breakdown called {@code name} (any case); a clear refusal naming the choices otherwise. */
    public static Breakdown named(String name) {
        return Arrays.stream(values())
                .filter(breakdown ->
                        breakdown.name().equals(name == null ? "" : name.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "breakdown must be EVEN, LAST_YEAR or BY_HAND, not '" + name + "'."));
    }
}
