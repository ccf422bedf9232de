package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import java.time.Instant;
import java.util.List;

/**
 * The product went on sale in store {@code storeId} for the first time: the storefront's product id,
 * the title, the SKUs at the store's prices with their package contents, and the page as
 * published: {@code pageVersion} (1, or the product's next version when the store is added later or
 * the product relisted), showing detail page version {@code detailPageVersion}.
 */
public record ListingPublished(
        String productId,
        String storeId,
        String spuCode,
        String title,
        int pageVersion,
        int detailPageVersion,
        String storefrontProductId,
        List<ListedSku> skus,
        String mainImageId,
        String publishedBy,
        Instant publishedAt)
        implements ListingPublication {

    public ListingPublished {
        skus = Defaults.list(skus);
    }
}
