package io.storeops.refund.cases;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.contracts.events.refund.ReplacementRequested;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An order's after-sale file (售后): what was paid for it, line by line and for shipping, and every
 * refund, return and exchange case opened on it. One document per order, so each case is checked
 * against what is left in the same write as its change: refunds never exceed what was paid, per
 * line and in all, however many requests and approvals race.
 *
 * <p>An approved case holds its amount until it is paid (or ends unpaid); a request is checked
 * against what is neither paid back nor held when it is made, and again when it is approved.
 *
 * @param externalOrderId the order's id in its storefront, which the storefront's refund call names
 * @param paidAt when the buyer paid; null while the file awaits the payment (see {@link #awaitingPayment})
 * @param parcels the order's parcels as fulfilment reported them
 *
 * @param payoutDueAt when the earliest payout of the file's refunding cases is due (the epoch for
 *     one never tried); null when none is refunding. Derived from the cases, stored so that the
 *     payouts find the files due first
 * @param deadlineDueAt when the earliest marketplace timer of the file's cases runs out; null when
 *     none runs. Derived and stored like {@code payoutDueAt}, so that the timers find the files due
 * @param lastStepAt when a case of the file last moved; null before the first case. Derived and
 *     stored, so that the desk's lists show the files with news first
 */
public record AfterSale(
        String orderId,
        String storeId,
        String externalOrderId,
        String currency,
        Instant paidAt,
        List<PaidLine> lines,
        long shippingPaidMinor,
        long totalPaidMinor,
        List<RefundCase> cases,
        List<Parcel> parcels,
        Instant payoutDueAt,
        Instant deadlineDueAt,
        Instant lastStepAt) {

    /**
     * One line of the paid order: the units and what each cost.
     *
     * @param lineId the storefront's id of the line, when it gave one (its return requests name it)
     */
    public record PaidLine(String sku, String title, int quantity, long unitPriceMinor, String lineId) {

        public long paidMinor() {
            return unitPriceMinor * quantity;
        }
    }

    /**
     * A case to open.
     *
     * @param caseId the storefront's refund id, or one StoreOps made: the same id again opens nothing
     * @param source CS, STOREFRONT, SHOPIFY or CANCELLATION
     */
    public record Request(
            String caseId,
            CaseType type,
            String reason,
            boolean goodsReceived,
            List<CaseLine> lines,
            long shippingMinor,
            List<String> evidence,
            String source) {

        public Request {
            lines = lines == null ? List.of() : List.copyOf(lines);
            evidence = evidence == null
                    ? List.of()
                    : Collections.unmodifiableList(new ArrayList<>(evidence)); // items checked on request
        }
    }

    static final int NOTE_LIMIT = 500;
    static final int CONTACT_LIMIT = 100;
    static final int EVIDENCE_LIMIT = 20;

    public AfterSale {
        lines = lines == null ? List.of() : List.copyOf(lines);
        cases = cases == null ? List.of() : List.copyOf(cases);
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
        payoutDueAt = cases.stream()
                .filter(refund -> refund.state() == CaseState.REFUNDING)
                .map(refund -> refund.payout() == null || refund.payout().retryAt() == null
                        ? Instant.EPOCH
                        : refund.payout().retryAt())
                .min(Instant::compareTo)
                .orElse(null);
        deadlineDueAt = cases.stream()
                .map(RefundCase::deadline)
                .filter(Objects::nonNull)
                .map(Deadline::dueAt)
                .min(Instant::compareTo)
                .orElse(null);
        lastStepAt = cases.stream()
                .flatMap(refund -> refund.timeline().stream())
                .map(RefundCase.Entry::at)
                .max(Instant::compareTo)
                .orElse(null);
    }

    /**
     * The file of an order whose parcel fulfilment reported before the payment reached the desk (the
     * two come on different topics): it only keeps the parcels, for the file {@link #open} makes of
     * it, and is no paid order's file until then.
     */
    static AfterSale awaitingPayment(String orderId, String storeId) {
        return new AfterSale(
                orderId, storeId, null, null, null, List.of(), 0, 0, List.of(), List.of(), null, null, null);
    }

    /** Whether the order's payment reached the file: until then it only keeps the order's parcels. */
    boolean isPaid() {
        return paidAt != null;
    }

    /**
     * The order was paid: from now on it may be refunded, up to what was paid. The parcels
     * fulfilment reported before the payment stay on the file.
     */
    public static Change<AfterSale> open(Optional<AfterSale> current, OrderPaid paid) {
        if (current.filter(AfterSale::isPaid).isPresent()) {
            return Change.none();
        }
        return Change.of(new AfterSale(
                paid.orderId(),
                paid.storeId(),
                paid.externalOrderId(),
                paid.total().currency(),
                paid.paidAt(),
                paid.lines().stream().map(AfterSale::paidLine).toList(),
                chargesBeyondTheLines(paid),
                paid.total().amountMinor(),
                List.of(),
                current.map(AfterSale::parcels).orElse(List.of()),
                null,
                null,
                null));
    }

    /**
     * What the buyer paid beyond the lines: the shipping, or more where taxes came on top (a
     * discount makes the total less than lines and shipping; the total's own limit covers that).
     */
    private static long chargesBeyondTheLines(OrderPaid paid) {
        long shipping = paid.shippingFee() == null ? 0 : paid.shippingFee().amountMinor();
        long lines = paid.lines().stream()
                .filter(line -> line.unitPrice() != null)
                .mapToLong(line -> line.lineTotal().amountMinor())
                .sum();
        return Math.max(shipping, paid.total().amountMinor() - lines);
    }

    private static PaidLine paidLine(OrderLine line) {
        return new PaidLine(
                line.sku(),
                line.title(),
                line.quantity(),
                line.unitPrice() == null ? 0 : line.unitPrice().amountMinor(),
                line.lineId());
    }

    public Money paid() {
        return new Money(totalPaidMinor, currency);
    }

    /** Paid back to the buyer so far. */
    public Money refunded() {
        return new Money(sum(cases.stream().filter(refund -> refund.state() == CaseState.COMPLETED)), currency);
    }

    /** What may still be refunded: neither paid back nor held by an approved case. */
    public Money refundable() {
        return new Money(totalPaidMinor - sum(cases.stream().filter(AfterSale::counts)), currency);
    }

    public Optional<RefundCase> find(String caseId) {
        return cases.stream().filter(refund -> refund.caseId().equals(caseId)).findFirst();
    }

    /** Who decides when a marketplace timer runs out. */
    static final String TIMER = "timer";

    /** Who decides a request the store's policy approves at once. */
    static final String STORE_POLICY = "store-policy";

    /**
     * A case is opened: checked against what is left, announced with {@link RefundRequested}, and
     * the seller's time to answer starts. A small refund-only request the store's policy approves
     * at once is approved, marked automatic. The same entry again changes nothing; another entry
     * under the same case id is refused ({@link EntryReused}).
     */
    public Change<AfterSale> request(Request request, String by, Instant at, AfterSalePolicy policy) {
        Optional<RefundCase> entered = find(request.caseId());
        if (entered.isPresent()) {
            if (!entered.get().isEntry(request)) {
                throw new EntryReused(request.caseId());
            }
            return Change.none();
        }
        if (request.type() == null) {
            throw new IllegalArgumentException("type must be REFUND_ONLY, RETURN_AND_REFUND or EXCHANGE.");
        }
        String reason = requiredText(request.reason(), "reason");
        if (CUSTOMER_SERVICE.equals(request.source())) {
            // a storefront's reasons are the marketplace's own: a case it opened is never refused for one
            policy.requireKnownReason(reason);
        }
        if (request.type() == CaseType.EXCHANGE && !goodsLeft()) {
            throw new IllegalArgumentException(
                    "the goods have not left the warehouse: change the order's items " + "instead of exchanging them.");
        }
        if (request.evidence().size() > EVIDENCE_LIMIT) {
            throw new IllegalArgumentException("evidence is at most " + EVIDENCE_LIMIT + " notes or links.");
        }
        List<String> evidence = request.evidence().stream()
                .map(item -> requiredText(item, "each evidence item"))
                .toList();
        requireWhatItsTypeNames(request.type(), request.lines(), request.shippingMinor());
        requireWithinWhatIsLeft(request.lines(), request.shippingMinor(), null);
        RefundCase opened = new RefundCase(
                request.caseId(),
                request.type(),
                CaseState.REQUESTED,
                reason,
                request.goodsReceived(),
                request.lines(),
                request.shippingMinor(),
                evidence,
                request.source(),
                by,
                at,
                List.of(),
                null,
                null,
                List.of(new RefundCase.Entry(at, "REQUESTED", by, reason)),
                null,
                List.of(),
                null);
        List<RefundCase> more = new ArrayList<>(cases);
        more.add(opened.timed(policy, at, false));
        Change<AfterSale> requested = Change.of(withCases(more), requested(opened, at));
        // what the policy approved on this order before counts too: small requests one after another
        // approve no more at once than one would
        long approvedAtOnce = cases.stream()
                .filter(AfterSale::counts)
                .filter(refund -> refund.decision() != null
                        && STORE_POLICY.equals(refund.decision().by()))
                .mapToLong(RefundCase::amountMinor)
                .sum();
        Money asked = new Money(approvedAtOnce + opened.amountMinor(), currency);
        if (!policy.approvesAtOnce(request.type(), asked)) {
            return requested;
        }
        return requested.andThen(file -> file.approve(
                request.caseId(),
                STORE_POLICY,
                true,
                "below the store's limit for approval at once (" + shown(policy.autoApproveBelowMinor()) + ")",
                at,
                policy));
    }

    /**
     * The buyer's request as the storefront sends it: a new case, the same request again (nothing
     * changes), or the buyer's modification of a request still open (修改申请), which revises it.
     * Another request under a case id that cannot be revised any more is refused.
     */
    public Change<AfterSale> requestedInStorefront(Request request, Instant at, AfterSalePolicy policy) {
        Optional<RefundCase> known = find(request.caseId());
        if (known.isEmpty()) {
            return request(request, BUYER, at, policy);
        }
        RefundCase refund = known.get();
        if (refund.isKindOf(request) && refund.asks(request)) {
            return Change.none();
        }
        if (!refund.isKindOf(request) || !CaseLifecycle.takes(refund.type(), refund.state(), CaseCommand.REVISE)) {
            throw new EntryReused(request.caseId());
        }
        return revise(request.caseId(), request.reason(), request.lines(), request.shippingMinor(), BUYER, at, policy);
    }

    /** Where a case entered by customer service for the buyer comes from. */
    public static final String CUSTOMER_SERVICE = "CS";

    /** Where a case the buyer opened on the native storefront comes from. */
    public static final String STOREFRONT = "STOREFRONT";

    /** Where a refund made in Shopify's admin comes from. */
    public static final String SHOPIFY = "SHOPIFY";

    /**
     * A line of a refund the storefront made, named as the storefront names it: by its line id when
     * it gives one, else by SKU, or title without one.
     */
    public record StorefrontLine(String lineId, String sku, String title, int quantity, long amountMinor) {}

    /**
     * The storefront already paid the buyer back (a refund made in Shopify's admin). When a case
     * being paid back (or whose payout the gateway refused) asks exactly that amount, staff paid it
     * there: it completes, with the storefront's refund as its reference. Otherwise the refund is
     * recorded as a case opened, approved and completed at once, marked automatic, so that the
     * ledger and the sheet know it. Its lines are found by line id (or SKU, or title); what it paid
     * beyond them (shipping, taxes) counts as shipping, and lines that add up to more than it paid
     * are cut to it. Once per refund id.
     *
     * <p>The money has left either way, so a refund beyond what StoreOps has left to refund (approved
     * cases hold it) is recorded too, never refused: as a request for the supervisor, marked
     * {@link #PAID_BEYOND_WHAT_WAS_LEFT}, whose approval records it paid, and the cases being paid
     * back stop for the supervisor ({@code PAYOUT_REFUSED}) so that nothing pays the buyer twice.
     *
     * @param refundedMinor what the storefront paid back in all
     */
    public Change<AfterSale> refundedInStorefront(
            String caseId,
            List<StorefrontLine> refundLines,
            long refundedMinor,
            String reason,
            String source,
            Instant at) {
        if (find(caseId).isPresent()
                || cases.stream()
                        .anyMatch(refund -> refund.payout() != null
                                && caseId.equals(refund.payout().reference()))) {
            return Change.none();
        }
        Optional<RefundCase> paidThere = cases.stream()
                .filter(refund -> CaseLifecycle.takes(refund.type(), refund.state(), CaseCommand.PAID))
                .filter(refund -> refund.amountMinor() == refundedMinor)
                .findFirst();
        if (paidThere.isPresent()) {
            return paid(paidThere.get().caseId(), caseId, source, at);
        }
        // a line refunded from two locations comes as two refund lines: one line of the case
        Map<Integer, CaseLine> byLine = new LinkedHashMap<>();
        for (StorefrontLine line : refundLines) {
            int index = lineIndexOf(line);
            byLine.merge(
                    index,
                    new CaseLine(index, line.quantity(), line.amountMinor()),
                    (one, other) -> new CaseLine(
                            one.lineIndex(),
                            one.quantity() + other.quantity(),
                            one.amountMinor() + other.amountMinor()));
        }
        List<CaseLine> asked = List.copyOf(byLine.values());
        long linesMinor = asked.stream().mapToLong(CaseLine::amountMinor).sum();
        List<CaseLine> paidLines = fittedWithin(asked, refundedMinor);
        long beyondTheLines = Math.max(refundedMinor - linesMinor, 0);
        if (paidLines.isEmpty() && beyondTheLines == 0) {
            return Change.none(); // nothing went back to the buyer (a restock alone): nothing to record
        }
        Request request = new Request(
                caseId,
                CaseType.REFUND_ONLY,
                reason == null || reason.isBlank() ? "refunded in the storefront" : shortened(reason),
                true,
                paidLines,
                beyondTheLines,
                List.of(),
                source);
        try {
            requireWithinWhatIsLeft(request.lines(), request.shippingMinor(), null);
        } catch (NotEnoughLeft beyond) {
            return paidBeyondWhatWasLeft(request, beyond.getMessage(), at);
        }
        return request(request, source, at, AfterSalePolicy.NONE)
                .andThen(file ->
                        file.approve(caseId, source, true, "refunded in the storefront", at, AfterSalePolicy.NONE))
                .andThen(file -> file.paid(caseId, caseId, source, at));
    }

    /** On a case the storefront paid although StoreOps had not that much left: the supervisor reconciles it. */
    static final String PAID_BEYOND_WHAT_WAS_LEFT = "PAID_BEYOND_WHAT_WAS_LEFT";

    /**
     * A storefront refund that does not fit in what is left: kept as a request (which holds nothing)
     * with why, and every case being paid back stopped for the supervisor, who closes what the
     * storefront's refund already paid and approves this one, which records it paid.
     */
    private Change<AfterSale> paidBeyondWhatWasLeft(Request request, String why, Instant at) {
        String note = "the storefront paid this back, beyond what StoreOps had left (" + why + "): close the cases "
                + "it paid, then approve it to record it paid";
        RefundCase recorded = new RefundCase(
                request.caseId(),
                request.type(),
                CaseState.REQUESTED,
                request.reason(),
                request.goodsReceived(),
                request.lines(),
                request.shippingMinor(),
                List.of(),
                request.source(),
                request.source(),
                at,
                List.of(),
                null,
                null,
                List.of(
                        new RefundCase.Entry(at, "REQUESTED", request.source(), request.reason()),
                        new RefundCase.Entry(at, PAID_BEYOND_WHAT_WAS_LEFT, request.source(), limited(note))),
                null,
                List.of(),
                null);
        List<RefundCase> more = new ArrayList<>(cases);
        more.add(recorded);
        Change<AfterSale> kept = Change.of(withCases(more), requested(recorded, at));
        for (RefundCase refunding : cases) {
            if (refunding.state() == CaseState.REFUNDING) {
                kept = kept.andThen(file -> file.payoutRefused(
                        refunding.caseId(),
                        "stopped: the storefront refunded " + shown(recorded.amountMinor()) + " itself ("
                                + request.caseId() + "): pay this only if that refund did not",
                        at));
            }
        }
        return kept;
    }

    /** A line of a return the buyer asked for on the storefront, named by the storefront's line id. */
    public record StorefrontReturnLine(String lineId, int quantity) {}

    /**
     * The buyer asked the storefront to send goods back (a Shopify return request): a return and
     * refund case of those units, each at what it cost, for the supervisor to decide as any other
     * (the storefront names no amounts; the supervisor or a revision settles what goes back). Once
     * per return id.
     */
    public Change<AfterSale> returnRequestedInStorefront(
            String caseId,
            List<StorefrontReturnLine> returning,
            String reason,
            List<String> evidence,
            String source,
            Instant at,
            AfterSalePolicy policy) {
        if (find(caseId).isPresent()) {
            return Change.none();
        }
        List<CaseLine> asked = new ArrayList<>();
        for (StorefrontReturnLine line : returning) {
            int index = IntStream.range(0, lines.size())
                    .filter(candidate -> line.lineId() != null
                            && line.lineId().equals(lines.get(candidate).lineId()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "the order has no line " + line.lineId() + " (orders taken before StoreOps kept the "
                                    + "storefront's line ids cannot be matched: enter the case for the buyer)."));
            asked.add(new CaseLine(index, line.quantity(), lines.get(index).unitPriceMinor() * line.quantity()));
        }
        return request(
                new Request(
                        caseId,
                        CaseType.RETURN_AND_REFUND,
                        reason == null || reason.isBlank() ? "return requested" : reason,
                        true,
                        asked,
                        0,
                        evidence,
                        source),
                BUYER,
                at,
                policy);
    }

    /** Who opens the cases a buyer asks for on a storefront. */
    public static final String BUYER = "buyer";

    private int lineIndexOf(StorefrontLine line) {
        if (line.lineId() != null) {
            for (int index = 0; index < lines.size(); index++) {
                if (line.lineId().equals(lines.get(index).lineId())) {
                    return index;
                }
            }
        }
        // orders taken before StoreOps kept the storefront's line ids are matched by what was bought
        for (int index = 0; index < lines.size(); index++) {
            PaidLine paid = lines.get(index);
            boolean same = line.sku() != null && !line.sku().isBlank()
                    ? line.sku().equals(paid.sku())
                    : line.title() != null && line.title().equals(paid.title());
            if (same) {
                return index;
            }
        }
        throw new IllegalArgumentException("the order has no line "
                + (line.sku() == null || line.sku().isBlank()
                        ? "titled '" + line.title() + "'"
                        : "with SKU " + line.sku())
                + ".");
    }

    /** The lines' amounts within {@code limitMinor}: the first lines in full, the last ones what remains. */
    private static List<CaseLine> fittedWithin(List<CaseLine> asked, long limitMinor) {
        long left = limitMinor;
        List<CaseLine> fitted = new ArrayList<>();
        for (CaseLine line : asked) {
            long amount = Math.min(line.amountMinor(), Math.max(left, 0));
            left -= amount;
            fitted.add(new CaseLine(line.lineIndex(), line.quantity(), amount));
        }
        return fitted.stream()
                .filter(line -> line.amountMinor() > 0 || line.quantity() > 0)
                .toList();
    }

    /** Who decides the refund of a price difference an item change owes the buyer: nobody needs to. */
    static final String ITEM_CHANGE = "item-change";

    /**
     * Customer service changed a line's item (another size or colour) before dispatch: the line is
     * known by its new SKU and title from now on (returns name them), and what was paid for it stays.
     * A change that makes the line cheaper owes the buyer the difference: a refund-only case of it,
     * approved at once and marked automatic (within what is left). Once per change.
     *
     * @param priceDifference what the change costs the buyer over the line: negative, owed back
     */
    public Change<AfterSale> itemChanged(
            int lineIndex, String toSku, String toTitle, Money priceDifference, Instant changedAt) {
        if (lineIndex < 0 || lineIndex >= lines.size()) {
            return Change.none();
        }
        PaidLine before = lines.get(lineIndex);
        PaidLine after = new PaidLine(
                toSku,
                toTitle == null ? before.title() : toTitle,
                before.quantity(),
                before.unitPriceMinor(),
                before.lineId());
        String caseId = "rf-item-" + orderId + "-" + lineIndex + "-" + changedAt.toEpochMilli();
        boolean owed = priceDifference != null && priceDifference.amountMinor() < 0;
        if (after.equals(before) && (!owed || find(caseId).isPresent())) {
            return Change.none();
        }
        List<PaidLine> changed = new ArrayList<>(lines);
        changed.set(lineIndex, after);
        AfterSale renamed = new AfterSale(
                orderId,
                storeId,
                externalOrderId,
                currency,
                paidAt,
                changed,
                shippingPaidMinor,
                totalPaidMinor,
                cases,
                parcels,
                null,
                null,
                null);
        if (!owed) {
            return Change.of(renamed);
        }
        long owedMinor =
                Math.min(-priceDifference.amountMinor(), renamed.refundable().amountMinor());
        return Change.of(renamed)
                .andThen(file -> file.request(
                                new Request(
                                        caseId,
                                        CaseType.REFUND_ONLY,
                                        "price difference of the changed item",
                                        false,
                                        List.of(new CaseLine(lineIndex, 0, owedMinor)),
                                        0,
                                        List.of(),
                                        ITEM_CHANGE),
                                ITEM_CHANGE,
                                changedAt,
                                AfterSalePolicy.NONE)
                        .andThen(requested -> requested.approvedAutomatically(
                                caseId, ITEM_CHANGE, "the changed item costs less", changedAt, AfterSalePolicy.NONE)));
    }

    /** Who decides the refund of an order cancelled before dispatch: nobody needs to. */
    static final String CANCELLATION = "order-cancellation";

    /**
     * The order was cancelled before dispatch: whatever is left of what the buyer paid goes back, as
     * a refund-only case (cases already approved or paid keep theirs). It is approved, marked
     * automatic, once fulfilment reports every parcel stopped (at once for an order without goods to
     * ship); a parcel that left before the cancellation reached the warehouse leaves it to a
     * supervisor. Once per order; nothing when nothing is left.
     */
    public Change<AfterSale> cancelledBeforeDispatch(String reason, Instant at) {
        String caseId = cancellationCaseId();
        if (find(caseId).isPresent() || refundable().amountMinor() <= 0) {
            return Change.none();
        }
        List<RefundCase> others = cases.stream().filter(AfterSale::counts).toList();
        List<CaseLine> everyLine = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            long left = lines.get(index).paidMinor() - amountOn(index, others);
            if (left > 0) {
                // the units other cases gave up or took back are theirs: this case takes the rest
                everyLine.add(new CaseLine(index, lines.get(index).quantity() - unitsOn(index, others), left));
            }
        }
        long shippingLeft = Math.min(
                Math.max(
                        shippingPaidMinor
                                - others.stream()
                                        .mapToLong(RefundCase::shippingMinor)
                                        .sum(),
                        0),
                refundable().amountMinor());
        List<CaseLine> withinPaid = withinTheOrderTotal(everyLine, shippingLeft);
        Change<AfterSale> requested = request(
                new Request(
                        caseId,
                        CaseType.REFUND_ONLY,
                        reason == null || reason.isBlank() ? "order cancelled" : reason,
                        false,
                        withinPaid,
                        shippingLeft,
                        List.of(),
                        CANCELLATION),
                CANCELLATION,
                at,
                AfterSalePolicy.NONE);
        Change<AfterSale> settled = requested.andThen(file -> file.cancellationSettled(at));
        if (settled != requested) {
            return settled;
        }
        return requested.andThen(file -> Change.of(file.replaced(file.existing(caseId)
                .edit(draft -> draft.log(
                        at,
                        "WAITING_FOR_WAREHOUSE",
                        CANCELLATION,
                        "paid back once the warehouse reports the parcel stopped")))));
    }

    private String cancellationCaseId() {
        return "rf-cancelled-" + orderId;
    }

    /**
     * Fulfilment made, dispatched or stopped a parcel of the order: a waiting cancellation refund
     * may now be paid (or needs a supervisor), and a return whose goods never left needs no parcel
     * back. A parcel only moves on from the warehouse, once; a report again changes nothing.
     */
    public Change<AfterSale> parcelMoved(String shipmentId, Parcel.Status status, Instant at) {
        Optional<Parcel> known = parcels.stream()
                .filter(parcel -> parcel.shipmentId().equals(shipmentId))
                .findFirst();
        if (known.isPresent()
                && (known.get().status() == status || known.get().status() != Parcel.Status.IN_WAREHOUSE)) {
            return Change.none();
        }
        Parcel parcel =
                new Parcel(shipmentId, status, known.map(Parcel::replacementFor).orElse(null));
        List<Parcel> moved = new ArrayList<>(parcels);
        moved.removeIf(other -> other.shipmentId().equals(shipmentId));
        moved.add(parcel);
        return Change.of(with(cases, moved))
                .andThen(file -> file.cancellationSettled(at))
                .andThen(file -> file.returnsThatCannotCome(at))
                .andThen(file -> file.replacementMoved(parcel, at));
    }

    /**
     * Fulfilment made a parcel: one of the order's own, or the replacement of exchange
     * {@code replacementFor}, which the file follows until it leaves.
     */
    public Change<AfterSale> parcelMade(String shipmentId, String replacementFor, Instant at) {
        if (replacementFor == null
                || parcels.stream().anyMatch(parcel -> parcel.shipmentId().equals(shipmentId))) {
            return parcelMoved(shipmentId, Parcel.Status.IN_WAREHOUSE, at);
        }
        List<Parcel> more = new ArrayList<>(parcels);
        more.add(new Parcel(shipmentId, Parcel.Status.IN_WAREHOUSE, replacementFor));
        return Change.of(with(cases, more));
    }

    /**
     * An exchange's replacement parcel left the warehouse: the exchange is done. (Fulfilment stops a
     * replacement only when the supervisor closed its exchange.)
     */
    private Change<AfterSale> replacementMoved(Parcel parcel, Instant at) {
        return Optional.ofNullable(parcel.replacementFor())
                .filter(exchange -> parcel.status() == Parcel.Status.DISPATCHED)
                .flatMap(this::find)
                .map(exchange -> exchange.state() == CaseState.REPLACING
                        ? Change.of(replaced(
                                exchange.moved(CaseCommand.REPLACEMENT_SENT, at, "warehouse", parcel.shipmentId())))
                        : sentAfterClosure(exchange, parcel, at))
                .orElseGet(Change::none);
    }

    /** On an exchange closed while its replacement was being dispatched: the buyer may have both. */
    static final String REPLACEMENT_SENT_AFTER_CLOSURE = "REPLACEMENT_SENT_AFTER_CLOSURE";

    /**
     * The replacement left although the supervisor had closed its exchange (the two crossed): said
     * on the case for the supervisor, who asks the carrier to stop it or the buyer to send it back.
     */
    private Change<AfterSale> sentAfterClosure(RefundCase exchange, Parcel parcel, Instant at) {
        if (exchange.state() != CaseState.CLOSED || exchange.logged(REPLACEMENT_SENT_AFTER_CLOSURE)) {
            return Change.none();
        }
        return Change.of(replaced(exchange.edit(draft -> draft.log(
                at,
                REPLACEMENT_SENT_AFTER_CLOSURE,
                "warehouse",
                parcel.shipmentId() + " left after the exchange was closed: intercept it with the carrier, or ask "
                        + "the buyer to send it back"))));
    }

    /** Whether the order has goods to ship: a line with a SKU (a gift card alone makes no parcel). */
    private boolean shipsGoods() {
        return lines.stream().anyMatch(line -> line.sku() != null && !line.sku().isBlank());
    }

    private boolean everyParcelStopped() {
        List<Parcel> own = parcels.stream().filter(Parcel::isTheOrders).toList();
        return !own.isEmpty() && own.stream().allMatch(parcel -> parcel.status() == Parcel.Status.STOPPED);
    }

    /** Whether some of the order's goods left the warehouse. */
    private boolean goodsLeft() {
        return parcels.stream()
                .filter(Parcel::isTheOrders)
                .anyMatch(parcel -> parcel.status() == Parcel.Status.DISPATCHED);
    }

    static final String PARCEL_LEFT = "PARCEL_LEFT";

    /** The waiting cancellation refund: approved once nothing will leave, or handed to a supervisor when a parcel left. */
    private Change<AfterSale> cancellationSettled(Instant at) {
        Optional<RefundCase> waiting = find(cancellationCaseId())
                .filter(refund -> refund.state() == CaseState.REQUESTED && refund.decision() == null);
        if (waiting.isEmpty()) {
            return Change.none();
        }
        RefundCase refund = waiting.get();
        if (goodsLeft()) {
            return refund.logged(PARCEL_LEFT)
                    ? Change.none()
                    : Change.of(replaced(refund.edit(draft -> draft.log(
                            at,
                            PARCEL_LEFT,
                            CANCELLATION,
                            "a parcel left before the cancellation reached the warehouse: a supervisor decides "
                                    + "(intercept it with the carrier, await its return, or refund)"))));
        }
        if (shipsGoods() && !everyParcelStopped()) {
            return Change.none();
        }
        return approvedAutomatically(
                refund.caseId(), CANCELLATION, "cancelled before dispatch", at, AfterSalePolicy.NONE);
    }

    /**
     * Approved returns whose goods never left the warehouse (every parcel stopped): the buyer has
     * nothing to send back, so they go on to the payout as if received.
     */
    private Change<AfterSale> returnsThatCannotCome(Instant at) {
        if (!everyParcelStopped()) {
            return Change.none();
        }
        Change<AfterSale> moved = Change.of(this);
        boolean any = false;
        for (RefundCase refund : cases) {
            if (refund.state() == CaseState.AWAITING_RETURN) {
                any = true;
                moved = moved.andThen(file -> file.returnEnded(
                        file.existing(refund.caseId())
                                .moved(
                                        CaseCommand.RECEIVE,
                                        at,
                                        "warehouse",
                                        "the goods never left the warehouse: nothing to send back"),
                        at));
            }
        }
        return any ? moved : Change.none();
    }

    /**
     * The lines' amounts within what is left of the order's total beside the shipping (a discount
     * makes the total less than its lines): the first lines in full, the last ones what remains.
     */
    private List<CaseLine> withinTheOrderTotal(List<CaseLine> asked, long shippingMinor) {
        return fittedWithin(asked, refundable().amountMinor() - shippingMinor);
    }

    /**
     * The supervisor approves: the case holds its amount (checked again against what is left), and
     * is paid at once (refund only) or waits for the buyer's parcel. {@code automatic} decisions (a
     * timer, the store's policy) are marked as such; a person who opened or negotiated the case may
     * not decide it.
     */
    public Change<AfterSale> approve(
            String caseId, String by, boolean automatic, String note, Instant at, AfterSalePolicy policy) {
        RefundCase refund = decidable(caseId, by, automatic);
        requireWithinWhatIsLeft(refund.lines(), refund.shippingMinor(), caseId);
        RefundCase approved = refund.moved(CaseCommand.APPROVE, at, by, limited(note))
                .edit(draft -> draft.decision = new RefundCase.Decision(true, by, at, automatic, limited(note)))
                .timed(policy, at, false);
        Change<AfterSale> decided = Change.of(
                replaced(approved),
                new RefundApproved(
                        orderId,
                        storeId,
                        caseId,
                        refund.type().name(),
                        new Money(refund.amountMinor(), currency),
                        units(refund),
                        by,
                        automatic,
                        at,
                        coversTheGoods(refund)));

        // the storefront paid it already: approving it records that, and no gateway is asked
        return refund.logged(PAID_BEYOND_WHAT_WAS_LEFT)
                ? decided.andThen(file -> file.paid(caseId, caseId, refund.source(), at))
                : decided;
    }

    /**
     * Whether a refund gives up the order's goods: a refund only of every unit of them, or of as
     * much as they cost (what the order paid beyond its shipping). Fulfilment stops a parcel that
     * has not left for it, even before it saw the order paid.
     */
    private boolean coversTheGoods(RefundCase refund) {
        if (refund.type() != CaseType.REFUND_ONLY) {
            return false;
        }
        long goodsMinor = totalPaidMinor - shippingPaidMinor;
        Map<String, Integer> given = new LinkedHashMap<>();
        units(refund).forEach(unit -> given.merge(unit.sku(), unit.quantity(), Integer::sum));
        Map<String, Integer> bought = new LinkedHashMap<>();
        lines.stream()
                .filter(line -> line.sku() != null)
                .forEach(line -> bought.merge(line.sku(), line.quantity(), Integer::sum));
        boolean everyUnit = !bought.isEmpty()
                && bought.entrySet().stream().allMatch(sku -> given.getOrDefault(sku.getKey(), 0) >= sku.getValue());
        return everyUnit || goodsMinor > 0 && refund.amountMinor() >= goodsMinor;
    }

    /** The supervisor rejects, with a reason: customer service negotiates with the buyer. */
    public Change<AfterSale> reject(String caseId, String by, String note, Instant at) {
        RefundCase refund = notPaidByTheStorefront(decidable(caseId, by, false));
        String why = requiredText(note, "note");
        RefundCase rejected = refund.moved(CaseCommand.REJECT, at, by, why)
                .edit(draft -> draft.decision = new RefundCase.Decision(false, by, at, false, why));
        return Change.of(replaced(rejected), new RefundRejected(orderId, storeId, caseId, why, by, at));
    }

    /** Customer service records a contact with the buyer (channel, what was offered, the answer). */
    public Change<AfterSale> negotiate(String caseId, RefundCase.Contact contact) {
        RefundCase refund = existing(caseId);
        if (refund.contacts().size() >= CONTACT_LIMIT) {
            throw new IllegalArgumentException("a case keeps at most " + CONTACT_LIMIT + " contacts: settle it, or "
                    + "close it and open a new one.");
        }
        requiredText(contact.channel(), "channel");
        String offered = limited(contact.offered());
        String answer = limited(contact.buyerAnswer());
        RefundCase.Contact recorded =
                new RefundCase.Contact(contact.channel(), offered, answer, contact.by(), contact.at());
        RefundCase negotiated = refund.moved(
                        CaseCommand.NEGOTIATE,
                        contact.at(),
                        contact.by(),
                        contact.channel()
                                + (offered == null ? "" : ": offered " + offered)
                                + (answer == null ? "" : "; buyer: " + answer))
                .edit(draft -> draft.contact(recorded));
        return Change.of(replaced(negotiated));
    }

    /** The buyer's request changes after talking: back to the supervisor with the new amounts. */
    public Change<AfterSale> revise(
            String caseId,
            String reason,
            List<CaseLine> lines,
            long shippingMinor,
            String by,
            Instant at,
            AfterSalePolicy policy) {
        RefundCase refund = notPaidByTheStorefront(existing(caseId));
        String why = reason == null || reason.isBlank() ? refund.reason() : requiredText(reason, "reason");
        if (CUSTOMER_SERVICE.equals(refund.source()) && !why.equals(refund.reason())) {
            policy.requireKnownReason(why);
        }
        requireWhatItsTypeNames(refund.type(), lines, shippingMinor);
        requireWithinWhatIsLeft(lines, shippingMinor, caseId);
        RefundCase revised = refund.moved(CaseCommand.REVISE, at, by, why)
                .edit(draft -> {
                    draft.reason = why;
                    draft.lines = List.copyOf(lines);
                    draft.shippingMinor = shippingMinor;
                    draft.decision = null;
                })
                .timed(policy, at, true);
        return Change.of(replaced(revised), requested(revised, at));
    }

    /** The buyer withdraws; nothing is paid. */
    public Change<AfterSale> withdraw(String caseId, String by, Instant at) {
        return closed(notPaidByTheStorefront(existing(caseId)), CaseCommand.WITHDRAW, "WITHDRAWN", by, at);
    }

    /**
     * @throws CaseConflict for a case the storefront paid beyond what was left: the money went, so it
     *     is only approved (which records it), never revised, withdrawn or rejected
     */
    private static RefundCase notPaidByTheStorefront(RefundCase refund) {
        if (refund.logged(PAID_BEYOND_WHAT_WAS_LEFT)) {
            throw new CaseConflict(
                    refund.state(),
                    "The storefront paid case " + refund.caseId() + " already: close the cases it paid, then approve "
                            + "it to record the payment.");
        }
        return refund;
    }

    /**
     * The supervisor settles a return as it stands — part of it arrived, some of it damaged, or the
     * buyer is paid without waiting for it — with the amounts paid back per line (within what is
     * left): it goes on to the payout (an exchange, to its replacement). Whoever worked on the case may not.
     */
    public Change<AfterSale> returnSettled(
            String caseId, List<CaseLine> settledLines, long shippingMinor, String by, String note, Instant at) {
        RefundCase refund = decidable(caseId, by, false);
        String why = requiredText(note, "note");
        CaseLifecycle.next(refund.type(), refund.state(), CaseCommand.SETTLE);
        if (refund.type() == CaseType.EXCHANGE) {
            // what an exchange settles is the units it sends again; a return may pay for units that never came
            requireWhatItsTypeNames(refund.type(), settledLines, shippingMinor);
        }
        requireWithinWhatIsLeft(settledLines, shippingMinor, caseId);
        RefundCase settled = refund.moved(CaseCommand.SETTLE, at, by, why).edit(draft -> {
            draft.lines = List.copyOf(settledLines);
            draft.shippingMinor = shippingMinor;
            draft.decision = new RefundCase.Decision(true, by, at, false, why);
        });
        return returnEnded(settled, at);
    }

    /**
     * The case after a step on its return: an exchange whose return ended now asks the warehouse
     * for its replacement ({@link ReplacementRequested}), in the same write, so it is asked once.
     */
    private Change<AfterSale> returnEnded(RefundCase moved, Instant at) {
        AfterSale recorded = replaced(moved);
        if (moved.state() != CaseState.REPLACING) {
            return Change.of(recorded);
        }
        return Change.of(recorded, new ReplacementRequested(orderId, storeId, moved.caseId(), units(moved), at));
    }

    /**
     * The supervisor rejects for good after negotiation, or a return that came back unacceptable,
     * gives up on a payout the gateway refused, or ends an exchange whose replacement cannot go
     * (then refunds in a case of its own).
     */
    public Change<AfterSale> closeForGood(String caseId, String by, String note, Instant at) {
        RefundCase refund = decidable(caseId, by, false);
        String why = requiredText(note, "note");
        RefundCase closed = refund.moved(CaseCommand.CLOSE, at, by, why)
                .edit(draft -> draft.decision = new RefundCase.Decision(false, by, at, false, why));
        String reason = switch (refund.state()) {
            case REPLACING -> REPLACEMENT_NOT_SENT;
            case PAYOUT_REFUSED -> PAYOUT_REFUSED;
            default -> "REJECTED";
        };
        return Change.of(replaced(closed), new RefundClosed(orderId, storeId, caseId, reason, at));
    }

    /** Why an exchange closed whose replacement the supervisor gave up on. */
    public static final String REPLACEMENT_NOT_SENT = "REPLACEMENT_NOT_SENT";

    /** Why a refund closed whose payout the gateway refused and the supervisor gave up on. */
    public static final String PAYOUT_REFUSED = "PAYOUT_REFUSED";

    /** The buyer did not send the return in time: the case closes unpaid. */
    private Change<AfterSale> returnExpired(String caseId, Instant at) {
        return closed(existing(caseId), CaseCommand.EXPIRE, "RETURN_NOT_SHIPPED", TIMER, at);
    }

    /** The buyer sent the return back, with the carrier's tracking number: the seller's time to confirm receipt starts. */
    public Change<AfterSale> returnShipped(
            String caseId, String trackingNumber, String by, Instant at, AfterSalePolicy policy) {
        String tracking = requiredText(trackingNumber, "trackingNumber");
        RefundCase refund = existing(caseId);
        if (tracking.equals(refund.returnTracking())) {
            return Change.none();
        }
        return Change.of(replaced(refund.moved(CaseCommand.BUYER_SHIPPED, at, by, tracking)
                .edit(draft -> draft.returnTracking = tracking)
                .timed(policy, at, false)));
    }

    /**
     * The marketplace timers that ran out by {@code now} take effect, as the marketplace would: an
     * unanswered request is approved, a return not shipped closes the case, a return whose receipt
     * the seller did not confirm is paid back. Each is marked automatic on the case's timeline, and
     * fires once: the deadline ends with the step. A request that no longer fits in what is left
     * (another case took it meanwhile) is not approved; its deadline ends, noted for a supervisor.
     */
    public Change<AfterSale> deadlinesPassed(Instant now, AfterSalePolicy policy) {
        Change<AfterSale> fired = Change.of(this);
        boolean any = false;
        for (RefundCase refund : cases) {
            Deadline deadline = refund.deadline();
            if (deadline == null || deadline.dueAt().isAfter(now)) {
                continue;
            }
            any = true;
            String caseId = refund.caseId();
            String missed = "automatic: no answer by " + deadline.dueAt();
            fired = fired.andThen(file -> switch (deadline.kind()) {
                case ANSWER -> file.approvedAutomatically(caseId, TIMER, missed, now, policy);
                case SHIP_RETURN -> file.returnExpired(caseId, now);
                case CONFIRM_RECEIPT ->
                    file.returnEnded(
                            file.existing(caseId)
                                    .moved(
                                            CaseCommand.RECEIVE,
                                            now,
                                            TIMER,
                                            "automatic: receipt not confirmed by " + deadline.dueAt()),
                            now);
            });
        }
        return any ? fired : Change.none();
    }

    /**
     * Approves on behalf of {@code by} (a timer, the cancellation); a case that no longer fits in
     * what is left (another case took it meanwhile) is left to a supervisor, said on its timeline
     * once, its timer ended.
     */
    private Change<AfterSale> approvedAutomatically(
            String caseId, String by, String note, Instant at, AfterSalePolicy policy) {
        try {
            return approve(caseId, by, true, note, at, policy);
        } catch (IllegalArgumentException tooMuch) {
            RefundCase refund = existing(caseId);
            return refund.logged(NOT_APPROVED_AUTOMATICALLY) && refund.deadline() == null
                    ? Change.none()
                    : Change.of(replaced(refund.edit(draft -> {
                        draft.deadline = null;
                        draft.log(at, NOT_APPROVED_AUTOMATICALLY, by, "left to a supervisor: " + tooMuch.getMessage());
                    })));
        }
    }

    static final String NOT_APPROVED_AUTOMATICALLY = "NOT_APPROVED_AUTOMATICALLY";

    /**
     * The warehouse received (part of) the return: the units that arrived count towards the case,
     * and once every unit it takes back is in, it is paid back (or, for an exchange, replaced). A split
     * order's return may arrive as one receipt per parcel; a short one waits for the rest. A receipt
     * for a case not waiting for it changes nothing.
     */
    public Change<AfterSale> returnReceived(
            String caseId, List<ItemQuantity> arrived, String inspection, String by, Instant at) {
        Optional<RefundCase> waiting = find(caseId).filter(refund -> refund.state() == CaseState.AWAITING_RETURN);
        return waiting.map(refund -> {
                    Map<String, Integer> got = new LinkedHashMap<>();
                    refund.returned().forEach(line -> got.merge(line.sku(), line.quantity(), Integer::sum));
                    arrived.forEach(line -> got.merge(line.sku(), line.quantity(), Integer::sum));
                    List<ItemQuantity> returned = got.entrySet().stream()
                            .map(line -> new ItemQuantity(line.getKey(), line.getValue()))
                            .toList();
                    boolean complete =
                            units(refund).stream().allMatch(unit -> got.getOrDefault(unit.sku(), 0) >= unit.quantity());
                    RefundCase counted = (complete
                                    ? refund.moved(CaseCommand.RECEIVE, at, by, inspection)
                                    : refund.edit(
                                            draft -> draft.log(at, RefundCase.RETURN_ARRIVED_IN_PART, by, inspection)))
                            .edit(draft -> draft.returned = returned);
                    return returnEnded(counted, at);
                })
                .orElseGet(Change::none);
    }

    /**
     * The payout was confirmed — by the gateway, or by staff who paid in the marketplace's back
     * office — with its reference: the money is back with the buyer ({@link RefundCompleted}). Once.
     */
    public Change<AfterSale> paid(String caseId, String reference, String by, Instant at) {
        Optional<RefundCase> found = find(caseId);
        String ref = requiredText(reference, "reference");
        if (found.filter(refund -> refund.state() == CaseState.CLOSED).isPresent()) {
            return paidAfterClosure(found.get(), ref, by, at);
        }
        return found.filter(refund -> CaseLifecycle.takes(refund.type(), refund.state(), CaseCommand.PAID))
                .map(refund -> Change.<AfterSale>of(
                        replaced(refund.moved(CaseCommand.PAID, at, by, ref)
                                .edit(draft ->
                                        draft.payout = refund.payoutSoFar().confirmed(ref, by))),
                        new RefundCompleted(
                                orderId,
                                storeId,
                                caseId,
                                new Money(refund.amountMinor(), currency),
                                at,
                                amountsBySku(refund))))
                .orElseGet(Change::none);
    }

    /** On a closed case a payment was confirmed for after all: the supervisor sorts it out with the buyer. */
    static final String PAID_AFTER_CLOSURE = "PAID_AFTER_CLOSURE";

    /**
     * A gateway confirmed a payment of a case closed meanwhile (a payout that answered after the
     * supervisor gave up on it): the money left, so it is said on the case, once per payment, for
     * the supervisor, rather than lost.
     */
    private Change<AfterSale> paidAfterClosure(RefundCase closed, String reference, String by, Instant at) {
        String detail = "paid " + shown(closed.amountMinor()) + " after the case was closed (" + reference
                + "): ask the buyer to pay it back, or record it in a new case";
        boolean told = closed.timeline().stream()
                .anyMatch(entry -> entry.what().equals(PAID_AFTER_CLOSURE) && detail.equals(entry.detail()));
        return told
                ? Change.none()
                : Change.of(replaced(closed.edit(draft -> draft.log(at, PAID_AFTER_CLOSURE, by, detail))));
    }

    /**
     * Staff paid the refund in the marketplace's back office and confirm it with its reference. The
     * same confirmation again changes nothing; a case not being paid back cannot be confirmed.
     */
    public Change<AfterSale> paymentConfirmed(
            String caseId, String reference, String by, boolean gatewayPays, Instant at) {
        RefundCase refund = existing(caseId);
        if (gatewayPays && refund.state() != CaseState.PAYOUT_REFUSED) {
            throw new CaseConflict(
                    refund.state(),
                    "Refunds of this store are paid through its payout gateway: a refund paid by hand as well would "
                            + "pay the buyer twice.");
        }
        if (refund.state() == CaseState.COMPLETED
                && refund.payout() != null
                && refund.payout().reference().equals(reference == null ? null : reference.strip())) {
            return Change.none();
        }
        if (!CaseLifecycle.takes(refund.type(), refund.state(), CaseCommand.PAID)) {
            throw new CaseConflict(
                    refund.state(),
                    "Case " + caseId + " is " + refund.state()
                            + ": only a case being paid back can be confirmed paid.");
        }
        return paid(caseId, reference, by, at);
    }

    /**
     * A payout attempt failed (a timeout, the gateway down): noted on the case, tried again at
     * {@code retryAt} with the same idempotency key, so that a payment the gateway did make is
     * never made twice.
     */
    public Change<AfterSale> payoutFailed(String caseId, String failure, Instant retryAt, Instant at) {
        Optional<RefundCase> refunding = find(caseId).filter(refund -> refund.state() == CaseState.REFUNDING);
        return refunding
                .map(refund -> Change.of(replaced(refund.edit(draft -> {
                    draft.payout = refund.payoutSoFar().failed(limited(failure), retryAt, false);
                    if (refund.payout() == null) {
                        // the first failure goes on the timeline; later ones only count, so an outage cannot grow the
                        // file
                        draft.log(at, "PAYOUT_FAILED", "payout", limited(failure));
                    }
                }))))
                .orElseGet(Change::none);
    }

    /**
     * The gateway refused the payout for good (a refused amount, an order it does not know, a wrong
     * token): asking again the same way will not pay, so it is not retried; a supervisor decides.
     */
    public Change<AfterSale> payoutRefused(String caseId, String failure, Instant at) {
        Optional<RefundCase> refunding = find(caseId).filter(refund -> refund.state() == CaseState.REFUNDING);
        return refunding
                .map(refund -> Change.of(replaced(refund.moved(
                                CaseCommand.REFUSE_PAYOUT, at, "payout", limited(failure))
                        .edit(draft -> draft.payout = refund.payoutSoFar().failed(limited(failure), null, true)))))
                .orElseGet(Change::none);
    }

    /**
     * The supervisor has a refused payout tried again, once its cause is fixed: it is due at once,
     * with a key that cannot pay twice ({@link RefundCase.Payout#retried}). A decision like the
     * others: whoever worked on the case may not.
     */
    public Change<AfterSale> payoutRetried(String caseId, String by, String note, Instant at) {
        RefundCase refund = decidable(caseId, by, false);
        return Change.of(replaced(refund.moved(CaseCommand.RETRY_PAYOUT, at, by, limited(note))
                .edit(draft -> draft.payout = refund.payoutSoFar().retried())));
    }

    private Change<AfterSale> closed(RefundCase refund, CaseCommand command, String why, String by, Instant at) {
        return Change.of(
                replaced(refund.moved(command, at, by, why)),
                new RefundClosed(orderId, storeId, refund.caseId(), why, at));
    }

    private RefundCase decidable(String caseId, String by, boolean automatic) {
        RefundCase refund = existing(caseId);
        if (!automatic && refund.workedOnBy(by)) {
            throw new FourEyesViolation(caseId, by);
        }
        return refund;
    }

    private RefundCase existing(String caseId) {
        return find(caseId).orElseThrow(() -> new CaseNotFound(orderId, caseId));
    }

    private StoreOpsEvent requested(RefundCase refund, Instant at) {
        return new RefundRequested(
                orderId,
                storeId,
                refund.caseId(),
                refund.type().name(),
                refund.reason(),
                new Money(refund.amountMinor(), currency),
                units(refund),
                at);
    }

    /** The units a case gives up or takes back, per SKU (by title for a line without one). */
    private List<ItemQuantity> units(RefundCase refund) {
        return bySku(refund.lines().stream().filter(line -> line.quantity() > 0))
                .map(sku -> new ItemQuantity(sku.sku(), sku.quantity()))
                .toList();
    }

    /** What the refund pays back per SKU, for the figures per item; shipping stays with the order. */
    private List<LineAmount> amountsBySku(RefundCase refund) {
        return bySku(refund.lines().stream().filter(line -> line.amountMinor() > 0))
                .map(sku -> new LineAmount(sku.sku(), sku.quantity(), new Money(sku.amountMinor(), currency)))
                .toList();
    }

    private record SkuTotal(String sku, int quantity, long amountMinor) {}

    private Stream<SkuTotal> bySku(Stream<CaseLine> caseLines) {
        // two lines of one SKU (a promotion split them) are one pile in the warehouse and one item in reports
        Map<String, SkuTotal> bySku = new LinkedHashMap<>();
        caseLines.forEach(line -> {
            PaidLine paidLine = lines.get(line.lineIndex());
            String sku = paidLine.sku() == null ? paidLine.title() : paidLine.sku();
            bySku.merge(
                    sku,
                    new SkuTotal(sku, line.quantity(), line.amountMinor()),
                    (one, other) -> new SkuTotal(
                            sku, one.quantity() + other.quantity(), one.amountMinor() + other.amountMinor()));
        });
        return bySku.values().stream();
    }

    /**
     * @throws IllegalArgumentException unless every line is an order line given once, asking for
     *     something, no more units than it has, and no more money per line, for shipping and in all
     *     than is neither paid back nor held by another case
     */
    private void requireWithinWhatIsLeft(List<CaseLine> asked, long shippingMinor, String exceptCaseId) {
        if ((asked == null || asked.isEmpty()) && shippingMinor <= 0) {
            throw new IllegalArgumentException("lines are required: each with lineIndex, quantity and amountMinor.");
        }
        if (shippingMinor < 0) {
            throw new IllegalArgumentException("shippingMinor must not be negative.");
        }
        List<RefundCase> others = cases.stream()
                .filter(AfterSale::counts)
                .filter(refund -> !refund.caseId().equals(exceptCaseId))
                .toList();
        Set<Integer> seen = new HashSet<>();
        for (CaseLine line : asked == null ? List.<CaseLine>of() : asked) {
            if (line == null || line.lineIndex() < 0 || line.lineIndex() >= lines.size()) {
                throw new IllegalArgumentException("lineIndex must be 0 to " + (lines.size() - 1) + ": the order has "
                        + lines.size() + " line(s).");
            }
            if (!seen.add(line.lineIndex())) {
                throw new IllegalArgumentException("line " + line.lineIndex() + " is listed twice.");
            }
            PaidLine paidLine = lines.get(line.lineIndex());
            if (line.quantity() < 0 || line.amountMinor() < 0) {
                throw new IllegalArgumentException("quantity and amountMinor must not be negative.");
            }
            if (line.quantity() == 0 && line.amountMinor() == 0) {
                throw new IllegalArgumentException("line " + line.lineIndex() + " asks for nothing.");
            }
            int unitsTaken = unitsOn(line.lineIndex(), others);
            if (line.quantity() > paidLine.quantity() - unitsTaken) {
                throw new NotEnoughLeft("line " + line.lineIndex() + " has " + (paidLine.quantity() - unitsTaken)
                        + " unit(s) left: " + line.quantity() + " asked.");
            }
            requireLeft(
                    "line " + line.lineIndex(),
                    paidLine.paidMinor() - amountOn(line.lineIndex(), others),
                    line.amountMinor());
        }
        requireLeft(
                "shipping",
                shippingPaidMinor
                        - others.stream().mapToLong(RefundCase::shippingMinor).sum(),
                shippingMinor);
        long askedInAll = (asked == null
                        ? 0
                        : asked.stream().mapToLong(CaseLine::amountMinor).sum())
                + shippingMinor;
        requireLeft("the order", totalPaidMinor - sum(others.stream()), askedInAll);
    }

    /** The units of line {@code lineIndex} that {@code among} give up or take back. */
    private static int unitsOn(int lineIndex, List<RefundCase> among) {
        return among.stream()
                .flatMap(refund -> refund.lines().stream())
                .filter(line -> line.lineIndex() == lineIndex)
                .mapToInt(CaseLine::quantity)
                .sum();
    }

    /** The money of line {@code lineIndex} that {@code among} pay back. */
    private static long amountOn(int lineIndex, List<RefundCase> among) {
        return among.stream()
                .flatMap(refund -> refund.lines().stream())
                .filter(line -> line.lineIndex() == lineIndex)
                .mapToLong(CaseLine::amountMinor)
                .sum();
    }

    /**
     * Where one order line stands: what it cost, what was paid back of it, what approved cases hold,
     * and the units still free for a case.
     */
    public record LineStanding(
            int lineIndex,
            String sku,
            String title,
            int quantity,
            long paidMinor,
            long refundedMinor,
            long heldMinor,
            int unitsLeft) {

        /** What may still be refunded of the line. */
        public long leftMinor() {
            return paidMinor - refundedMinor - heldMinor;
        }
    }

    /** Each order line's standing, in the order's order. */
    public List<LineStanding> lineStandings() {
        List<RefundCase> paidBack = cases.stream()
                .filter(refund -> refund.state() == CaseState.COMPLETED)
                .toList();
        List<RefundCase> held =
                cases.stream().filter(refund -> refund.state().holdsItsAmount()).toList();
        List<RefundCase> counting = cases.stream().filter(AfterSale::counts).toList();
        List<LineStanding> standings = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            PaidLine line = lines.get(index);
            standings.add(new LineStanding(
                    index,
                    line.sku(),
                    line.title(),
                    line.quantity(),
                    line.paidMinor(),
                    amountOn(index, paidBack),
                    amountOn(index, held),
                    line.quantity() - unitsOn(index, counting)));
        }
        return standings;
    }

    /**
     * @throws IllegalArgumentException when a case that takes goods back names a line without its
     *     units, or an exchange asks for money
     */
    private static void requireWhatItsTypeNames(CaseType type, List<CaseLine> asked, long shippingMinor) {
        if (type == null || !type.returnsGoods() || asked == null) {
            return;
        }
        if (asked.stream().anyMatch(line -> line != null && line.quantity() <= 0)) {
            throw new IllegalArgumentException(
                    "a return names the units the buyer sends back: each line needs a quantity.");
        }
        if (type == CaseType.EXCHANGE
                && (shippingMinor != 0 || asked.stream().anyMatch(line -> line != null && line.amountMinor() != 0))) {
            throw new IllegalArgumentException("an exchange sends the same units again and pays nothing back: "
                    + "amountMinor and shippingMinor must be 0 (a refund is a case of its own).");
        }
    }

    private void requireLeft(String what, long leftMinor, long askedMinor) {
        if (askedMinor > leftMinor) {
            throw new NotEnoughLeft(what + " has " + shown(Math.max(leftMinor, 0)) + " left to refund: "
                    + shown(askedMinor) + " asked.");
        }
    }

    private String shown(long minor) {
        return currency + " " + new Money(minor, currency).toDecimal();
    }

    /**
     * Whether a case counts against what may be refunded: approved and not yet paid, or paid. A
     * completed exchange does not: the buyer has the same units again, which may be refunded later.
     */
    private static boolean counts(RefundCase refund) {
        return refund.state().holdsItsAmount()
                || refund.state() == CaseState.COMPLETED && refund.type() != CaseType.EXCHANGE;
    }

    private static long sum(Stream<RefundCase> refunds) {
        return refunds.mapToLong(RefundCase::amountMinor).sum();
    }

    private AfterSale replaced(RefundCase changed) {
        List<RefundCase> all = new ArrayList<>(cases);
        UnaryOperator<RefundCase> swap = refund -> refund.caseId().equals(changed.caseId()) ? changed : refund;
        all.replaceAll(swap);
        return withCases(all);
    }

    private AfterSale withCases(List<RefundCase> all) {
        return with(all, parcels);
    }

    private AfterSale with(List<RefundCase> all, List<Parcel> parcels) {
        return new AfterSale(
                orderId,
                storeId,
                externalOrderId,
                currency,
                paidAt,
                lines,
                shippingPaidMinor,
                totalPaidMinor,
                all,
                parcels,
                null,
                null,
                null);
    }

    private static String requiredText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        return limited(text);
    }

    /** A storefront's own text, kept to what a note holds: what it says is a fact, never refused for its length. */
    private static String shortened(String text) {
        String clean = text.strip();
        return clean.length() > NOTE_LIMIT ? clean.substring(0, NOTE_LIMIT - 1) + "…" : clean;
    }

    private static String limited(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = text.strip();
        if (clean.length() > NOTE_LIMIT) {
            throw new IllegalArgumentException("a note is at most " + NOTE_LIMIT + " characters.");
        }
        return clean;
    }
}
