package io.storeops.contracts.events.listing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One SKU of a store as the listing last published it: the product it belongs to, its title and
 * variant, what is packed with it (包装清单, the accessories the warehouse checks), the product's
 * main picture, and the page version it came with. What the services that follow the listing keep
 * per store and SKU; how they read a publication, and which of two publications of a SKU stands,
 * is the same for all of them, so it is here.
 */
public record PublishedSku(
        String storeId,
        String sku,
        String productId,
        String title,
        String variant,
        List<String> packageContents,
        String mainImageId,
        int pageVersion,
        Instant publishedAt) {

    public PublishedSku {
        packageContents = packageContents == null
                ? List.of()
                : packageContents.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(item -> !item.isEmpty())
                        .distinct()
                        .toList();
    }

    /** A store's SKU is one entry: {@code <storeId>:<sku>}. */
    public static String idFor(String storeId, String sku) {
        return storeId + ":" + sku;
    }

    /**
     * The SKUs {@code publication} puts on sale in its store; a SKU sent without its code cannot be
     * matched to an order line and is left out.
     */
    public static List<PublishedSku> of(ListingPublication publication) {
        return publication.skus().stream()
                .filter(sku -> sku.sku() != null && !sku.sku().isBlank())
                .map(sku -> new PublishedSku(
                        publication.storeId(),
                        sku.sku(),
                        publication.productId(),
                        publication.title(),
                        sku.variant(),
                        sku.packageContents(),
                        publication.mainImageId(),
                        publication.pageVersion(),
                        publication.publishedAt()))
                .toList();
    }

    /**
     * Whether this entry replaces {@code known}: a later (or the same, said differently) page version
     * of the same product, or — for a SKU code that moved to another product — a later publication.
     * A late or replayed older version, or exactly this entry again, never does.
     */
    public boolean supersedes(PublishedSku known) {
        if (equals(known)) {
            return false;
        }
        if (Objects.equals(productId, known.productId)) {
            return pageVersion >= known.pageVersion;
        }
        return known.publishedAt == null || publishedAt != null && publishedAt.isAfter(known.publishedAt);
    }

    /** The title with what tells this SKU apart from the product's others: {@code 西湖龙井 250g}. */
    public String titleWithVariant() {
        if (variant == null || variant.isBlank()) {
            return title;
        }
        return title == null || title.isBlank() ? variant : title + " " + variant;
    }
}
