package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;
import java.util.List;

/** The store manager approved the retouched images (图片审核): the detail page may be built with them. */
public record ImagesApproved(
        String productId, String storeId, List<String> imageIds, String approvedBy, Instant approvedAt)
        implements ProductScopedEvent {

    public ImagesApproved {
        imageIds = Defaults.list(imageIds);
    }
}
