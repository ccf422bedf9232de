package io.storeops.listing.products;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The detail page's rich text made safe to store and show: the tags of a marketplace's rich-text
 * editor (paragraphs, headings, lists, tables, emphasis, links), no scripts, styles or event
 * handlers, and pictures only of the product's own images, written {@code <img src="image:img-3">}.
 */
public final class PageHtml {

    public static final String IMAGE_PROTOCOL = "image";
    /** Characters of rich text; a Tmall detail page is mostly pictures, its text far shorter. */
    static final int LIMIT = 50_000;

    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", IMAGE_PROTOCOL);

    private PageHtml() {}

    /** Cleaned rich text, and the images it shows in order. */
    public record Cleaned(String html, List<String> imageIds) {}

    public static Cleaned clean(String html) {
        String given = Texts.required(html, "html", LIMIT);
        String safe = Jsoup.clean(given, ALLOWED);
        if (safe.isBlank()) {
            throw new IllegalArgumentException("html has nothing a detail page may show.");
        }
        Document page = Jsoup.parseBodyFragment(safe);
        List<String> images = page.select("img[src]").stream()
                .map(image -> image.attr("src").substring(IMAGE_PROTOCOL.length() + 1))
                .distinct()
                .toList();
        return new Cleaned(safe, images);
    }
}
