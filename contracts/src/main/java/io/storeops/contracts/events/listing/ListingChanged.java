package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import java.time.Instant;
import java.util.List;

/**
 * A change to a product on sale was published in store {@code storeId} (页面优化): the whole entry
 * as it now stands, as page version {@code pageVersion} (the one before it was {@code
 * pageVersion - 1} or earlier, when a relisting skipped some), and what changed ({@code DETAIL_PAGE},
 * {@code PRICES}, {@code TITLE}, {@code SKUS}; more kinds may come, so readers keep what they do not know).
 */
public record ListingChanged(
        String productId,
        String storeId,
        String spuCode,
        String title,
        int pageVersion,
        int detailPageVersion,
        String storefrontProductId,
        List<ListedSku> skus,
        String mainImageId,
        List<String> changes,
        String publishedBy,
        Instant publishedAt)
        implements ListingPublication {

    public ListingChanged {
        skus = Defaults.list(skus);
        changes = Defaults.list(changes);
    }
}
