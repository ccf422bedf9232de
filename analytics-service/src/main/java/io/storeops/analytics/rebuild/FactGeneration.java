package io.storeops.analytics.rebuild;

/**
 * Which generation of the facts is read and written ({@code current}), and the last one a rebuild
 * began ({@code latest}): a rebuild builds {@code latest + 1}, so a generation once begun (and
 * perhaps left half-built by a failed rebuild) is never built into again.
 */
record FactGeneration(int current, int latest) {

    static final FactGeneration FIRST = new FactGeneration(0, 0);

    FactGeneration begun() {
        return new FactGeneration(current, latest + 1);
    }

    FactGeneration switchedTo(int generation) {
        return new FactGeneration(generation, Math.max(latest, generation));
    }
}
