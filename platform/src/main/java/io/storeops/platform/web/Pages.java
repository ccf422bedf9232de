package io.storeops.platform.web;

import io.storeops.platform.paging.PageCursor;

/** Paged lists over HTTP: the cursor a caller sends back for the next page. */
public final class Pages {

    private Pages() {}

    /** The cursor a caller sent back, or null for the first page; 400 when it is not one we handed out. */
    public static PageCursor after(String cursor) {
        try {
            return cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor.trim());
        } catch (IllegalArgumentException notOurs) {
            throw Problems.badRequest("invalid-cursor", "cursor is not one handed out with an earlier page.");
        }
    }
}
