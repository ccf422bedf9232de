package io.storeops.listing.products;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How long work waits in review before its verdict: from the hand-over (retouched images, a
 * detail page version) to the reviewer's decision, by store, what was reviewed and the verdict.
 */
@Component
public class ReviewTimes {

    private final MeterRegistry meters;

    public ReviewTimes(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code before} was in review since its step began; {@code after} carries the verdict given at {@code at}. */
    public void reviewed(Listing before, Listing after, Instant at) {
        if (!before.step().inReview() || before.step() == after.step()) {
            return;
        }
        String reviewed = before.step() == ListingStep.RETOUCHED ? "IMAGES" : "DETAIL_PAGE";
        String verdict = after.step() == ListingStep.IMAGES_REJECTED
                        || after.step() == ListingStep.DETAIL_PAGE_REJECTED
                        || after.step() == ListingStep.PUBLISHED
                ? "REJECTED"
                : "APPROVED";
        Timer.builder("storeops.listing.review.time")
                .description("From the hand-over of retouched images or a detail page to the review's verdict")
                .tags("store", before.storeId(), "reviewed", reviewed, "verdict", verdict)
                .register(meters)
                .record(Duration.between(before.stepSince(), at));
    }
}
