package io.storeops.refund.cases.web;

import io.storeops.platform.web.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The after-sale desk's list parameters (cases, complaints, reviews), checked alike. */
public final class Queries {

    private Queries() {}

    /** The values named, comma-separated or repeated; 400 for a name that is none of them. */
    public static <E extends Enum<E>> Set<E> parsed(List<String> names, Class<E> type, String parameter) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                values.add(Enum.valueOf(type, name.strip()));
            } catch (IllegalArgumentException unknown) {
                throw Problems.badRequest(
                        "invalid-query",
                        parameter + " must be one of " + EnumSet.allOf(type) + ": '" + name + "' is not.");
            }
        }
        return values;
    }

    /** The store asked about, which a list needs. */
    public static String requiredStore(String storeId) {
        if (storeId == null || storeId.isBlank()) {
            throw Problems.badRequest("invalid-query", "storeId is required.");
        }
        return storeId;
    }

    /** An optional text parameter, stripped; null when blank. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
