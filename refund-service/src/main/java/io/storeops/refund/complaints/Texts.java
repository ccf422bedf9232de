package io.storeops.refund.complaints;

import java.util.Arrays;

/** The desk's checks of what people type. */
final class Texts {

    /** The longest note, description, contact or reply. */
    static final int NOTE_LIMIT = 500;

    /** The most contacts one complaint or review records, so that nothing grows without bound. */
    static final int CONTACT_LIMIT = 100;

    private Texts() {}

    /** @throws IllegalArgumentException when {@code text} is missing or longer than {@code limit} */
    static String required(String text, String field, int limit) {
        String clean = optional(text, field, limit);
        if (clean == null) {
            throw new IllegalArgumentException(field + " is required.");
        }
        return clean;
    }

    /** The text stripped, or null when blank. @throws IllegalArgumentException when longer than {@code limit} */
    static String optional(String text, String field, int limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > limit) {
            throw new IllegalArgumentException(field + " is at most " + limit + " characters.");
        }
        return clean;
    }

    /**
     * What someone else said (a storefront's failure), stripped and cut to {@code limit}: kept
     * whatever its length, unlike what people type.
     */
    static String cut(String text, int limit) {
        String clean = text == null ? "" : text.strip();
        return clean.length() > limit ? clean.substring(0, limit) : clean;
    }

    /** @throws IllegalArgumentException when {@code value} is missing */
    static <E extends Enum<E>> E required(E value, String field, Class<E> type) {
        if (value == null) {
            throw new IllegalArgumentException(
                    field + " is required: one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
        return value;
    }
}
