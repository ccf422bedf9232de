package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor or store manager selected a product (商品挑选): its SPU code, title and SKUs, and
 * the stores it is to be sold in. {@code storeId} is the store whose team runs its listing.
 */
public record ListingDrafted(
        String productId,
        String storeId,
        String spuCode,
        String title,
        List<String> skus,
        List<String> stores,
        String selectedBy,
        Instant selectedAt)
        implements ProductScopedEvent {

    public ListingDrafted {
        skus = Defaults.list(skus);
        stores = Defaults.list(stores);
    }
}
