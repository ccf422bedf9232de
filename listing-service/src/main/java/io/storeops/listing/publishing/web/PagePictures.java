package io.storeops.listing.publishing.web;

import io.storeops.listing.products.PageHtml;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The pictures in a detail page's rich text, {@code <img src="image:img-3">}, made into what a
 * storefront takes: the address the storefront keeps its copy under, or nothing where it has none.
 * The rest of the page goes out as it was approved.
 */
final class PagePictures {

    private static final String REFERENCE = PageHtml.IMAGE_PROTOCOL + ":";

    private PagePictures() {}

    /**
     * The page with each picture pointing at its address in {@code addresses} (by image id); a
     * picture without one is left out.
     */
    static String withAddresses(String html, Map<String, String> addresses) {
        Document page = Jsoup.parseBodyFragment(html);
        page.outputSettings().prettyPrint(false);
        for (Element picture : page.select("img[src^=" + REFERENCE + "]")) {
            String address = addresses.get(picture.attr("src").substring(REFERENCE.length()));
            if (address == null) {
                picture.remove();
            } else {
                picture.attr("src", address);
            }
        }
        return page.body().html();
    }

    /** The page without its pictures: for a storefront that cannot be sent them. */
    static String withoutPictures(String html) {
        return withAddresses(html, Map.of());
    }
}
