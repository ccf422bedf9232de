package io.storeops.contracts.events.listing;

import io.storeops.contracts.Defaults;
import io.storeops.contracts.ProductScopedEvent;
import java.time.Instant;
import java.util.List;

/**
 * The product's photographs were handed on: {@code stage} {@code ORIGINAL} when the shoot's
 * pictures are in (实物拍摄), {@code RETOUCHED} when the designer's retouched versions are ready
 * for review (图片美化).
 */
public record ImagesSubmitted(
        String productId, String storeId, String stage, List<String> imageIds, String submittedBy, Instant submittedAt)
        implements ProductScopedEvent {

    public ImagesSubmitted {
        imageIds = Defaults.list(imageIds);
    }
}
