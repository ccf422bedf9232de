package io.storeops.contracts;

import java.util.List;

/** Defaults for fields a newer producer may add: an absent list reads as empty, never null. */
public final class Defaults {

    private Defaults() {}

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
