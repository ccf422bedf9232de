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
 * seller's reply to post under the review, once ({@link ReviewReplied}, the hand-off to the
 * storefront). Every step is on its timeline (who, when, what).
 *
 * @param id         {@code <store>:<reviewId>}: the same review again changes nothing
 * @param reviewId   the storefront's own review id
 * @param orderId    the StoreOps order id, {@code <store>:<order number>}
 * @param buyerNick  the buyer's nickname on the marketplace (旺旺), as the storefront shows it
 * @param createdAt  when the buyer wrote it, as the storefront says (null when it did not)
 * @param receivedAt when the desk received it: the queue is worked from the longest waiting
 * @param low        whether the rating was at or below the store's low rating when it came in
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
        Instant lastStepAt) {

    /** The seller's reply, to be posted under the review: written once, by whom and when. */
    public record Reply(String text, String by, Instant at) {}

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

    static final int ID_LIMIT = 64;
    static final int TEXT_LIMIT = 2000;
    static final int IMAGE_LIMIT = 20;

    public Review {
        images = images == null ? List.of() : List.copyOf(images);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
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
     * Customer service writes the seller's reply, announced with {@link ReviewReplied} for the
     * storefront to post. Once: the same reply by the same person again (a retry) changes nothing;
     * any other reply after it is refused.
     */
    public Change<Review> reply(String text, String by, Instant at) {
        String written = Texts.required(text, "reply", Texts.NOTE_LIMIT);
        if (reply != null && reply.text().equals(written) && reply.by().equals(by)) {
            return Change.none();
        }
        Reply posted = new Reply(written, by, at);
        return Change.of(
                moved(ReviewCommand.REPLY, at, by, written, contacts, posted),
                new ReviewReplied(orderId, storeId, reviewId, written, by, at));
    }

    private Review moved(
            ReviewCommand command, Instant at, String by, String detail, List<Contact> newContacts, Reply newReply) {
        ReviewState next = ReviewLifecycle.next(state, command);
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, command.name(), by, detail));
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
                null);
    }
}
