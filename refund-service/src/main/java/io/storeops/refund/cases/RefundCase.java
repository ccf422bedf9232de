package io.storeops.refund.cases;

import io.storeops.contracts.ItemQuantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One after-sale case of an order: what the buyer asks for, per line and for shipping, why, and
 * how it went — each contact customer service had with the buyer, the supervisor's decision, the
 * return's tracking number, and a timeline of every step (who, when, what).
 *
 * @param source        where it came from: CS (entered for the buyer), STOREFRONT, SHOPIFY, CANCELLATION
 * @param goodsReceived whether the buyer has the goods (decides between the refund-only kinds)
 * @param evidence      the buyer's notes and image links
 * @param payout        the payment back to the buyer, once the case is refunding
 * @param returned      the units of a return that arrived at the warehouse so far, per SKU
 * @param deadline      the marketplace timer running on the case's current step, if the store has one
 */
public record RefundCase(
        String caseId,
        CaseType type,
        CaseState state,
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
        List<Entry> timeline,
        Payout payout,
        List<ItemQuantity> returned,
        Deadline deadline) {

    /**
     * How paying the buyer back goes: attempts made, the latest failure and when to try again, and
     * the payment's reference once confirmed (the gateway's, or the back office's, noted by staff).
     *
     * @param round       the payout's round: a supervisor's retry of a payout refused for good starts a
     *     new one, asked with a key of its own
     * @param mayHavePaid whether an attempt of this round failed without the gateway saying no (no
     *     answer in time, an error): the money may have left, so only that round's key may ask again
     */
    public record Payout(
            int attempts,
            String lastFailure,
            Instant retryAt,
            String reference,
            String confirmedBy,
            int round,
            boolean mayHavePaid) {

        /** This payout after one more attempt that failed with {@code failure}. */
        Payout failed(String failure, Instant nextTry, boolean refused) {
            return new Payout(attempts + 1, failure, nextTry, null, null, round, mayHavePaid || !refused);
        }

        /** This payout, confirmed with {@code paymentReference}. */
        Payout confirmed(String paymentReference, String by) {
            return new Payout(attempts, null, null, paymentReference, by, round, false);
        }

        /**
         * This payout asked again after a refusal: in a new round when every attempt of this one was
         * refused (nothing can have been paid), else under this round's key, which finds a payment
         * the gateway did make.
         */
        Payout retried() {
            return new Payout(attempts, null, null, null, null, mayHavePaid ? round : round + 1, mayHavePaid);
        }
    }

    /** Before any attempt. */
    private static final Payout NOT_TRIED = new Payout(0, null, null, null, null, 0, false);

    /** How paying this case back stands, or has not started. */
    Payout payoutSoFar() {
        return payout == null ? NOT_TRIED : payout;
    }

    /** A contact customer service had with the buyer: how, what was offered, what the buyer said. */
    public record Contact(String channel, String offered, String buyerAnswer, String by, Instant at) {}

    /** The supervisor's (or a timer's, or the store policy's) decision. */
    public record Decision(boolean approved, String by, Instant at, boolean automatic, String note) {}

    /** One step of the case: when, what, by whom, and a word on it. */
    public record Entry(Instant at, String what, String by, String detail) {}

    public RefundCase {
        lines = lines == null ? List.of() : List.copyOf(lines);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        returned = returned == null ? List.of() : List.copyOf(returned);
    }

    /** What the case gives back in all, in minor units. */
    public long amountMinor() {
        return lines.stream().mapToLong(CaseLine::amountMinor).sum() + shippingMinor;
    }

    /**
     * Whether {@code username} opened the case, talked to the buyer about it or revised it: they
     * may not decide it.
     */
    public boolean workedOnBy(String username) {
        return username.equals(openedBy)
                || contacts.stream().anyMatch(contact -> contact.by().equals(username))
                || timeline.stream()
                        .anyMatch(
                                entry -> entry.what().equals(CaseCommand.REVISE.name()) && username.equals(entry.by()));
    }

    /**
     * The idempotency key of the case's payout on order {@code orderId}: every attempt of a round
     * asks with the same key, so a retry after a timeout never pays twice; a supervisor's retry of a
     * payout refused at every attempt starts a new round ({@link Payout#retried}). The key names
     * the order too: a storefront's refund ids are unique per store, not everywhere.
     */
    public String payoutKey(String orderId) {
        int round = payoutSoFar().round();
        return orderId + "/" + caseId + (round == 0 ? "" : "#" + (round + 1));
    }

    /**
     * Whether {@code request} is the entry that opened this case, as a retry would send it again:
     * the same type, source, evidence and whether the buyer has the goods, and, until a revision or
     * a settlement changed them, the same reason, lines and shipping.
     */
    boolean isEntry(AfterSale.Request request) {
        boolean changedSince = logged(CaseCommand.REVISE.name()) || logged(CaseCommand.SETTLE.name());
        return isKindOf(request)
                && evidence.equals(request.evidence().stream()
                        .map(item -> item == null ? null : item.strip())
                        .toList())
                && (changedSince || asks(request));
    }

    /** Whether {@code request} is of this case's kind: its type, source, and whether the buyer has the goods. */
    boolean isKindOf(AfterSale.Request request) {
        return type == request.type() && goodsReceived == request.goodsReceived() && source.equals(request.source());
    }

    /** Whether the case asks now what {@code request} asks: the reason, the lines and shipping. */
    boolean asks(AfterSale.Request request) {
        return reason.equals(request.reason() == null ? null : request.reason().strip())
                && lines.equals(request.lines())
                && shippingMinor == request.shippingMinor();
    }

    /**
     * The case a payout's idempotency key ({@link #payoutKey}) was made for: what a gateway's own
     * record of the payment names.
     */
    public static Optional<String> caseOfPayoutKey(String payoutKey) {
        int slash = payoutKey == null ? -1 : payoutKey.indexOf('/');
        if (slash < 0 || slash == payoutKey.length() - 1) {
            return Optional.empty();
        }
        String caseAndRound = payoutKey.substring(slash + 1);
        int round = caseAndRound.lastIndexOf('#');
        return Optional.of(round < 0 ? caseAndRound : caseAndRound.substring(0, round));
    }

    /** On a case whose return came in short (or empty: a box with nothing in it): a supervisor settles it. */
    static final String RETURN_ARRIVED_IN_PART = "RETURN_ARRIVED_IN_PART";

    /**
     * Whether the warehouse received the return, whatever was in it: then no timer pays or closes
     * the case any more.
     */
    private static boolean returnArrived(List<ItemQuantity> returned, List<Entry> timeline) {
        return !returned.isEmpty()
                || timeline.stream().anyMatch(entry -> entry.what().equals(RETURN_ARRIVED_IN_PART));
    }

    /** Whether the timeline has a step {@code what}. */
    boolean logged(String what) {
        return timeline.stream().anyMatch(entry -> entry.what().equals(what));
    }

    RefundCase moved(CaseCommand command, Instant at, String by, String detail) {
        CaseState next = CaseLifecycle.next(type, state, command);
        return edit(draft -> {
            draft.state = next;
            draft.log(at, command.name(), by, detail);
        });
    }

    /**
     * This case with the deadline of its current step: a new one when the step has none yet (or
     * {@code restart}, as a revised request restarts the seller's time to answer), else the one it has.
     */
    RefundCase timed(AfterSalePolicy policy, Instant at, boolean restart) {
        Deadline.Kind running = Deadline.Kind.runningIn(state, returnTracking, returnArrived(returned, timeline));
        if (running == null || (deadline != null && !restart)) {
            return this;
        }
        return edit(draft -> draft.deadline = policy.deadline(running, at).orElse(null));
    }

    /** A copy of this case with {@code changes} applied. */
    RefundCase edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return draft.build();
    }

    /** What a step may change; the case's identity, type, source and opening never change. */
    static final class Draft {
        private final RefundCase from;
        CaseState state;
        String reason;
        List<CaseLine> lines;
        long shippingMinor;
        List<Contact> contacts;
        Decision decision;
        String returnTracking;
        Payout payout;
        List<ItemQuantity> returned;
        Deadline deadline;
        private final List<Entry> timeline;

        private Draft(RefundCase from) {
            this.from = from;
            state = from.state;
            reason = from.reason;
            lines = from.lines;
            shippingMinor = from.shippingMinor;
            contacts = from.contacts;
            decision = from.decision;
            returnTracking = from.returnTracking;
            payout = from.payout;
            returned = from.returned;
            deadline = from.deadline;
            timeline = new ArrayList<>(from.timeline);
        }

        void log(Instant at, String what, String by, String detail) {
            timeline.add(new Entry(at, what, by, detail));
        }

        void contact(Contact contact) {
            List<Contact> more = new ArrayList<>(contacts);
            more.add(contact);
            contacts = more;
        }

        /** The case as edited; a deadline of a step the case has left ends with it. */
        private RefundCase build() {
            boolean stepLeft = deadline != null
                    && deadline.kind()
                            != Deadline.Kind.runningIn(state, returnTracking, returnArrived(returned, timeline));
            return new RefundCase(
                    from.caseId,
                    from.type,
                    state,
                    reason,
                    from.goodsReceived,
                    lines,
                    shippingMinor,
                    from.evidence,
                    from.source,
                    from.openedBy,
                    from.openedAt,
                    contacts,
                    decision,
                    returnTracking,
                    timeline,
                    payout,
                    returned,
                    stepLeft ? null : deadline);
        }
    }
}
