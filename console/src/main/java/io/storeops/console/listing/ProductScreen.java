package io.storeops.console.listing;

import io.storeops.console.listing.ListingModel.DetailPage;
import io.storeops.console.listing.ListingModel.Listing;
import io.storeops.console.listing.ListingModel.ListingView;
import io.storeops.console.listing.ListingModel.ProductImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A product as its page shows it: the steps listing-service offers the person now (its {@code
 * steps}, by their role and the product's step), each detail page version ready to show, and
 * whether photographs may be added at this step. The console adds no rule of its own to the
 * steps; a step the service refuses anyway (someone else moved the product first) is explained.
 */
public record ProductScreen(ListingView view, Map<Integer, String> pages) {

    /** The steps at which listing-service takes no photograph: before the selling points, while publishing, once withdrawn. */
    private static final Set<String> NO_UPLOADS = Set.of("SELECTED", "PUBLISHING", "WITHDRAWN");

    static ProductScreen of(ListingView view) {
        Listing listing = view.listing();
        List<String> approved =
                listing.approvedImages().stream().map(ProductImage::imageId).toList();
        Map<Integer, String> pages = new LinkedHashMap<>();
        for (DetailPage page : listing.detailPages()) {
            pages.put(
                    page.version(),
                    DetailPageHtml.of(listing.productId(), page.html(), approved)
                            .html());
        }
        return new ProductScreen(view, Map.copyOf(pages));
    }

    public Listing listing() {
        return view.listing();
    }

    public boolean offers(String step) {
        return view.offers(step);
    }

    /** Version {@code version} of the detail page, cleaned and with its pictures, ready to show. */
    public String page(int version) {
        return pages.getOrDefault(version, "");
    }

    /** Whether the shoot's originals may be uploaded now (the service takes none before the selling points are out). */
    public boolean takesOriginals() {
        return !NO_UPLOADS.contains(listing().step());
    }

    /** Whether retouched versions may be uploaded now: after the originals are handed on, of one of them. */
    public boolean takesRetouched() {
        return takesOriginals()
                && !"SELLING_POINTS_PUBLISHED".equals(listing().step())
                && !listing().originals().isEmpty();
    }

    /** Whether a picture is in the review the page offers. */
    public boolean underReview(String imageId) {
        return listing().underReview().contains(imageId);
    }
}
