package io.storeops.refund.replies.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.metrics.StoreCounter;
import io.storeops.platform.partner.PartnerAttempts;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.complaints.Review;
import io.storeops.refund.complaints.Reviews;
import io.storeops.refund.replies.ReplyProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posts the seller's replies on the storefronts of the stores that have StoreOps post them: every
 * look finds the replies due in the store (so a restart in the middle loses none), posts each with
 * its review's id as idempotency key (so a retry after a timeout never posts twice), and records it
 * posted only on the storefront's confirmation. A failure is noted on the review and tried again
 * later, each time twice as late; a refusal for good is not retried, but shown on the review for
 * customer service.
 */
@Component
public class ReviewReplies implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReviewReplies.class);

    private final Reviews reviews;
    private final ReviewReplyChannels channels;
    private final Clock clock;
    private final ReplyProperties settings;
    private final PartnerAttempts attempts;
    private final StoreCounter posted;
    private final StoreCounter retried;
    private final StoreCounter refused;
    private Disposable looking;

    public ReviewReplies(
            Reviews reviews,
            ReviewReplyChannels channels,
            Clock clock,
            ReplyProperties settings,
            MeterRegistry meters,
            StoreCatalog stores) {
        this.reviews = reviews;
        this.channels = channels;
        this.clock = clock;
        this.settings = settings;
        this.attempts = new PartnerAttempts(
                clock, settings.callTimeout(), settings.retryAfter(), "the reply may have been posted");
        this.posted = new StoreCounter(
                meters,
                stores,
                "storeops.refund.review.replies.posted",
                "Review replies the storefront confirmed posted");
        this.retried = new StoreCounter(
                meters,
                stores,
                "storeops.refund.review.replies.retried",
                "Attempts to post a review reply that failed and will be tried again");
        this.refused = new StoreCounter(
                meters,
                stores,
                "storeops.refund.review.replies.refused",
                "Review replies the storefront refused for good, left to customer service");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (channels.storesPosting().isEmpty()) {
            return; // every store's staff post their replies in the back office
        }
        looking = RepeatingWork.eachDueEvery(
                settings.interval(),
                "Posting the review replies due",
                this::due,
                this::post,
                ReviewReplies::named,
                log);
    }

    @Override
    public void destroy() {
        if (looking != null) {
            looking.dispose();
        }
    }

    /** Posts every reply whose next attempt is due. */
    public Mono<Void> postDue() {
        return RepeatingWork.eachAlone(due(), this::post, ReviewReplies::named, log);
    }

    private Flux<Review> due() {
        return reviews.replyDue(clock.instant(), channels.storesPosting(), settings.batch());
    }

    private static String named(Review review) {
        return "The reply to review " + review.id();
    }

    private Mono<Void> post(Review review) {
        ReviewReplyChannel channel = channels.of(review.storeId()).orElseThrow();
        ReviewReplyChannel.ReplyPost reply = new ReviewReplyChannel.ReplyPost(
                review.id(), review.storeId(), review.reviewId(), review.reply().text());
        String storeId = review.storeId();
        return attempts.attempt(
                () -> channel.post(reply),
                review.reply().posting().attempts(),
                post -> {
                    posted.increment(storeId);
                    return reviews.change(
                            review.id(), current -> current.replyPosted(post.reference(), clock.instant()));
                },
                refusal -> {
                    refused.increment(storeId);
                    return reviews.change(review.id(), current -> current.replyRefused(refusal, clock.instant()));
                },
                (failure, retryAt) -> {
                    retried.increment(storeId);
                    return reviews.change(
                            review.id(), current -> current.replyPostFailed(failure, retryAt, clock.instant()));
                });
    }
}
