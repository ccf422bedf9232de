package io.storeops.console.listing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.web.util.UriUtils;

/**
 * A detail page's rich text as the console shows it: cleaned with the rules listing-service cleans
 * a saved page with (a marketplace editor's tags, no scripts, styles or event handlers, pictures
 * only {@code <img src="image:img-3">}), whether it was saved (cleaned twice does no harm) or is
 * still being typed (never shown as typed), and each picture pointing at the console's own picture
 * route, which only the signed-in browser may load.
 */
final class DetailPageHtml {

    private static final String IMAGE_PROTOCOL = "image";

    /** listing-service's rules (its {@code PageHtml}), repeated: the console uses no service code. */
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", IMAGE_PROTOCOL);

    private DetailPageHtml() {}

    /**
     * The page ready to show ({@code html}, safe to render as it is), the pictures it shows in
     * order, and those of them that are not among {@code approved} (the service refuses to save
     * a page showing them).
     */
    record Preview(String html, List<String> imageIds, List<String> notApproved) {

        public boolean isEmpty() {
            return html.isBlank();
        }
    }

    static Preview of(String productId, String html, Collection<String> approved) {
        if (html == null || html.isBlank()) {
            return new Preview("", List.of(), List.of());
        }
        Document page = Jsoup.parseBodyFragment(Jsoup.clean(html, ALLOWED));
        Set<String> shown = new LinkedHashSet<>();
        for (Element picture : page.select("img[src]")) {
            String imageId = picture.attr("src").substring(IMAGE_PROTOCOL.length() + 1);
            shown.add(imageId);
            picture.attr("src", pictureUrl(productId, imageId));
            if (!picture.hasAttr("alt")) {
                picture.attr("alt", imageId);
            }
        }
        List<String> notApproved = new ArrayList<>(shown);
        notApproved.removeAll(approved);
        return new Preview(page.body().html(), List.copyOf(shown), notApproved);
    }

    /** How a page shows {@code image}: {@code <img src="image:img-3" alt="主图1">}. */
    static String tag(ListingModel.ProductImage image) {
        return new Element("img")
                .attr("src", IMAGE_PROTOCOL + ":" + image.imageId())
                .attr("alt", image.slot())
                .outerHtml();
    }

    /** Where the browser loads a product's picture through the console. */
    static String pictureUrl(String productId, String imageId) {
        // Each part a path segment of its own: an id written "../x" stays inside the product's pictures.
        return "/listing/" + UriUtils.encodePathSegment(productId, StandardCharsets.UTF_8) + "/images/"
                + UriUtils.encodePathSegment(imageId, StandardCharsets.UTF_8);
    }
}
