package io.storeops.listing.products;

/** Free text as staff type it: trimmed, within a limit, and required or not; refusals name the field. */
public final class Texts {

    private Texts() {}

    public static String required(String value, String field, int limit) {
        String text = optional(value, field, limit);
        if (text == null) {
            throw new IllegalArgumentException(field + " is required.");
        }
        return text;
    }

    /** The text trimmed, null when blank. */
    public static String optional(String value, String field, int limit) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > limit) {
            throw new IllegalArgumentException(field + " is longer than " + limit + " characters.");
        }
        return text;
    }
}
