package io.storeops.console.aftersale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.storeops.console.aftersale.AfterSaleModel.Contact;
import io.storeops.console.aftersale.AfterSaleModel.Evidence;
import io.storeops.console.aftersale.AfterSaleModel.Money;
import io.storeops.console.aftersale.AfterSaleModel.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * The complaints and reviews desk as refund-service's API answers it ({@code /api/complaints},
 * {@code /api/reviews}), in the parts the console's pages show. A tolerant reader: fields the
 * pages do not use are ignored, so the service may add to its answers without breaking the console.
 * The steps a page offers are the view's {@code steps}, which the service decides by the person's
 * role and the record's state; the console keeps no rule of its own about them.
 */
public final class ComplaintModel {

    private ComplaintModel() {}

    /** How the buyer complained or was talked to (the service's {@code ContactChannel}). */
    static final List<String> CHANNELS = List.of("PHONE", "CHAT", "EMAIL", "MARKETPLACE");

    /** What a complaint is about. */
    static final List<String> CATEGORIES = List.of("LOGISTICS", "QUALITY", "SERVICE", "OTHER");

    /** How a complaint is resolved ({@code REFUND_CASE} names a case of the order). */
    static final List<String> OUTCOMES = List.of("APOLOGY", "COMPENSATION", "REFUND_CASE", "NO_ACTION");

    /**
     * A complaint or review as answered to the signed-in person: the {@code steps} (route names)
     * they may take on it now (none when the answer has no steps).
     */
    public interface Offering {

        List<String> steps();

        /** Whether the page offers {@code step} (a route's last part, e.g. {@code reply}): the service offers it. */
        default boolean offers(String step) {
            return steps().contains(step);
        }

        /** Whether the person is offered any step (the page shows its actions then). */
        default boolean offersAny() {
            return !steps().isEmpty();
        }
    }

    /** A refund case of the order a complaint or review is about. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefundCaseLink(String caseId, String type, String state, Money amount) {}

    /**
     * What the desk knows of the order a complaint or review is about (旺旺反查): the storefront's
     * order number, what was paid and when, and the refund cases opened on it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderContext(
            String orderId, String externalOrderId, Instant paidAt, Money paid, List<RefundCaseLink> refundCases) {

        public OrderContext {
            refundCases = refundCases == null ? List.of() : refundCases;
        }
    }

    /** How a complaint was resolved, by whom and when; the refund case it led to, for {@code REFUND_CASE}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolution(String outcome, String note, String refundCaseId, String by, Instant at) {}

    /** A buyer's complaint about an order, with its contacts, resolution and timeline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaint(
            String complaintId,
            String storeId,
            String orderId,
            String channel,
            String category,
            String description,
            String buyerNick,
            String state,
            String openedBy,
            Instant openedAt,
            List<Contact> contacts,
            Resolution resolution,
            List<TimelineEntry> timeline,
            Instant lastStepAt) {

        public Complaint {
            contacts = contacts == null ? List.of() : contacts;
            timeline = timeline == null ? List.of() : timeline;
        }
    }

    /**
     * A complaint with its order, as {@code GET /api/complaints/{id}} and every step answer it, and
     * the steps the signed-in person may take on it now ({@code contacts}, {@code resolution},
     * {@code withdrawal}; none once it has ended, or for who only looks on).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintView(Complaint complaint, OrderContext order, List<String> steps) implements Offering {

        public ComplaintView {
            steps = steps == null ? List.of() : steps;
        }
    }

    /** A complaint in a list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintSummary(
            String complaintId,
            String orderId,
            String buyerNick,
            String channel,
            String category,
            String state,
            String outcome,
            String openedBy,
            Instant openedAt,
            Instant lastStepAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComplaintPage(List<ComplaintSummary> complaints, String nextCursor) {

        public ComplaintPage {
            complaints = complaints == null ? List.of() : complaints;
        }
    }

    /**
     * The seller's reply under a review: written once, by whom and when, and how posting it on the
     * storefront goes ({@code posting}: null where the store's staff post it by hand).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reply(String text, String by, Instant at, ReplyPosting posting) {}

    /**
     * How posting a reply on the storefront goes: the attempts that did not post it, the latest
     * failure and when it is tried again; the storefront's reference and when, once posted; when the
     * storefront refused it for good.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReplyPosting(
            int attempts, String lastFailure, Instant retryAt, String reference, Instant postedAt, Instant refusedAt) {

        /** Neither posted nor refused: StoreOps posts it, or tries again. */
        public boolean waiting() {
            return postedAt == null && refusedAt == null;
        }
    }

    /** A buyer's review of an order, with its contacts, the seller's reply and the timeline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
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
            String state,
            List<Contact> contacts,
            Reply reply,
            List<TimelineEntry> timeline,
            Instant lastStepAt) {

        public Review {
            images = images == null ? List.of() : images;
            contacts = contacts == null ? List.of() : contacts;
            timeline = timeline == null ? List.of() : timeline;
        }

        /**
         * The buyer's images as links to open (the content security policy shows no outside
         * images on the console's pages); anything that is not a web address is shown as text.
         */
        public List<Evidence> imageLinks() {
            return images.stream().map(Evidence::of).toList();
        }

        public String stars() {
            return ComplaintModel.stars(rating);
        }
    }

    /**
     * A review with its order, as {@code GET /api/reviews/{id}} and every step answer it, and the
     * steps the signed-in person may take on it now ({@code contacts}, {@code reply}; the reply only
     * until it is written).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewView(Review review, OrderContext order, List<String> steps) implements Offering {

        public ReviewView {
            steps = steps == null ? List.of() : steps;
        }
    }

    /** A review in a list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewSummary(
            String id,
            String reviewId,
            String orderId,
            String buyerNick,
            int rating,
            boolean low,
            String state,
            String text,
            Instant receivedAt,
            Instant lastStepAt,
            String repliedBy) {

        public String stars() {
            return ComplaintModel.stars(rating);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewPage(List<ReviewSummary> reviews, String nextCursor) {

        public ReviewPage {
            reviews = reviews == null ? List.of() : reviews;
        }
    }

    /** A rating as stars: {@code ★★☆☆☆} for 2 of 5 (out of range shows what is in range). */
    public static String stars(int rating) {
        int shown = Math.max(0, Math.min(5, rating));
        return "★".repeat(shown) + "☆".repeat(5 - shown);
    }
}
