package io.storeops.refund.complaints;

import io.storeops.contracts.events.refund.ComplaintOpened;
import io.storeops.contracts.events.refund.ComplaintResolved;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A buyer's complaint (受理投诉) about an order of a store, taken by customer service: how the
 * buyer complained, what about, each contact about it, and how it ended — resolved with an
 * outcome (an apology, a compensation, a refund case, nothing) or withdrawn. Every step is on its
 * timeline (who, when, what).
 *
 * @param complaintId {@code cp-<Idempotency-Key>} (or a random one): a retried entry opens one complaint
 * @param orderId     the StoreOps order id, {@code <store>:<order number>}
 * @param buyerNick   the buyer's nickname on the marketplace (旺旺), when customer service noted it
 * @param lastStepAt  when it last moved; derived from the timeline, stored so that lists show news first
 */
public record Complaint(
        String complaintId,
        String storeId,
        String orderId,
        ContactChannel channel,
        ComplaintCategory category,
        String description,
        String buyerNick,
        ComplaintState state,
        String openedBy,
        Instant openedAt,
        List<Contact> contacts,
        Resolution resolution,
        List<Entry> timeline,
        Instant lastStepAt) {

    /** How the complaint was resolved, by whom and when; the refund case it led to, for {@code REFUND_CASE}. */
    public record Resolution(ComplaintOutcome outcome, String note, String refundCaseId, String by, Instant at) {}

    /** What customer service takes down when the buyer complains. */
    public record Opening(
            String orderId, ContactChannel channel, ComplaintCategory category, String description, String buyerNick) {}

    /** The outcome of a withdrawal, as {@link ComplaintResolved} announces it. */
    public static final String WITHDRAWN = "WITHDRAWN";

    static final int NICK_LIMIT = 64;

    public Complaint {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        lastStepAt = timeline.stream().map(Entry::at).max(Instant::compareTo).orElse(openedAt);
    }

    /**
     * Customer service takes a complaint about the order {@code orderId} of {@code storeId},
     * announced with {@link ComplaintOpened}. The same id again for the same order changes
     * nothing (a retried entry); for another order it is refused.
     */
    public static Change<Complaint> open(
            Optional<Complaint> current, String complaintId, String storeId, Opening opening, String by, Instant at) {
        if (current.isPresent()) {
            if (current.get().orderId().equals(opening.orderId())) {
                return Change.none();
            }
            throw new StepConflict(
                    "complaint-id",
                    null,
                    "The Idempotency-Key was used for a complaint about another order: use a new key.");
        }
        ContactChannel channel = Texts.required(opening.channel(), "channel", ContactChannel.class);
        ComplaintCategory category = Texts.required(opening.category(), "category", ComplaintCategory.class);
        String description = Texts.required(opening.description(), "description", Texts.NOTE_LIMIT);
        String nick = Texts.optional(opening.buyerNick(), "buyerNick", NICK_LIMIT);
        Complaint opened = new Complaint(
                complaintId,
                storeId,
                opening.orderId(),
                channel,
                category,
                description,
                nick,
                ComplaintState.OPEN,
                by,
                at,
                List.of(),
                null,
                List.of(new Entry(at, "OPENED", by, channel + " · " + category + ": " + description)),
                null);
        return Change.of(
                opened,
                new ComplaintOpened(opening.orderId(), storeId, complaintId, channel.name(), category.name(), by, at));
    }

    /** Customer service talked to the buyer: the complaint is in progress. */
    public Change<Complaint> contact(Contact contact) {
        Contact recorded = Contacts.checked(contact, contacts);
        return Change.of(
                moved(ComplaintCommand.CONTACT, contact.at(), contact.by(), Contacts.detail(recorded), draft -> {
                    List<Contact> more = new ArrayList<>(draft.contacts);
                    more.add(recorded);
                    draft.contacts = more;
                }));
    }

    /**
     * Resolved with {@code outcome}, saying how ({@code note}), announced with {@link ComplaintResolved}.
     * A {@code REFUND_CASE} outcome names a case of the complaint's order ({@code casesOfTheOrder}).
     */
    public Change<Complaint> resolve(
            ComplaintOutcome outcome,
            String note,
            String refundCaseId,
            Set<String> casesOfTheOrder,
            String by,
            Instant at) {
        ComplaintOutcome how = Texts.required(outcome, "outcome", ComplaintOutcome.class);
        String text = Texts.required(note, "note", Texts.NOTE_LIMIT);
        String caseId = refundCaseId == null || refundCaseId.isBlank() ? null : refundCaseId.strip();
        if (how == ComplaintOutcome.REFUND_CASE && caseId == null) {
            throw new IllegalArgumentException("refundCaseId is required for the outcome REFUND_CASE.");
        }
        if (how != ComplaintOutcome.REFUND_CASE && caseId != null) {
            throw new IllegalArgumentException("refundCaseId goes only with the outcome REFUND_CASE.");
        }
        if (caseId != null && !casesOfTheOrder.contains(caseId)) {
            throw new IllegalArgumentException(
                    "refundCaseId must name a refund case of order " + orderId + ": " + caseId + " is not one.");
        }
        Complaint resolved = moved(
                ComplaintCommand.RESOLVE,
                at,
                by,
                how + (caseId == null ? "" : " " + caseId) + ": " + text,
                draft -> draft.resolution = new Resolution(how, text, caseId, by, at));
        return Change.of(
                resolved,
                new ComplaintResolved(orderId, storeId, complaintId, category.name(), how.name(), caseId, by, at));
    }

    /** The buyer withdrew the complaint; announced with {@link ComplaintResolved} as {@value #WITHDRAWN}. */
    public Change<Complaint> withdraw(String note, String by, Instant at) {
        String why = Texts.optional(note, "note", Texts.NOTE_LIMIT);
        return Change.of(
                moved(ComplaintCommand.WITHDRAW, at, by, why, draft -> {}),
                new ComplaintResolved(orderId, storeId, complaintId, category.name(), WITHDRAWN, null, by, at));
    }

    private Complaint moved(ComplaintCommand command, Instant at, String by, String detail, Consumer<Draft> changes) {
        ComplaintState next = ComplaintLifecycle.next(state, command);
        Draft draft = new Draft(this);
        changes.accept(draft);
        List<Entry> steps = new ArrayList<>(timeline);
        steps.add(new Entry(at, command.name(), by, detail));
        return new Complaint(
                complaintId,
                storeId,
                orderId,
                channel,
                category,
                description,
                buyerNick,
                next,
                openedBy,
                openedAt,
                draft.contacts,
                draft.resolution,
                steps,
                null);
    }

    /** What a step may change. */
    private static final class Draft {
        List<Contact> contacts;
        Resolution resolution;

        Draft(Complaint from) {
            contacts = from.contacts;
            resolution = from.resolution;
        }
    }
}
