package io.storeops.order.catalogue;

import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SKU of a store as the listing last published it (商品上架): the product it belongs to, the
 * product's title, what tells the SKU apart, and the product's main picture — what the order desk
 * shows next to an order's line. Taken from listing-service's {@code ListingPublished} and {@code
 * ListingChanged}, newest page version of the product first: a late or replayed older version
 * never overwrites a newer one. A withdrawn product's SKUs stay as last published, and so do SKUs
 * a later page version no longer lists: their orders still show what was bought.
 *
 * @param mainImageId the listing's id of the product's main image (e.g. {@code img-3}), served by
 *     listing-service; null when the page has none
 * @param pageVersion the product's page version this was published in
 */
public record ListedItem(
        String storeId,
        String sku,
        String productId,
        String title,
        String variant,
        String mainImageId,
        int pageVersion,
        Instant publishedAt) {

    /** A store's SKU is one document: {@code <storeId>:<sku>}. */
    public static String idFor(String storeId, String sku) {
        return storeId + ":" + sku;
    }

    /**
     * The SKUs of a product's page version as the listing published them in one store; a SKU the
     * listing sent without its code cannot be matched to an order line and is left out.
     */
    public static List<ListedItem> of(
            String storeId,
            String productId,
            String title,
            String mainImageId,
            int pageVersion,
            Instant publishedAt,
            List<ListedSku> skus) {
        return skus.stream()
                .filter(sku -> sku.sku() != null && !sku.sku().isBlank())
                .map(sku -> new ListedItem(
                        storeId, sku.sku(), productId, title, sku.variant(), mainImageId, pageVersion, publishedAt))
                .toList();
    }

    /**
     * The SKU as {@code published} says, unless what is known is as new or newer: a later page
     * version of the same product (or, for a SKU code that moved to another product, a later
     * publication), or exactly this entry already.
     */
    public static Change<ListedItem> published(Optional<ListedItem> current, ListedItem published) {
        if (current.isPresent() && !published.isNewerThan(current.get())) {
            return Change.none();
        }
        return Change.of(published);
    }

    private boolean isNewerThan(ListedItem known) {
        if (equals(known)) {
            return false;
        }
        if (Objects.equals(productId, known.productId)) {
            return pageVersion >= known.pageVersion;
        }
        return known.publishedAt == null || publishedAt != null && publishedAt.isAfter(known.publishedAt);
    }
}
