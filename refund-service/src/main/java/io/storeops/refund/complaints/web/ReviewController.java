package io.storeops.refund.complaints.web;

import io.storeops.platform.paging.PageCursor;
import io.storeops.refund.cases.web.Queries;
import io.storeops.refund.complaints.Complaints;
import io.storeops.refund.complaints.ContactChannel;
import io.storeops.refund.complaints.DeskStep;
import io.storeops.refund.complaints.Review;
import io.storeops.refund.complaints.ReviewState;
import io.storeops.refund.complaints.Reviews;
import io.storeops.refund.complaints.StorefrontReplies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Buyers' reviews over HTTP: the low-rating queue, a buyer's reviews by nickname (旺旺反查), the
 * contacts about a review and the seller's reply, written once and, where StoreOps posts the
 * store's replies, posted on its storefront.
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Complaints and reviews")
@SecurityRequirement(name = "bearer")
class ReviewController {

    private final Reviews reviews;
    private final StorefrontReplies storefronts;
    private final Clock clock;
    private final DeskRecords<Review, ReviewView> desk;

    ReviewController(Reviews reviews, Complaints complaints, StorefrontReplies storefronts, Clock clock) {
        this.reviews = reviews;
        this.storefronts = storefronts;
        this.clock = clock;
        this.desk = new DeskRecords<>(
                "Review",
                reviews::find,
                reviews::change,
                Review::storeId,
                Review::orderId,
                review -> new PageCursor(review.receivedAt(), review.id()),
                complaints,
                DeskStep::offered,
                ReviewView::new);
    }

    @Schema(description = "A contact with the buyer about the review")
    record ContactEntry(
            @Schema(example = "CHAT") ContactChannel channel,

            @Schema(description = "What was said or offered", example = "apologised, offered a return")
            String offered,

            @Schema(example = "will think about amending the review")
            String buyerAnswer)
            implements EnteredContact {}

    @Schema(description = "The seller's reply to post under the review")
    record ReplyEntry(@Schema(example = "亲，非常抱歉，已为您办理退货退款。") String reply) {}

    @Schema(
            name = "Review",
            description =
                    "A buyer's review, with what the desk knows of its order, and what the caller may do with it now")
    record ReviewView(
            Review review,
            OrderContext order,

            @Schema(
                    description = "The steps (route names) the caller may take on the review now, by their role and "
                            + "the review's state; once replied to, contacts only",
                    example = "[\"contacts\", \"reply\"]")
            List<String> steps) {}

    @Schema(description = "A review in a list")
    record ReviewSummary(
            @Schema(description = "<store>:<the storefront's review id>")
            String id,

            String reviewId,
            String orderId,
            String buyerNick,
            int rating,
            boolean low,
            ReviewState state,
            String text,
            Instant receivedAt,
            Instant lastStepAt,
            String repliedBy) {

        static ReviewSummary of(Review review) {
            return new ReviewSummary(
                    review.id(),
                    review.reviewId(),
                    review.orderId(),
                    review.buyerNick(),
                    review.rating(),
                    review.low(),
                    review.state(),
                    review.text(),
                    review.receivedAt(),
                    review.lastStepAt(),
                    review.reply() == null ? null : review.reply().by());
        }
    }

    @Schema(description = "A page of reviews, and the cursor of the next page (absent on the last)")
    record ReviewPage(List<ReviewSummary> reviews, String nextCursor) {}

    @GetMapping
    @Operation(
            summary = "A store's reviews, the longest waiting first",
            description = "low=true: only the low reviews (rated at or below the store's low rating), whatever their "
                    + "state; with state=NEW,CONTACTED the low reviews not yet replied to, which the desk's lowReviews "
                    + "counts. buyerNick finds a buyer's reviews (旺旺反查), orderId an order's. nextCursor gives the "
                    + "next page.")
    Mono<ReviewPage> search(
            @RequestParam(required = false) String storeId,
            @Parameter(description = "States, comma-separated (default: all)") @RequestParam(required = false)
                    List<String> state,
            @Parameter(description = "true: only the low reviews, whatever their state (default: all)")
                    @RequestParam(defaultValue = "false")
                    boolean low,
            @Parameter(description = "The buyer's nickname on the marketplace, exactly") @RequestParam(required = false)
                    String buyerNick,
            @Parameter(description = "Only reviews of this order") @RequestParam(required = false) String orderId,
            @Parameter(description = "Most reviews per page, 1 to 500 (default 50)") @RequestParam(defaultValue = "50")
                    int limit,
            @RequestParam(required = false) String cursor) {
        return desk.list(
                        storeId,
                        state,
                        ReviewState.class,
                        limit,
                        cursor,
                        (store, states, after, atMost) -> reviews.search(
                                store,
                                states,
                                low,
                                Queries.optional(buyerNick),
                                Queries.optional(orderId),
                                after,
                                atMost))
                .map(page -> new ReviewPage(
                        page.items().stream().map(ReviewSummary::of).toList(), page.nextCursor()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One review, with its contacts, reply, timeline and order (id: <store>:<review id>)")
    Mono<ReviewView> review(@PathVariable String id) {
        return desk.shown(id);
    }

    @PostMapping("/{id}/contacts")
    @Operation(summary = "Record a contact with the buyer about the review")
    Mono<ReviewView> contact(@PathVariable String id, @RequestBody ContactEntry contact) {
        return desk.act(id, (review, staff) -> review.contact(contact.recordedBy(staff, clock.instant())));
    }

    @PostMapping("/{id}/reply")
    @Operation(
            summary = "Write the seller's reply to post under the review",
            description = "Once: announced with ReviewReplied. Where StoreOps posts the store's replies "
                    + "(storeops.stores.<s>.reviews.replies), it is then posted on the storefront: reply.posting shows "
                    + "how that goes (postedAt and reference, or attempts, lastFailure and retryAt, or refusedAt); "
                    + "elsewhere reply.posting is absent and staff post it in the marketplace's back office. The same "
                    + "reply by the same person again is harmless; any other reply afterwards is a 409.")
    Mono<ReviewView> reply(@PathVariable String id, @RequestBody ReplyEntry reply) {
        return desk.act(
                id,
                (review, staff) -> review.reply(
                        reply.reply(), staff.username(), clock.instant(), storefronts.postsReplies(review.storeId())));
    }
}
