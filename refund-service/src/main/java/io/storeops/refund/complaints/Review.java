package io.storeops.refund.complaints;

import io.storeops.contracts.events.refund.ReviewReplied;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A buyer's review of an order, as the storefront's {@code review.created} brought it. A low rating
 * (at or below the store's {@code after-sale.low-rating}) lands in customer service's queue: they
 * find the buyer and the order (旺旺反查: the review names both), talk to the buyer, and write the
 * seller's reply to post under the review, once ({@link ReviewReplied}). Where StoreOps posts the
 * store's replies on its storefront, the reply is then to be posted until the storefront confirms
 * or refuses it for good ({@link ReplyPosting}); elsewhere staff post it in the marketplace's back
 * office. Every step is on its timeline (who, when, what).
 *
 * @param id         {@code <store>:<reviewId>}: the same review again changes nothing
 * @param reviewId   the storefront's own review id
 * @param orderId    the StoreOps order id, {@code <store>:<order number>}
 * @param buyerNick  the buyer's nickname on the marketplace (旺旺), as the storefront shows it
 * @param createdAt  when the buyer wrote it, as the storefront says (null when it did not)
 * @param receivedAt when the desk received it: the queue is worked from the longest waiting
 * @param low        whether the rating was at or below the store's low rating when it came in
 * @param replyDueAt when the next attempt to post the reply on the storefront is due; null when there
 *     is nothing to post (no reply, a store that posts none, posted, refused). Derived from the reply,
 *     stored so that the reply posts find the reviews due
 * @param lastStepAt when it last moved; derived from the timeline
 */
public record Review(
        String id,
        String storeId,
        String reviewId,
        String orderId,
        String buyerNick,
        int rating,
        String text,
        List<String> images,
        Instant createdAt,
        Instant receivedAt,
        boolean low,
        ReviewState state,
        List<Contact> contacts,
        Reply reply,
        List<Entry> timeline,
        Instant replyDueAt,
        Instant lastStepAt) {

    /**
     * The seller's reply, to be posted under the review: written once, by whom and when.
     *
     * @param posting how posting it on the storefront goes; null where the store's staff post it by hand
     */
    public record Reply(String text, String by, Instant at, ReplyPosting posting) {

        private Reply with(ReplyPosting next) {
            return new Reply(text, by, at, next);
        }
    }

    /**
     * How posting the reply on the storefront goes: the attempts that did not post it, the latest
     * failure and when to try again; the storefront's reference for the reply and when, once posted;
     * when the storefront refused it for good (not asked again: the failure says why).
     */
    public record ReplyPosting(
            int attempts, String lastFailure, Instant retryAt, String reference, Instant postedAt, Instant refusedAt) {

        /** Not tried yet. */
        static final ReplyPosting TO_POST = new ReplyPosting(0, null, null, null, null, null);

        /** Still to be posted: neither posted nor refused. */
        boolean waiting() {
            return postedAt == null && refusedAt == null;
        }

        /** When the next attempt is due, for a reply written {@code writtenAt}; null once posted or refused. */
        Instant dueAt(Instant writtenAt) {
            if (!waiting()) {
                return null;
            }
            return retryAt == null ? writtenAt : retryAt;
        }
    }

    /**
     * A review as the native storefront posts it ({@code review.created}).
     *
     * @param orderId the storefront's order number, as in {@code order.paid}
     */
    public record Posted(
            String reviewId,
            String orderId,
            String buyerNick,
            Integer rating,
            String text,
            List<String> images,
            Instant createdAt) {}

    /** Who writes a review. */
    public static final String BUYER = "buyer";

    /** Who posts the reply, or fails to, on the timeline. */
    public static final String STOREFRONT = "storefront";

    static final int ID_LIMIT = 64;
    static final int TEXT_LIMIT = 2000;
    static final int IMAGE_LIMIT = 20;

    public Review {
        images = images == null ? List.of() : List.copyOf(images);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        replyDueAt = reply == null || reply.posting() == null
                ? null
                : reply.posting().dueAt(reply.at());
        lastStepAt = timeline.stream().map(Entry::at).max(Instant::compareTo).orElse(receivedAt);
    }

    /** The review's id at the desk: the store's and the storefront's review id. */
    public static String idOf(String storeId, String reviewId) {
        return storeId + ":" + reviewId.strip();
    }

    /** The StoreOps order a posted review is about. @throws IllegalArgumentException without ids */
    public static String orderOf(String storeId, Posted posted) {
        Texts.required(posted.reviewId(), "reviewId", ID_LIMIT);
        return storeId + ":" + Texts.required(posted.orderId(), "orderId", ID_LIMIT);
    }

    /**
     * A review came in: at or below {@code lowRating} it is {@link ReviewState#NEW} in customer
     * service's queue, else {@link ReviewState#NOTED}. The same review again changes nothing; a
     * review id the store used for another order is refused.
     */
    public static Change<Review> received(
            Optional<Review> current, String storeId, Posted posted, int lowRating, Instant at) {
        String orderId = orderOf(storeId, posted);
        if (current.isPresent()) {
            if (current.get().orderId().equals(orderId)) {
                return Change.none();
            }
            throw new StepConflict(
                    "review-id",
                    null,
                    "Review " + posted.reviewId() + " belongs to order "
                            + current.get().orderId() + ".");
        }
        if (posted.rating() == null || posted.rating() < 1 || posted.rating() > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5.");
        }
        String text = Texts.optional(posted.text(), "text", TEXT_LIMIT);
        String nick = Texts.optional(posted.buyerNick(), "buyerNick", Complaint.NICK_LIMIT);
        List<String> images = posted.images() == null ? List.of() : posted.images();
        if (images.size() > IMAGE_LIMIT) {
            throw new IllegalArgumentException("images are at most " + IMAGE_LIMIT + " links.");
        }
        List<String> links = images.stream()
                .map(link -> Texts.required(link, "each image", Texts.NOTE_LIMIT))
                .toList();
        int rating = posted.rating();
        boolean low = rating <= lowRating;
        String reviewId = posted.reviewId().strip();
        return Change.of(new Review(
                idOf(storeId, reviewId),
                storeId,
                reviewId,
                orderId,
                nick,
                rating,
                text,
                links,
                posted.createdAt(),
                at,
                low,
                low ? ReviewState.NEW : ReviewState.NOTED,
                List.of(),
                null,
                List.of(new Entry(at, "RECEIVED", BUYER, rating + " of 5" + (low ? ": low, to customer service" : ""))),
                null,
                null));
    }

    /** Customer service talked to the buyer about the review. */
    public Change<Review> contact(Contact contact) {
        Contact recorded = Contacts.checked(contact, contacts);
        List<Contact> more = new ArrayList<>(contacts);
        more.add(recorded);
        return Change.of(
                moved(ReviewCommand.CONTACT, contact.at(), contact.by(), Contacts.detail(recorded), more, reply));
    }

    /**
     * Customer service writes the seller's reply, announced with {@link ReviewReplied}; where the
     * {@code storefrontPosts} the store's replies, it is to be posted there from now on (due at
     * once). Once: the same reply by the same person again (a retry) changes nothing; any other
     * reply after it is refused.
     */
    public Change<Review> reply(String text, String by, Instant at, boolean storefrontPosts) {
        String written = Texts.required(text, "reply", Texts.NOTE_LIMIT);
        if (reply != null && reply.text().equals(written) && reply.by().equals(by)) {
            return Change.none();
        }
        Reply posted = new Reply(written, by, at, storefrontPosts ? ReplyPosting.TO_POST : null);
        return Change.of(
                moved(ReviewCommand.REPLY, at, by, written, contacts, posted),
                new ReviewReplied(orderId, storeId, reviewId, written, by, at));
    }

    /**
     * The storefront posted the reply under the review, with its reference for it. Once: a reply
     * posted, refused or not to be posted changes nothing.
     */
    public Change<Review> replyPosted(String reference, Instant at) {
        return posting()
                .map(posting -> {
                    String ref = Texts.required(reference, "reference", Texts.NOTE_LIMIT);
                    return Change.of(withPosting(
                            new ReplyPosting(posting.attempts(), null, null, ref, at, null),
                            new Entry(at, "REPLY_POSTED", STOREFRONT, ref)));
                })
                .orElseGet(Change::none);
    }

    /**
     * An attempt to post the reply failed (a timeout, the storefront down): noted, and tried again
     * at {@code retryAt} with the same idempotency key, so that a reply the storefront did post is
     * never posted twice. Only the first failure goes on the timeline; later ones only count, so an
     * outage cannot grow the review.
     */
    public Change<Review> replyPostFailed(String failure, Instant retryAt, Instant at) {
        return posting()
                .map(posting -> Change.of(withPosting(
                        new ReplyPosting(posting.attempts() + 1, noted(failure), retryAt, null, null, null),
                        posting.attempts() == 0
                                ? new Entry(at, "REPLY_POST_FAILED", STOREFRONT, noted(failure))
                                : null)))
                .orElseGet(Change::none);
    }

    /**
     * The storefront refused the reply for good (its words, a review it will not take a reply on, a
     * wrong app key): asking again the same way will not post it, so it is not retried. The review
     * stays {@link ReviewState#REPLIED}; the refusal shows on it and its timeline, for customer
     * service to post the reply in the marketplace's back office.
     */
    public Change<Review> replyRefused(String failure, Instant at) {
        return posting()
                .map(posting -> Change.of(withPosting(
                        new ReplyPosting(posting.attempts() + 1, noted(failure), null, null, null, at),
                        new Entry(at, "REPLY_REFUSED", STOREFRONT, noted(failure)))))
                .orElseGet(Change::none);
    }

    /** How posting the reply goes, while it is still to be posted. */
    private Optional<ReplyPosting> posting() {
        return Optional.ofNullable(reply).map(Reply::posting).filter(ReplyPosting::waiting);
    }

    private static String noted(String failure) {
        return Texts.cut(failure, Texts.NOTE_LIMIT);
    }

    private Review moved(
            ReviewCommand command, Instant at, String by, String detail, List<Contact> newContacts, Reply newReply) {
        return with(
                ReviewLifecycle.next(state, command), newContacts, newReply, new Entry(at, command.name(), by, detail));
    }

    /** The review with its reply's posting moved on, and {@code step} on its timeline (none when null). */
    private Review withPosting(ReplyPosting posting, Entry step) {
        return with(state, contacts, reply.with(posting), step);
    }

    private Review with(ReviewState next, List<Contact> newContacts, Reply newReply, Entry step) {
        List<Entry> steps = new ArrayList<>(timeline);
        if (step != null) {
            steps.add(step);
        }
        return new Review(
                id,
                storeId,
                reviewId,
                orderId,
                buyerNick,
                rating,
                text,
                images,
                createdAt,
                receivedAt,
                low,
                next,
                newContacts,
                newReply,
                steps,
                null,
                null);
    }
}
