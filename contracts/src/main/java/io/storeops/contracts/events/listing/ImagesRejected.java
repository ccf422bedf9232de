package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;
import java.util.List;

/** The review sent images back to retouching, each rejected one with its comment (kept on the listing). */
public record ImagesRejected(
        String productId, String storeId, List<String> imageIds, String rejectedBy, Instant rejectedAt)
        implements ProductScopedEvent {

    public ImagesRejected {
        imageIds = Defaults.list(imageIds);
    }
}
