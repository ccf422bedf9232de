package io.storeops.listing.products;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.storeops.platform.stores.StoreCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How long work waits in review before its verdict: from the hand-over (retouched images, a
 * detail page version) to the reviewer's decision, by store, what was reviewed and the verdict.
 * Every series exists from the start, at 0, so an alert on it finds one before the first review.
 */
@Component
public class ReviewTimes {

    private static final List<String> REVIEWED = List.of("IMAGES", "DETAIL_PAGE");

    private final MeterRegistry meters;

    public ReviewTimes(MeterRegistry meters, StoreCatalog stores) {
        this.meters = meters;
        for (String store : stores.storeIds()) {
            for (String reviewed : REVIEWED) {
                for (Verdict verdict : Verdict.values()) {
                    timer(store, reviewed, verdict);
                }
            }
        }
    }

    /** {@code before} was in review since its step began; {@code after} carries the verdict given at {@code at}. */
    public void reviewed(Listing before, Listing after, Instant at) {
        if (!before.step().inReview() || before.step() == after.step()) {
            return;
        }
        String reviewed = before.step() == ListingStep.RETOUCHED ? REVIEWED.get(0) : REVIEWED.get(1);
        Verdict verdict = after.step() == ListingStep.IMAGES_REJECTED
                        || after.step() == ListingStep.DETAIL_PAGE_REJECTED
                        || after.step() == ListingStep.PUBLISHED
                ? Verdict.REJECTED
                : Verdict.APPROVED;
        timer(before.storeId(), reviewed, verdict).record(Duration.between(before.stepSince(), at));
    }

    private Timer timer(String store, String reviewed, Verdict verdict) {
        return Timer.builder("storeops.listing.review.time")
                .description("From the hand-over of retouched images or a detail page to the review's verdict")
                .tags("store", store, "reviewed", reviewed, "verdict", verdict.name())
                .register(meters);
    }
}
