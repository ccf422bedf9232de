package io.storeops.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of a list ended: the last item's sort time and id, the two keys a list is sorted by
 * (a search by placing time, newest first; a queue by how long it waits, oldest first). The next
 * page starts strictly after it, so items arriving meanwhile never shift or repeat a page. Opaque
 * to callers: base64url text.
 */
public record PageCursor(Instant at, String id) {

    private static final String VERSION = "1";

    public String encode() {
        String plain = VERSION + "|" + at.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when {@code text} is not a cursor this service handed out
     */
    public static PageCursor decode(String text) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        String[] parts = plain.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not a page cursor");
        }
        return new PageCursor(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
    }
}
