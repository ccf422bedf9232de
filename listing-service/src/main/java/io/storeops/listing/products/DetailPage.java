package io.storeops.listing.products;

import java.time.Instant;
import java.util.List;

/**
 * A version of the item's detail page (宝贝详情): its rich text (cleaned HTML whose pictures are
 * the product's images, {@code <img src="image:img-3">}), who wrote it and when, when it was
 * submitted, and its review. An unsubmitted version is the designer's draft, saved over until
 * submitted; a submitted one never changes.
 */
public record DetailPage(
        int version,
        String html,
        List<String> imageIds,
        String editedBy,
        Instant editedAt,
        Instant submittedAt,
        Review review) {

    public DetailPage {
        imageIds = imageIds == null ? List.of() : List.copyOf(imageIds);
    }

    public boolean submitted() {
        return submittedAt != null;
    }

    public boolean approved() {
        return review != null && review.verdict() == Verdict.APPROVED;
    }
}
