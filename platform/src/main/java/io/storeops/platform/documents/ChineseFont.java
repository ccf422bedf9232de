package io.storeops.platform.documents;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font of StoreOps' printed documents and charts: WenQuanYi Micro Hei (文泉驿微米黑, Chinese and
 * Latin alike; its licence is {@code wqy-microhei.LICENSE.txt} beside it), carried by the build as
 * a resource so a document looks the same on every machine. Its bytes are read once per process;
 * each PDF embeds only the glyphs it uses, and charts draw with an AWT font made from the same bytes.
 */
public final class ChineseFont {

    /** The font's PostScript name, as a PDF names its embedded subset ({@code ABCDEF+WenQuanYiMicroHei}). */
    public static final String NAME = "WenQuanYiMicroHei";

    private static final String RESOURCE = "wqy-microhei.ttf";

    private ChineseFont() {}

    /**
     * The font for {@code document}, embedded as a subset of the glyphs the document shows: load it
     * once per document (not per page). Text shown in it must be {@link #printable} first.
     */
    public static PDType0Font embedIn(PDDocument document) {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(Bytes.FONT));
            return PDType0Font.load(document, parsed, true);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * The font for Java 2D drawing (charts), at {@code size} points in {@code style} ({@link
     * Font#PLAIN}, {@link Font#BOLD}: the face has no bold of its own, so bold is drawn emboldened).
     * Works headless.
     */
    public static Font awt(int style, float size) {
        return Awt.FONT.deriveFont(style, size);
    }

    /** Whether the font has a glyph for {@code codePoint}. */
    public static boolean canDisplay(int codePoint) {
        return Glyphs.CHARACTERS.getGlyphId(codePoint) > 0;
    }

    /**
     * {@code text} as the font can draw it: characters it lacks (an emoji in a name) and control
     * characters become '?', line breaks stay; null is empty.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            boolean drawable = codePoint == '\n' || (!Character.isISOControl(codePoint) && canDisplay(codePoint));
            out.appendCodePoint(drawable ? codePoint : '?');
        });
        return out.toString();
    }

    /** The font file, read on first use. */
    private static final class Bytes {
        static final byte[] FONT = read();

        private static byte[] read() {
            try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                return in.readAllBytes();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** Which characters the font has (its Unicode cmap, read whole once). */
    private static final class Glyphs {
        static final CmapLookup CHARACTERS = read();

        private static CmapLookup read() {
            try (TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(Bytes.FONT))) {
                return parsed.getUnicodeCmapLookup();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** The AWT font, made only when something draws charts. */
    private static final class Awt {
        static final Font FONT = create();

        private static Font create() {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(Bytes.FONT));
            } catch (FontFormatException | IOException unreadable) {
                throw new IllegalStateException(RESOURCE + " cannot be read as a TrueType font", unreadable);
            }
        }
    }
}
