package io.storeops.platform.sheets;

import java.text.Normalizer;
import java.util.Locale;

/** How table headers are written and compared. */
public final class Headers {

    private Headers() {}

    /** The header as compared: NFKC (full-width brackets become ASCII ones), no white space, byte order mark nor quotes, lower case. */
    public static String key(String header) {
        if (header == null) {
            return "";
        }
        String normal = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normal.length());
        for (int i = 0; i < normal.length(); i++) {
            char c = normal.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '"') {
                key.append(c);
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** A header as written in the file, trimmed, without a byte order mark or Excel's ="..." guard. */
    public static String written(String cell) {
        String t = cell.replace("\uFEFF", "").strip();
        if (t.length() >= 3 && t.startsWith("=\"") && t.endsWith("\"")) {
            t = t.substring(2, t.length() - 1).strip();
        }
        return t;
    }
}
