package io.storeops.console.aftersale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The after-sale desk as refund-service's API answers it (and the order's lines as order-service
 * answers them), in the parts the console's pages show. A tolerant reader: fields the pages do not
 * use are ignored, so the services may add to their answers without breaking the console.
 */
public final class AfterSaleModel {

    private AfterSaleModel() {}

    static final List<String> TYPES = List.of("REFUND_ONLY", "RETURN_AND_REFUND", "EXCHANGE");

    static final List<String> STATES = List.of(
            "REQUESTED",
            "REJECTED",
            "NEGOTIATING",
            "AWAITING_RETURN",
            "REFUNDING",
            "PAYOUT_REFUSED",
            "REPLACING",
            "COMPLETED",
            "CLOSED");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(long amountMinor, String currency) {}

    /** A marketplace timer on a case: who must act by when (ANSWER, SHIP_RETURN, CONFIRM_RECEIPT). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deadline(String kind, Instant dueAt) {

        /** How long is left from {@code now}; negative once it has run out (the service's timer acts soon). */
        public Duration left(Instant now) {
            return Duration.between(now, dueAt);
        }

        public boolean isOverdue(Instant now) {
            return !dueAt.isAfter(now);
        }
    }

    /** A case in a queue: enough to pick it, its order and how long it has. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseSummary(
            String orderId,
            String caseId,
            String type,
            String state,
            String reason,
            String source,
            Money amount,
            Instant openedAt,
            Instant lastStepAt,
            String decidedBy,
            Deadline deadline) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CasePage(List<CaseSummary> cases, String nextCursor) {

        public CasePage {
            cases = cases == null ? List.of() : cases;
        }
    }

    /** Part of one order line a case gives back: units and money (minor units). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseLine(int lineIndex, int quantity, long amountMinor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String channel, String offered, String buyerAnswer, String by, Instant at) {}

    /** The decision: a supervisor's, or automatic (a marketplace timer, the store's policy, a cancellation). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(boolean approved, String by, Instant at, boolean automatic, String note) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(Instant at, String what, String by, String detail) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payout(int attempts, String lastFailure, Instant retryAt, String reference, String confirmedBy) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemQuantity(String sku, int quantity) {}

    /** One case as refund-service answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RefundCase(
            String caseId,
            String type,
            String state,
            String reason,
            boolean goodsReceived,
            List<CaseLine> lines,
            long shippingMinor,
            List<String> evidence,
            String source,
            String openedBy,
            Instant openedAt,
            List<Contact> contacts,
            Decision decision,
            String returnTracking,
            List<TimelineEntry> timeline,
            Payout payout,
            List<ItemQuantity> returned,
            Deadline deadline) {

        public RefundCase {
            lines = lines == null ? List.of() : lines;
            evidence = evidence == null ? List.of() : evidence;
            contacts = contacts == null ? List.of() : contacts;
            timeline = timeline == null ? List.of() : timeline;
            returned = returned == null ? List.of() : returned;
        }

        /** What the case gives back in all, in minor units: its lines and shipping. */
        public long amountMinor() {
            return lines.stream().mapToLong(CaseLine::amountMinor).sum() + shippingMinor;
        }
    }

    /**
     * A case with its order, as {@code GET /api/refunds/{caseId}} and every step answer it: the
     * currency of its amounts, the {@code steps} (route names) the signed-in person may take on it
     * now, by their role and the case's state, and of those the decisions four-eyes keeps from them
     * ({@code heldBack}: they worked on the case). The service decides both; a page shows exactly them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseView(
            String orderId,
            String storeId,
            String currency,
            RefundCase refundCase,
            List<String> steps,
            List<String> heldBack) {

        public CaseView {
            steps = steps == null ? List.of() : steps;
            heldBack = heldBack == null ? List.of() : heldBack;
        }
    }

    /** One order line in the ledger: what it cost, was paid back, is held by approved cases, and what is left. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LedgerLine(
            int lineIndex,
            String sku,
            String title,
            int quantity,
            Money paid,
            Money refunded,
            Money held,
            Money left,
            int unitsLeft) {}

    /** What an order paid, what was paid back and what may still be refunded, in all and per line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ledger(
            String orderId, String storeId, Money paid, Money refunded, Money refundable, List<LedgerLine> lines) {

        public Ledger {
            lines = lines == null ? List.of() : lines;
        }

        /** The line {@code lineIndex} (from 0), null when the ledger does not have it. */
        public LedgerLine line(int lineIndex) {
            return lines.stream()
                    .filter(line -> line.lineIndex() == lineIndex)
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * A store's after-sale terms as the case forms need them ({@code GET /api/after-sale-desk/terms/{storeId}}):
     * the reasons customer service picks from (empty: any text), the amount below which refund-only
     * requests are approved at once (0: never), and whether a gateway pays refunds.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terms(
            String storeId,
            String currency,
            List<String> reasonCodes,
            long autoApproveBelowMinor,
            boolean paysThroughGateway) {

        public Terms {
            reasonCodes = reasonCodes == null ? List.of() : reasonCodes;
        }

        public boolean hasReasonCodes() {
            return !reasonCodes.isEmpty();
        }

        public boolean approvesAtOnce() {
            return autoApproveBelowMinor > 0;
        }
    }

    /** An order line as order-service answers it: what the case's line indexes name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderLine(String sku, String title, int quantity, Money unitPrice) {}

    /** The order a case is about, in the parts the after-sale pages show (order-service's order route). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(
            String orderId,
            String storeId,
            String externalOrderId,
            String status,
            List<OrderLine> lines,
            Money shippingFee,
            Money total) {

        public Order {
            lines = lines == null ? List.of() : lines;
        }

        public OrderLine line(int index) {
            return index >= 0 && index < lines.size() ? lines.get(index) : null;
        }
    }

    /**
     * One item of the buyer's evidence: a note, or a link (an image link marked as a photo). Only
     * http and https links are links; anything else is shown as text.
     */
    public record Evidence(String text, boolean link, boolean image) {

        private static final List<String> IMAGE_ENDINGS =
                List.of(".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".bmp");

        public static Evidence of(String item) {
            String text = item == null ? "" : item.strip();
            String lower = text.toLowerCase(Locale.ROOT);
            boolean link = (lower.startsWith("https://") || lower.startsWith("http://")) && !text.contains(" ");
            if (!link) {
                return new Evidence(text, false, false);
            }
            String path = lower.replaceFirst("[?#].*$", "");
            return new Evidence(text, true, IMAGE_ENDINGS.stream().anyMatch(path::endsWith));
        }
    }
}
