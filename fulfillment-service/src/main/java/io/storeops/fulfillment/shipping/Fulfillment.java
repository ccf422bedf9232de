package io.storeops.fulfillment.shipping;

import io.storeops.contracts.Address;
import io.storeops.contracts.InvoiceRequest;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.StoreOpsEvent;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One parcel of an order, from creation to the carrier and back. An order has one, or two when
 * its store ships what is in stock and sends the lines short at payment after it (a partial
 * shipment): the first parcel's document is keyed by the order's id, the second by {@code 2~} and
 * the order's id, and order events reach both. An exchange adds a replacement parcel, keyed by
 * {@code r~} and the case's id, which order and refund events do not reach: it is sent once the
 * buyer's return came back, and only the warehouse's day moves it on.
 *
 * @param orderLines     the order's lines this parcel carries, by index; empty when it carries them all
 * @param followUp       on a split order's first parcel: the parcel that carries the rest
 * @param replacementFor on a replacement: the exchange (after-sale case) it is sent for
 */
public record Fulfillment(
        String orderId,
        String storeId,
        String shipmentId,
        ShipmentStatus status,
        List<ItemQuantity> lines,
        List<ItemQuantity> shortages,
        Address address,
        String requestedCarrier,
        SellerMemo sellerMemo,
        Instant createdAt,
        String carrier,
        String trackingNumber,
        String dispatchedBy,
        Instant dispatchedAt,
        PaidOrder paid,
        String batchId,
        List<Urge> urges,
        Inspection inspection,
        Tracking tracking,
        Trouble trouble,
        Cancellation cancellation,
        List<ReturnCase> returns,
        List<Integer> orderLines,
        FollowUpParcel followUp,
        String replacementFor) {

    /**
     * The second parcel of a split order: its shipment, the order's lines it carries, and what they
     * lacked when the order was split.
     */
    public record FollowUpParcel(String shipmentId, List<Integer> orderLines, List<ItemQuantity> shortages) {

        public FollowUpParcel {
            orderLines = orderLines == null ? List.of() : List.copyOf(orderLines);
            shortages = shortages == null ? List.of() : List.copyOf(shortages);
        }

        /** The key of its document. */
        public String key() {
            return shipmentId.substring(SHIPMENT_PREFIX.length());
        }
    }

    /**
     * The seller's memo from the order: the carrier the shop chose (it outranks the buyer's
     * request) and the buyer's wishes, for the warehouse's documents.
     */
    public record SellerMemo(String carrier, String note) {}

    /** What the warehouse's documents show of the paid order: the storefront's number, prices, the buyer's note. */
    public record PaidOrder(
            String externalOrderId,
            String channel,
            Instant paidAt,
            List<OrderLine> lines,
            Money shippingFee,
            Money total,
            String buyerNote,
            InvoiceRequest invoice) {

        public PaidOrder {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The buyer urged dispatch (催发货), as customer service recorded it. */
    public record Urge(String by, Instant at, String note) {}

    /**
     * The warehouse's check of the parcel against its outbound slip (检查商品附件): every line and
     * accessory present, or not, with what is missing — in words, and as the items of its {@link
     * Checklist} that were not found.
     */
    public record Inspection(boolean complete, String note, String by, Instant at, List<Checklist.Missing> missing) {

        public Inspection {
            missing = missing == null ? List.of() : List.copyOf(missing);
        }

        /** A check that names no checklist item missing. */
        public Inspection(boolean complete, String note, String by, Instant at) {
            this(complete, note, by, at, List.of());
        }
    }

    /** The kind of {@link ShipmentException} a failed check raises. */
    public static final String ACCESSORIES_MISMATCH = "ACCESSORIES_MISMATCH";

    /** Why a shipment was cancelled when a refund approved before dispatch stopped it. */
    public static final String REFUND_APPROVED = "REFUND_APPROVED";

    /** Refund types, as the refund desk names them. */
    public static final String RETURN_AND_REFUND = "RETURN_AND_REFUND";

    /** An exchange (换货): the goods come back and the same units go out again, in a replacement parcel. */
    public static final String EXCHANGE = "EXCHANGE";

    /** Why the shipment will not go out: its order was cancelled, or a refund intercepted it. */
    public record Cancellation(String reason, String refundId, Instant at) {}

    /**
     * An approved return the warehouse waits for, and what came back.
     *
     * @param expected the units the buyer sends back, per SKU
     */
    public record ReturnCase(
            String refundId,
            ReturnStatus status,
            List<ItemQuantity> expected,
            Instant requestedAt,
            Instant approvedAt,
            ReturnReceipt receipt,
            boolean restocked) {

        public ReturnCase {
            expected = expected == null ? List.of() : List.copyOf(expected);
        }
    }

    public enum ReturnStatus {
        /** The buyer asked to send it back; the refund desk has not decided. */
        REQUESTED,
        /** Approved: the warehouse waits for the parcel. */
        APPROVED,
        /** The parcel arrived and was inspected. */
        RECEIVED,
        /** The refund ended without a return (withdrawn, expired). */
        CLOSED,
        /** Of a split order: the buyer sends back goods of the order's other parcel, none of this one's. */
        ELSEWHERE
    }

    /** What the warehouse found in a returned parcel, line by line. */
    public record ReturnReceipt(List<ReturnedLine> lines, String note, String by, Instant at) {

        public ReturnReceipt {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** One SKU of a returned parcel: units to sell again, damaged ones, and those not in the parcel. */
    public record ReturnedLine(String sku, int resellable, int damaged, int missing) {

        public int arrived() {
            return resellable + damaged;
        }
    }

    /** The kind of {@link ShipmentException} an item change that came after the parcel left raises. */
    public static final String ITEM_CHANGE_TOO_LATE = "ITEM_CHANGE_TOO_LATE";

    /** Who reports carrier tracking in follow-ups and resolutions. */
    public static final String CARRIER = "carrier";

    /** The carrier's latest word on the parcel: what, when it happened, where. */
    public record Tracking(TrackingStatus status, Instant at, String detail, String location) {}

    /**
     * A parcel in trouble (异常快递) for after-sale customer service: what went wrong first and
     * last, their follow-up notes, and how it ended. {@code open} until resolved, oldest first in
     * the queue by {@code reportedAt}.
     */
    public record Trouble(
            String kind,
            String detail,
            Instant reportedAt,
            Instant lastReportAt,
            boolean open,
            List<FollowUp> notes,
            Resolution resolution) {

        public Trouble {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** A step customer service took on a parcel in trouble: a call to the carrier, a word with the buyer. */
    public record FollowUp(String by, Instant at, String note) {}

    /** How a parcel's trouble ended. */
    public record Resolution(TroubleOutcome outcome, String note, String by, Instant at) {}

    /** How trouble ends: by customer service's decision, or by itself. */
    public enum TroubleOutcome {
        /** The carrier tries again (to the same or a corrected address). */
        REDELIVER,
        /** The parcel comes back to the warehouse. */
        RETURN,
        /** The buyer gets their money back (the refund desk takes it on). */
        REFUND,
        /** The carrier delivered after all. */
        DELIVERED,
        /** A later check found the parcel complete. */
        RECHECKED
    }

    /** Why a shipment was cancelled, as carried by ShipmentCancelled. */
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    /** Why a replacement was cancelled: the supervisor closed its exchange (the item is gone for good). */
    public static final String EXCHANGE_CLOSED = "EXCHANGE_CLOSED";

    private static final String SHIPMENT_PREFIX = "shp-";
    /** Store ids never hold a '~', so no order's id starts like this. */
    private static final String FOLLOW_UP_PREFIX = "2~";
    /** Nor like this, and neither does a split order's second parcel. */
    private static final String REPLACEMENT_PREFIX = "r~";

    private static final int NOTE_LIMIT = 500;

    public Fulfillment {
        lines = lines == null ? List.of() : List.copyOf(lines);
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        urges = urges == null ? List.of() : List.copyOf(urges);
        returns = returns == null ? List.of() : List.copyOf(returns);
        orderLines = orderLines == null ? List.of() : List.copyOf(orderLines);
    }

    /** Shipment ids are derived from the order id, so a scanned slip leads straight to the order's document. */
    public static String shipmentIdFor(String orderId) {
        return SHIPMENT_PREFIX + orderId;
    }

    /** The shipment of the parcel that follows a split order's first. */
    public static String followUpShipmentIdFor(String orderId) {
        return SHIPMENT_PREFIX + FOLLOW_UP_PREFIX + orderId;
    }

    /**
     * The shipment of the replacement an exchange sends: one per case, and case ids are unique
     * across orders (the refund desk refuses one used for another order).
     */
    public static String replacementShipmentIdFor(String refundId) {
        return SHIPMENT_PREFIX + REPLACEMENT_PREFIX + refundId;
    }

    /** The key of the document a shipment id leads to. */
    public static Optional<String> keyOf(String shipmentId) {
        return shipmentId != null
                        && shipmentId.startsWith(SHIPMENT_PREFIX)
                        && shipmentId.length() > SHIPMENT_PREFIX.length()
                ? Optional.of(shipmentId.substring(SHIPMENT_PREFIX.length()))
                : Optional.empty();
    }

    /** The key of this parcel's document. */
    public String key() {
        return shipmentId.substring(SHIPMENT_PREFIX.length());
    }

    /** Whether this is the parcel that follows a split order's first. */
    public boolean isFollowUp() {
        return shipmentId.equals(followUpShipmentIdFor(orderId));
    }

    /** Whether this parcel carries an exchange's replacement rather than what the order was paid for. */
    public boolean isReplacement() {
        return replacementFor != null;
    }

    /** Of a split order: 1 for the parcel of what was in stock, 2 for the one that follows; null when not split. */
    public Integer parcelNumber() {
        if (isFollowUp()) {
            return 2;
        }
        return followUp == null ? null : 1;
    }

    /** Of a split order: the other parcel's shipment; null when not split. */
    public String otherParcel() {
        if (isFollowUp()) {
            return shipmentIdFor(orderId);
        }
        return followUp == null ? null : followUp.shipmentId();
    }

    /** Whether this parcel carries the order's line {@code lineIndex}. */
    public boolean carries(int lineIndex) {
        return orderLines.isEmpty() || orderLines.contains(lineIndex);
    }

    /** The lines of a paid order as the warehouse picks them: by SKU (by title where a storefront sent none). */
    public static List<ItemQuantity> linesOf(OrderPaid paid) {
        return linesOf(paid.lines());
    }

    /** The title the order gave a SKU's line (the SKU itself when it gave none). */
    public String orderTitleOf(String sku) {
        if (paid == null) {
            return sku;
        }
        return paid.lines().stream()
                .filter(line -> sku != null && sku.equals(line.sku() == null ? line.title() : line.sku()))
                .map(OrderLine::title)
                .filter(title -> title != null && !title.isBlank())
                .findFirst()
                .orElse(sku);
    }

    /** Order lines as the warehouse picks them: by SKU (by title where a storefront sent none). */
    public static List<ItemQuantity> linesOf(List<OrderLine> orderLines) {
        return orderLines.stream()
                .map(line -> new ItemQuantity(line.sku() == null ? line.title() : line.sku(), line.quantity()))
                .toList();
    }

    /**
     * Which of a paid order's lines follow in a second parcel: those whose stock is short, when the
     * store ships partially and some line can go now. Empty: one parcel takes every line and waits
     * for what is short. Lines of one SKU stay together, as the stock reserves them; lines without a
     * SKU (a gift card, a service) do not make a parcel alone.
     */
    public static List<Integer> linesToFollow(
            List<OrderLine> orderLines, List<ItemQuantity> shortages, boolean partialShipment) {
        if (!partialShipment || shortages.isEmpty()) {
            return List.of();
        }
        Set<String> shortSkus = shortages.stream().map(ItemQuantity::sku).collect(Collectors.toSet());
        List<ItemQuantity> picked = linesOf(orderLines);
        List<Integer> following = IntStream.range(0, picked.size())
                .filter(index -> shortSkus.contains(picked.get(index).sku()))
                .boxed()
                .toList();
        boolean goodsGoNow = IntStream.range(0, orderLines.size())
                .anyMatch(index ->
                        !following.contains(index) && orderLines.get(index).sku() != null);
        return goodsGoNow ? following : List.of();
    }

    /**
     * A paid order gets its shipment: ready for the warehouse, held while the order is in review,
     * or waiting for the units of {@code shortages} (each announced with {@link StockShortage}).
     * When lines {@code following} follow in a second parcel, this first one carries the others and
     * records the second ({@link #followUpOf}).
     */
    public static Change<Fulfillment> forPaidOrder(
            Optional<Fulfillment> current,
            OrderPaid paid,
            List<ItemQuantity> shortages,
            List<Integer> following,
            Instant now) {
        if (current.isPresent()) {
            return Change.none();
        }
        if (following.isEmpty()) {
            return firstParcel(paid, List.of(), shortages, null, now);
        }
        Set<String> followingSkus = linesOf(carried(paid.lines(), following)).stream()
                .map(ItemQuantity::sku)
                .collect(Collectors.toSet());
        FollowUpParcel followUp = new FollowUpParcel(
                followUpShipmentIdFor(paid.orderId()),
                following,
                shortages.stream()
                        .filter(line -> followingSkus.contains(line.sku()))
                        .toList());
        List<Integer> goingNow = IntStream.range(0, paid.lines().size())
                .filter(index -> !following.contains(index))
                .boxed()
                .toList();
        return firstParcel(
                paid,
                goingNow,
                shortages.stream()
                        .filter(line -> !followingSkus.contains(line.sku()))
                        .toList(),
                followUp,
                now);
    }

    /**
     * The second parcel of a split order, as its first one recorded it and as the first now is (its
     * address, memo and hold; the first is made just before, and may have changed only if a crash
     * came between the two). None once the first was cancelled: nothing of the order goes.
     */
    public static Change<Fulfillment> followUpOf(Optional<Fulfillment> current, Fulfillment first, Instant now) {
        FollowUpParcel followUp = first.followUp;
        if (current.isPresent()
                || followUp == null
                || !first.isInWarehouse() && first.status != ShipmentStatus.DISPATCHED) {
            return Change.none();
        }
        return newParcel(
                first.orderId,
                first.storeId,
                followUp.shipmentId(),
                first.status == ShipmentStatus.ON_HOLD,
                linesOf(carried(first.paid.lines(), followUp.orderLines())),
                followUp.shortages(),
                first.address,
                first.requestedCarrier,
                first.sellerMemo,
                first.paid,
                followUp.orderLines(),
                null,
                null,
                now);
    }

    /**
     * The replacement an exchange sends once the buyer's return came back: a parcel of the
     * exchange's {@code lines}, without payment, to the order as its first parcel knows it (address,
     * carrier, seller's memo, and the paid order for the warehouse's documents), ready unless units
     * are missing ({@code shortages}, reserved before as for a paid order). Announced with {@link
     * ShipmentCreated} naming the case. One per case; none when there is nothing to send.
     */
    public static Change<Fulfillment> replacementOf(
            Optional<Fulfillment> current,
            Fulfillment first,
            String refundId,
            List<ItemQuantity> lines,
            List<ItemQuantity> shortages,
            Instant now) {
        if (current.isPresent() || lines.isEmpty()) {
            return Change.none();
        }
        return newParcel(
                first.orderId,
                first.storeId,
                replacementShipmentIdFor(refundId),
                false,
                lines,
                shortages,
                first.address,
                first.requestedCarrier,
                first.sellerMemo,
                first.paid,
                List.of(),
                null,
                refundId,
                now);
    }

    /**
     * A new parcel of {@code lines} (the order's {@code orderLines}, or a replacement's): held, or
     * ready unless units are missing; announced with {@link ShipmentCreated} and a {@link
     * StockShortage} per line short of stock.
     */
    private static Change<Fulfillment> newParcel(
            String orderId,
            String storeId,
            String shipmentId,
            boolean held,
            List<ItemQuantity> lines,
            List<ItemQuantity> shortages,
            Address address,
            String requestedCarrier,
            SellerMemo sellerMemo,
            PaidOrder paid,
            List<Integer> orderLines,
            FollowUpParcel followUp,
            String replacementFor,
            Instant now) {
        Fulfillment created = new Fulfillment(
                orderId,
                storeId,
                shipmentId,
                held ? ShipmentStatus.ON_HOLD : inWarehouse(shortages),
                lines,
                shortages,
                address,
                requestedCarrier,
                sellerMemo,
                now,
                null,
                null,
                null,
                null,
                paid,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                orderLines,
                followUp,
                replacementFor);
        return Change.of(created, announced(created));
    }

    /** A new parcel's announcements: created, and each line short of stock. */
    private static StoreOpsEvent[] announced(Fulfillment created) {
        List<StoreOpsEvent> events = new ArrayList<>();
        events.add(new ShipmentCreated(
                created.orderId,
                created.storeId,
                created.shipmentId,
                created.lines,
                created.createdAt,
                created.replacementFor));
        created.shortages.forEach(line -> events.add(new StockShortage(
                created.orderId, created.storeId, created.shipmentId, line.sku(), line.quantity(), created.createdAt)));
        return events.toArray(StoreOpsEvent[]::new);
    }

    private static Change<Fulfillment> firstParcel(
            OrderPaid paid,
            List<Integer> orderLines,
            List<ItemQuantity> shortages,
            FollowUpParcel followUp,
            Instant now) {
        return newParcel(
                paid.orderId(),
                paid.storeId(),
                shipmentIdFor(paid.orderId()),
                !paid.holds().isEmpty(),
                linesOf(carried(paid.lines(), orderLines)),
                shortages,
                paid.shippingAddress(),
                paid.requestedCarrier(),
                paid.sellerMemoCarrier() == null && paid.sellerMemoNote() == null
                        ? null
                        : new SellerMemo(paid.sellerMemoCarrier(), paid.sellerMemoNote()),
                new PaidOrder(
                        paid.externalOrderId(),
                        paid.channel(),
                        paid.paidAt() == null ? now : paid.paidAt(),
                        paid.lines(),
                        paid.shippingFee(),
                        paid.total(),
                        paid.buyerNote(),
                        paid.invoice()),
                orderLines,
                followUp,
                null,
                now);
    }

    /** The order lines at {@code indexes}; all of them when there are none. */
    private static List<OrderLine> carried(List<OrderLine> orderLines, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return orderLines;
        }
        return IntStream.range(0, orderLines.size())
                .filter(indexes::contains)
                .mapToObj(orderLines::get)
                .toList();
    }

    /** This parcel's part of the order's {@code orderLines}, as the warehouse picks them. */
    public List<ItemQuantity> parcelLines(List<OrderLine> orderLines) {
        return linesOf(carried(orderLines, this.orderLines));
    }

    /** The paid order's lines with line {@code lineIndex} changed to {@code toSku}, as the order desk changed it. */
    public List<OrderLine> linesAfterChange(int lineIndex, String toSku, String toTitle) {
        List<OrderLine> changed = new ArrayList<>(paid == null ? List.of() : paid.lines());
        if (lineIndex < 0 || lineIndex >= changed.size()) {
            return changed;
        }
        OrderLine line = changed.get(lineIndex);
        changed.set(
                lineIndex,
                new OrderLine(toSku, toTitle == null ? line.title() : toTitle, line.quantity(), line.unitPrice()));
        return changed;
    }

    /** Whether line {@code lineIndex} already is {@code toSku}: an item change taken before. */
    public boolean hasItem(int lineIndex, String toSku) {
        return paid != null
                && lineIndex >= 0
                && lineIndex < paid.lines().size()
                && toSku.equals(paid.lines().get(lineIndex).sku());
    }

    /**
     * Customer service changed a line's item (another SKU of the same product): the shipment packs
     * the new one. The stock of the SKUs concerned was re-reserved before ({@code changedSkus}; what
     * is still missing of them in {@code shortagesOfChanged}, each announced with {@link
     * StockShortage}). A change that arrives after the parcel left cannot follow it: customer
     * service hears of it as trouble.
     */
    public Change<Fulfillment> itemChanged(
            int lineIndex,
            String toSku,
            String toTitle,
            Set<String> changedSkus,
            List<ItemQuantity> shortagesOfChanged,
            Instant at) {
        if (status == ShipmentStatus.DISPATCHED && carries(lineIndex)) {
            String detail = "line " + lineIndex + " changed to " + toSku + " after the parcel left";
            return Change.of(
                    edit(draft -> draft.trouble = raised(ITEM_CHANGE_TOO_LATE, detail, at)),
                    new ShipmentException(orderId, storeId, shipmentId, ITEM_CHANGE_TOO_LATE, detail, at));
        }
        if (!isInWarehouse() || paid == null || hasItem(lineIndex, toSku)) {
            return Change.none();
        }
        List<OrderLine> changedLines = linesAfterChange(lineIndex, toSku, toTitle);
        List<ItemQuantity> stillShort = new ArrayList<>(shortages.stream()
                .filter(line -> !changedSkus.contains(line.sku()))
                .toList());
        stillShort.addAll(shortagesOfChanged);
        Fulfillment changed = edit(draft -> {
            draft.paid = new PaidOrder(
                    paid.externalOrderId(),
                    paid.channel(),
                    paid.paidAt(),
                    changedLines,
                    paid.shippingFee(),
                    paid.total(),
                    paid.buyerNote(),
                    paid.invoice());
            draft.lines = parcelLines(changedLines);
            draft.shortages = stillShort;
            if (status != ShipmentStatus.ON_HOLD) {
                draft.status = inWarehouse(stillShort);
            }
        });
        return Change.of(
                changed,
                shortagesOfChanged.stream()
                        .map(line -> new StockShortage(orderId, storeId, shipmentId, line.sku(), line.quantity(), at))
                        .toArray(StoreOpsEvent[]::new));
    }

    /** Units of {@code sku} are now reserved for this shipment: it is no longer short of them. */
    public Change<Fulfillment> stockAllocated(String sku) {
        if (shortages.stream().noneMatch(line -> line.sku().equals(sku))) {
            return Change.none();
        }
        List<ItemQuantity> stillShort =
                shortages.stream().filter(line -> !line.sku().equals(sku)).toList();
        ShipmentStatus next = status == ShipmentStatus.AWAITING_STOCK ? inWarehouse(stillShort) : status;
        return Change.of(edit(draft -> {
            draft.status = next;
            draft.shortages = stillShort;
        }));
    }

    /** Whether the shipment is still in the warehouse (not dispatched, not cancelled). */
    public boolean isInWarehouse() {
        return status == ShipmentStatus.READY
                || status == ShipmentStatus.ON_HOLD
                || status == ShipmentStatus.AWAITING_STOCK;
    }

    /** Ready, unless units are missing. */
    private static ShipmentStatus inWarehouse(List<ItemQuantity> shortages) {
        return shortages.isEmpty() ? ShipmentStatus.READY : ShipmentStatus.AWAITING_STOCK;
    }

    /**
     * The order was cancelled: a shipment still waiting will not go out. One already dispatched
     * stays as it is; the order side refuses such a cancellation and sends the buyer to a refund.
     */
    public Change<Fulfillment> orderCancelled(Instant at) {
        if (!isInWarehouse()) {
            return Change.none();
        }
        return Change.of(
                edit(draft -> {
                    draft.status = ShipmentStatus.CANCELLED;
                    draft.cancellation = new Cancellation(ORDER_CANCELLED, null, at);
                }),
                new ShipmentCancelled(orderId, storeId, shipmentId, ORDER_CANCELLED, at));
    }

    /**
     * The exchange this replacement is sent for was closed (the supervisor refunds instead): a
     * replacement still in the warehouse is cancelled and its units released; one that left is the
     * buyer's.
     */
    public Change<Fulfillment> exchangeClosed(Instant at) {
        if (!isReplacement() || !isInWarehouse()) {
            return Change.none();
        }
        return Change.of(
                edit(draft -> {
                    draft.status = ShipmentStatus.CANCELLED;
                    draft.cancellation = new Cancellation(EXCHANGE_CLOSED, replacementFor, at);
                }),
                new ShipmentCancelled(orderId, storeId, shipmentId, EXCHANGE_CLOSED, at));
    }

    /**
     * The buyer asked to send dispatched goods back, for their money or in exchange for the same
     * units again: the warehouse will wait for them once the refund desk approves. A request before
     * dispatch, or for money only, is not a return. Each parcel of a split order awaits the
     * returning units of the SKUs it carried. A request revised before the decision (after talking
     * with the buyer) names the units anew; the same request again changes nothing.
     */
    public Change<Fulfillment> refundRequested(String refundId, String type, List<ItemQuantity> returning, Instant at) {
        ReturnCase known = returnCase(refundId);
        boolean undecided = known == null
                || known.approvedAt() == null
                        && (known.status() == ReturnStatus.REQUESTED || known.status() == ReturnStatus.ELSEWHERE);
        if (status != ShipmentStatus.DISPATCHED || !sendsGoodsBack(type) || !undecided) {
            return Change.none();
        }
        List<ItemQuantity> expected = returning == null || returning.isEmpty() ? lines : ofThisParcel(returning);
        if (expected.isEmpty() && parcelNumber() == null) {
            return Change.none();
        }
        ReturnCase asked = new ReturnCase(
                refundId,
                expected.isEmpty() ? ReturnStatus.ELSEWHERE : ReturnStatus.REQUESTED,
                expected,
                known == null ? at : known.requestedAt(),
                null,
                null,
                false);
        return asked.equals(known) ? Change.none() : Change.of(withReturn(asked));
    }

    /**
     * The refund desk approved a refund. Before dispatch a refund of the goods intercepts the parcel:
     * the shipment is cancelled and its units released ({@link ShipmentCancelled}), and a printed
     * batch shows it to be pulled; a partial one (a price difference, a goodwill amount) lets it go.
     * The goods are the order's (by the amount) or every unit of this parcel (by the refund's lines:
     * a buyer who gives up waiting for a split order's second parcel). An exchange never intercepts:
     * it gives nothing up (its amount is nothing, its lines are the units to swap), and the refund
     * desk takes none before dispatch. After dispatch an approved return or exchange makes the
     * warehouse wait for the parcel, for the returning units it carried; nothing else changes here.
     *
     * @param refunded the units the refund names, per SKU; empty when it names none
     */
    public Change<Fulfillment> refundApproved(
            String refundId, String type, Money amount, List<ItemQuantity> refunded, Instant at) {
        if (isInWarehouse()) {
            if (EXCHANGE.equals(type) || (!coversTheGoods(amount) && !namesEveryUnit(refunded))) {
                return Change.none();
            }
            return Change.of(
                    edit(draft -> {
                        draft.status = ShipmentStatus.CANCELLED;
                        draft.cancellation = new Cancellation(REFUND_APPROVED, refundId, at);
                    }),
                    new ShipmentCancelled(orderId, storeId, shipmentId, REFUND_APPROVED, at));
        }
        if (status != ShipmentStatus.DISPATCHED || !sendsGoodsBack(type)) {
            return Change.none();
        }
        ReturnCase requested = returnCase(refundId);
        if (requested == null) {
            List<ItemQuantity> expected = refunded.isEmpty() ? lines : ofThisParcel(refunded);
            return expected.isEmpty()
                    ? Change.none()
                    : Change.of(
                            withReturn(new ReturnCase(refundId, ReturnStatus.APPROVED, expected, at, at, null, false)));
        }
        if (requested.status() != ReturnStatus.REQUESTED) {
            return Change.none();
        }
        // the approval names what was decided: a revision it saw may not have reached the warehouse yet
        List<ItemQuantity> expected = refunded.isEmpty() ? requested.expected() : ofThisParcel(refunded);
        return Change.of(withReturn(new ReturnCase(
                refundId,
                expected.isEmpty() ? ReturnStatus.ELSEWHERE : ReturnStatus.APPROVED,
                expected,
                requested.requestedAt(),
                at,
                null,
                false)));
    }

    /** Whether a refund of {@code type} has the buyer send the goods back. */
    private static boolean sendsGoodsBack(String type) {
        return RETURN_AND_REFUND.equals(type) || EXCHANGE.equals(type);
    }

    /** The refund ended without a return: the warehouse stops waiting for a parcel. */
    public Change<Fulfillment> refundClosed(String refundId) {
        ReturnCase open = returnCase(refundId);
        if (open == null || (open.status() != ReturnStatus.REQUESTED && open.status() != ReturnStatus.APPROVED)) {
            return Change.none();
        }
        return Change.of(withReturn(new ReturnCase(
                refundId, ReturnStatus.CLOSED, open.expected(), open.requestedAt(), open.approvedAt(), null, false)));
    }

    /**
     * The returned parcel arrived: the warehouse accounts for every expected unit as resellable,
     * damaged or missing ({@link ReturnReceived} says what arrived). Resellable units go back to stock.
     */
    public Change<Fulfillment> returnReceived(
            String refundId, List<ReturnedLine> found, String note, String by, Instant at) {
        ReturnCase expected = returnCase(refundId);
        if (expected == null) {
            throw new ShipmentConflict(
                    status, "Shipment " + shipmentId + " has no return for refund " + refundId + ".");
        }
        if (expected.status() != ReturnStatus.APPROVED) {
            throw new ShipmentConflict(
                    status,
                    "The return of refund " + refundId + " is " + expected.status()
                            + (expected.receipt() == null
                                    ? ": the warehouse takes a return once it is approved."
                                    : " (by " + expected.receipt().by() + " at "
                                            + expected.receipt().at() + ")."));
        }
        requireEveryUnitAccountedFor(expected.expected(), found);
        String cleanNote = note == null || note.isBlank() ? null : limited(note.strip());
        ReturnReceipt receipt = new ReturnReceipt(found, cleanNote, by, at);
        List<ItemQuantity> arrived = found.stream()
                .filter(line -> line.arrived() > 0)
                .map(line -> new ItemQuantity(line.sku(), line.arrived()))
                .toList();
        String inspection = found.stream()
                        .map(line -> line.sku() + ": " + line.resellable() + " resellable, " + line.damaged()
                                + " damaged, " + line.missing() + " missing")
                        .collect(Collectors.joining("; "))
                + (cleanNote == null ? "" : " — " + cleanNote);
        return Change.of(
                withReturn(new ReturnCase(
                        refundId,
                        ReturnStatus.RECEIVED,
                        expected.expected(),
                        expected.requestedAt(),
                        expected.approvedAt(),
                        receipt,
                        false)),
                new ReturnReceived(orderId, storeId, refundId, arrived, inspection, by, at));
    }

    /** The received return's resellable units are back in stock: a replayed receipt restocks nothing. */
    public Change<Fulfillment> restocked(String refundId) {
        ReturnCase received = returnCase(refundId);
        if (received == null || received.status() != ReturnStatus.RECEIVED || received.restocked()) {
            return Change.none();
        }
        return Change.of(withReturn(new ReturnCase(
                refundId,
                ReturnStatus.RECEIVED,
                received.expected(),
                received.requestedAt(),
                received.approvedAt(),
                received.receipt(),
                true)));
    }

    /**
     * A full refund approved before fulfilment saw the order paid (the refund desk's topic ran ahead
     * of the order's): the shipment is made cancelled, so that the payment, when it comes, finds it
     * and ships nothing.
     */
    public static Change<Fulfillment> interceptedBeforePayment(
            String orderId, String storeId, String refundId, Instant at) {
        String shipmentId = shipmentIdFor(orderId);
        Fulfillment stopped = new Fulfillment(
                orderId,
                storeId,
                shipmentId,
                ShipmentStatus.CANCELLED,
                List.of(),
                List.of(),
                null,
                null,
                null,
                at,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                new Cancellation(REFUND_APPROVED, refundId, at),
                List.of(),
                List.of(),
                null,
                null);
        return Change.of(stopped, new ShipmentCancelled(orderId, storeId, shipmentId, REFUND_APPROVED, at));
    }

    /** The return of {@code refundId}, if the warehouse knows of one. */
    public ReturnCase returnCase(String refundId) {
        return returns.stream()
                .filter(candidate -> candidate.refundId().equals(refundId))
                .findFirst()
                .orElse(null);
    }

    private static void requireEveryUnitAccountedFor(List<ItemQuantity> expected, List<ReturnedLine> found) {
        if (found == null || found.isEmpty()) {
            throw new IllegalArgumentException(
                    "lines are required: every returned SKU with resellable, damaged, missing");
        }
        Map<String, Integer> expectedUnits = new LinkedHashMap<>();
        expected.forEach(line -> expectedUnits.merge(line.sku(), line.quantity(), Integer::sum));
        Set<String> seen = new HashSet<>();
        for (ReturnedLine line : found) {
            if (line == null) {
                throw new IllegalArgumentException("a line is empty: each needs sku, resellable, damaged, missing");
            }
            if (line.sku() == null || !expectedUnits.containsKey(line.sku())) {
                throw new IllegalArgumentException(
                        "SKU " + line.sku() + " is not in this return: " + expectedUnits.keySet());
            }
            if (!seen.add(line.sku())) {
                throw new IllegalArgumentException("SKU " + line.sku() + " is listed twice");
            }
            if (line.resellable() < 0 || line.damaged() < 0 || line.missing() < 0) {
                throw new IllegalArgumentException("resellable, damaged and missing must not be negative");
            }
            long units = expectedUnits.get(line.sku());
            if ((long) line.resellable() + line.damaged() + line.missing() != units) {
                throw new IllegalArgumentException(units + " units of " + line.sku()
                        + " are expected: resellable, damaged and missing must add up to that");
            }
        }
        if (!seen.containsAll(expectedUnits.keySet())) {
            throw new IllegalArgumentException(
                    "every SKU of the return must be accounted for: " + expectedUnits.keySet());
        }
    }

    private Fulfillment withReturn(ReturnCase updated) {
        List<ReturnCase> all = new ArrayList<>(returns);
        all.removeIf(existing -> existing.refundId().equals(updated.refundId()));
        all.add(updated);
        return edit(draft -> draft.returns = all);
    }

    /**
     * Whether {@code amount} gives back at least what the order's goods cost (an unknown amount is
     * taken as all; for goods that cost nothing, only an unknown amount).
     */
    private boolean coversTheGoods(Money amount) {
        if (amount == null || paid == null || paid.total() == null) {
            return true;
        }
        long goods = paid.total().amountMinor()
                - (paid.shippingFee() == null ? 0 : paid.shippingFee().amountMinor());
        return goods > 0 && amount.amountMinor() >= goods;
    }

    /** Whether {@code refunded} names every unit this parcel carries. */
    private boolean namesEveryUnit(List<ItemQuantity> refunded) {
        if (refunded.isEmpty()) {
            return false;
        }
        Map<String, Integer> named = new LinkedHashMap<>();
        refunded.forEach(line -> named.merge(line.sku(), line.quantity(), Integer::sum));
        Map<String, Integer> carried = new LinkedHashMap<>();
        lines.forEach(line -> carried.merge(line.sku(), line.quantity(), Integer::sum));
        return carried.entrySet().stream().allMatch(line -> named.getOrDefault(line.getKey(), 0) >= line.getValue());
    }

    /** The lines of {@code units} whose SKU this parcel carries. */
    private List<ItemQuantity> ofThisParcel(List<ItemQuantity> units) {
        Set<String> carriedSkus = lines.stream().map(ItemQuantity::sku).collect(Collectors.toSet());
        return units.stream().filter(line -> carriedSkus.contains(line.sku())).toList();
    }

    /** Customer service corrected the address: a shipment still in the warehouse goes to the new one. */
    public Change<Fulfillment> addressChanged(Address corrected) {
        if (!isInWarehouse() || corrected.equals(address)) {
            return Change.none();
        }
        return Change.of(edit(draft -> draft.address = corrected));
    }

    /** The order went into review: a waiting shipment must not go out until it is released. */
    public Change<Fulfillment> orderHeld() {
        return status == ShipmentStatus.READY || status == ShipmentStatus.AWAITING_STOCK
                ? Change.of(edit(draft -> draft.status = ShipmentStatus.ON_HOLD))
                : Change.none();
    }

    /** Review is done: the shipment waits for the warehouse again. */
    public Change<Fulfillment> orderReleased() {
        return status == ShipmentStatus.ON_HOLD
                ? Change.of(edit(draft -> draft.status = inWarehouse(shortages)))
                : Change.none();
    }

    /** Customer service wrote the seller's memo: a shipment still in the warehouse takes it whole. */
    public Change<Fulfillment> sellerMemoChanged(String carrier, String note) {
        SellerMemo memo = new SellerMemo(carrier, note);
        if (!isInWarehouse() || memo.equals(sellerMemo)) {
            return Change.none();
        }
        return Change.of(edit(draft -> draft.sellerMemo = memo));
    }

    /** The carrier the parcel should go with: the shop's choice in the seller's memo, else the buyer's request. */
    public String carrierToUse() {
        return sellerMemo != null && sellerMemo.carrier() != null ? sellerMemo.carrier() : requestedCarrier;
    }

    /** When the buyer paid: what decides the batch the shipment belongs to. */
    public Instant paidAt() {
        return paid == null || paid.paidAt() == null ? createdAt : paid.paidAt();
    }

    /** The day's batch took this shipment; the first batch to take it keeps it. */
    public Change<Fulfillment> joinBatch(String newBatchId) {
        return batchId == null && isInWarehouse()
                ? Change.of(edit(draft -> draft.batchId = newBatchId))
                : Change.none();
    }

    /** {@code closedBatchId} closed without this parcel: it goes into the next batch. */
    public Change<Fulfillment> leaveBatch(String closedBatchId) {
        return closedBatchId.equals(batchId) && isInWarehouse()
                ? Change.of(edit(draft -> draft.batchId = null))
                : Change.none();
    }

    /** Customer service records the buyer urging dispatch; the batch and its report mark the shipment. */
    public Change<Fulfillment> urged(String by, Instant at, String note) {
        if (!isInWarehouse()) {
            throw new ShipmentConflict(status, "Shipment " + shipmentId + " has left the warehouse: " + status + ".");
        }
        List<Urge> more = new ArrayList<>(urges);
        more.add(new Urge(by, at, note));
        return Change.of(edit(draft -> draft.urges = more));
    }

    /**
     * The warehouse checked the parcel against its outbound slip. A mismatch needs a note of what is
     * missing, holds the parcel back from dispatch and tells customer service ({@link
     * ShipmentException}); a later complete check lets it go.
     */
    public Change<Fulfillment> inspected(boolean complete, String note, String by, Instant at) {
        return inspected(complete, note, List.of(), Checklist.of(this, Map.of()), by, at);
    }

    /**
     * The warehouse checked the parcel against its {@code checklist}, naming the items of it that
     * are {@code missing}: naming any makes the check a mismatch, whose note says what is missing
     * (followed by the warehouse's own note, if any). A mismatch needs a note or a missing item,
     * holds the parcel back from dispatch and tells customer service ({@link ShipmentException}); a
     * later complete check lets it go. A complete check names nothing missing.
     *
     * @throws NotOnChecklist for a missing item the checklist does not list
     */
    public Change<Fulfillment> inspected(
            boolean complete,
            String note,
            List<Checklist.Missing> missing,
            Checklist checklist,
            String by,
            Instant at) {
        String ownNote = note == null || note.isBlank() ? null : note.strip();
        if (ownNote != null && ownNote.length() > NOTE_LIMIT) {
            throw new IllegalArgumentException("note must be at most " + NOTE_LIMIT + " characters");
        }
        List<Checklist.Missing> notFound = checklist.confirm(missing);
        if (complete && !notFound.isEmpty()) {
            throw new IllegalArgumentException(
                    "a complete check names nothing missing: say complete false, or name nothing");
        }
        if (!complete && ownNote == null && notFound.isEmpty()) {
            throw new IllegalArgumentException(
                    "note is required for a mismatch: say what is missing or wrong (or name the missing items)");
        }
        if (!isInWarehouse()) {
            throw new ShipmentConflict(
                    status, "Shipment " + shipmentId + " is " + status + ": there is no parcel to check.");
        }
        if (complete) {
            return Change.of(edit(draft -> {
                draft.inspection = new Inspection(true, ownNote, by, at);
                if (trouble != null && trouble.open() && ACCESSORIES_MISMATCH.equals(trouble.kind())) {
                    draft.trouble = resolved(TroubleOutcome.RECHECKED, ownNote, by, at);
                }
            }));
        }
        String mismatch =
                notFound.isEmpty() ? ownNote : Checklist.noteOf(notFound) + (ownNote == null ? "" : "; " + ownNote);
        return Change.of(
                edit(draft -> {
                    draft.inspection = new Inspection(false, mismatch, by, at, notFound);
                    draft.trouble = raised(ACCESSORIES_MISMATCH, mismatch, at);
                }),
                new ShipmentException(orderId, storeId, shipmentId, ACCESSORIES_MISMATCH, mismatch, at));
    }

    /**
     * The carrier reports on the dispatched parcel. A report older than the latest taken, or any
     * after delivery or return, changes nothing: repeated and out-of-order pushes never move a parcel
     * backwards. Delivery announces itself ({@link ShipmentDelivered}) and ends any trouble; a failed
     * attempt, an exception or a return puts the parcel in customer service's queue ({@link
     * ShipmentException}).
     */
    public Change<Fulfillment> tracked(TrackingUpdate update) {
        if (status != ShipmentStatus.DISPATCHED || (tracking != null && !movesOn(update))) {
            return Change.none();
        }
        Tracking latest = new Tracking(update.status(), update.at(), update.detail(), update.location());
        if (update.status() == TrackingStatus.DELIVERED) {
            return Change.of(
                    edit(draft -> {
                        draft.tracking = latest;
                        if (trouble != null && trouble.open()) {
                            draft.trouble = resolved(TroubleOutcome.DELIVERED, update.detail(), CARRIER, update.at());
                        }
                    }),
                    new ShipmentDelivered(orderId, storeId, shipmentId, update.at()));
        }
        if (update.status().isTrouble()) {
            return Change.of(
                    edit(draft -> {
                        draft.tracking = latest;
                        draft.trouble = raised(update.status().name(), update.detail(), update.at());
                    }),
                    new ShipmentException(
                            orderId, storeId, shipmentId, update.status().name(), update.detail(), update.at()));
        }
        return Change.of(edit(draft -> draft.tracking = latest));
    }

    /**
     * Whether a report moves the parcel on from the latest taken: it happened later, or at the same
     * moment with trouble or an end the latest did not say (feeds report trouble such as an expired
     * tracking without a new scan, under the time of the last one). Nothing follows delivery or return.
     */
    private boolean movesOn(TrackingUpdate update) {
        if (tracking.status().isLast()) {
            return false;
        }
        if (update.at().equals(tracking.at())) {
            return update.status() != tracking.status()
                    && (update.status().isTrouble() || update.status().isLast());
        }
        return update.at().isAfter(tracking.at());
    }

    /** Customer service notes a step taken on the parcel in trouble. */
    public Change<Fulfillment> troubleNoted(String note, String by, Instant at) {
        String cleanNote = requiredNote(note);
        Trouble open = openTrouble();
        List<FollowUp> notes = new ArrayList<>(open.notes());
        notes.add(new FollowUp(by, at, cleanNote));
        return Change.of(edit(draft -> draft.trouble =
                new Trouble(open.kind(), open.detail(), open.reportedAt(), open.lastReportAt(), true, notes, null)));
    }

    /** Customer service decides how the parcel's trouble ends: redelivery, return or refund. */
    public Change<Fulfillment> troubleResolved(TroubleOutcome outcome, String note, String by, Instant at) {
        if (outcome != TroubleOutcome.REDELIVER
                && outcome != TroubleOutcome.RETURN
                && outcome != TroubleOutcome.REFUND) {
            throw new IllegalArgumentException("outcome must be REDELIVER, RETURN or REFUND");
        }
        openTrouble();
        String cleanNote = note == null || note.isBlank() ? null : limited(note.strip());
        return Change.of(edit(draft -> draft.trouble = resolved(outcome, cleanNote, by, at)));
    }

    private Trouble openTrouble() {
        if (trouble == null || !trouble.open()) {
            throw new ShipmentConflict(status, "Shipment " + shipmentId + " has no open trouble to follow up.");
        }
        return trouble;
    }

    /** New trouble, or the open one with the latest report (still queued by its first). */
    private Trouble raised(String kind, String detail, Instant at) {
        return trouble != null && trouble.open()
                ? new Trouble(kind, detail, trouble.reportedAt(), at, true, trouble.notes(), null)
                : new Trouble(kind, detail, at, at, true, List.of(), null);
    }

    private Trouble resolved(TroubleOutcome outcome, String note, String by, Instant at) {
        return new Trouble(
                trouble.kind(),
                trouble.detail(),
                trouble.reportedAt(),
                trouble.lastReportAt(),
                false,
                trouble.notes(),
                new Resolution(outcome, note, by, at));
    }

    private static String requiredNote(String note) {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note is required");
        }
        return limited(note.strip());
    }

    private static String limited(String note) {
        if (note.length() > NOTE_LIMIT) {
            throw new IllegalArgumentException("note must be at most " + NOTE_LIMIT + " characters");
        }
        return note;
    }

    /**
     * The warehouse hands the parcel to the carrier, its accessories checked (before, or now:
     * {@code checkedNow}), with a tracking number in the carrier's format. Dispatching again with the
     * same carrier and tracking number is a harmless repeat; anything else on a dispatched shipment
     * is a conflict.
     */
    public Change<Fulfillment> dispatch(String carrierCode, String number, boolean checkedNow, String by, Instant at) {
        String newCarrier = Carrier.normalise(carrierCode);
        if (newCarrier == null || newCarrier.isBlank() || newCarrier.length() > 40) {
            throw new IllegalArgumentException("carrier is required (at most 40 characters)");
        }
        Carrier.problemWith(newCarrier, number).ifPresent(problem -> {
            throw new TrackingNumberRejected(newCarrier, Carrier.normaliseNumber(number), problem);
        });
        String newTrackingNumber = Carrier.normaliseNumber(number);
        if (status == ShipmentStatus.DISPATCHED) {
            if (newCarrier.equals(carrier) && newTrackingNumber.equals(trackingNumber)) {
                return Change.none();
            }
            throw new ShipmentConflict(
                    status,
                    "Shipment " + shipmentId + " was already dispatched with " + carrier + " " + trackingNumber + ".");
        }
        refuseDispatchWhileNotReady();
        if (inspection != null && !inspection.complete()) {
            throw new ShipmentConflict(
                    status,
                    "Shipment " + shipmentId + " failed its check (" + inspection.note() + "): check it again "
                            + "once the parcel is complete.");
        }
        if (inspection == null && !checkedNow) {
            throw new ShipmentConflict(
                    status,
                    "Shipment " + shipmentId + " has not been checked against its outbound slip: check its "
                            + "accessories first (or say accessoriesChecked when dispatching).");
        }
        Fulfillment dispatched = edit(draft -> {
            draft.status = ShipmentStatus.DISPATCHED;
            draft.carrier = newCarrier;
            draft.trackingNumber = newTrackingNumber;
            draft.dispatchedBy = by;
            draft.dispatchedAt = at;
            if (inspection == null) {
                draft.inspection = new Inspection(true, null, by, at);
            }
        });
        return Change.of(
                dispatched,
                new ShipmentDispatched(
                        orderId, storeId, shipmentId, newCarrier, newTrackingNumber, batchId, lines, by, at));
    }

    private void refuseDispatchWhileNotReady() {
        if (status == ShipmentStatus.CANCELLED) {
            throw new ShipmentConflict(
                    status,
                    cancellation != null && REFUND_APPROVED.equals(cancellation.reason())
                            ? "Shipment " + shipmentId + " was intercepted by refund " + cancellation.refundId()
                                    + ": pull the parcel and put its goods back on the shelf."
                            : "Shipment " + shipmentId + " is cancelled with its order: do not ship it.");
        }
        if (status == ShipmentStatus.ON_HOLD) {
            throw new ShipmentConflict(
                    status, "Shipment " + shipmentId + " is held for customer service review: wait for its release.");
        }
        if (status == ShipmentStatus.AWAITING_STOCK) {
            throw new ShipmentConflict(
                    status,
                    "Shipment " + shipmentId + " is waiting for stock of " + shortages + ": wait for the restock.");
        }
    }

    /** A copy of this shipment with {@code changes} applied. */
    private Fulfillment edit(Consumer<Draft> changes) {
        Draft draft = new Draft(this);
        changes.accept(draft);
        return draft.build();
    }

    /** What a decision may change; the order, store, lines and payment never change here. */
    private static final class Draft {
        private final Fulfillment from;
        ShipmentStatus status;
        List<ItemQuantity> lines;
        PaidOrder paid;
        List<ItemQuantity> shortages;
        Address address;
        SellerMemo sellerMemo;
        String carrier;
        String trackingNumber;
        String dispatchedBy;
        Instant dispatchedAt;
        String batchId;
        List<Urge> urges;
        Inspection inspection;
        Tracking tracking;
        Trouble trouble;
        Cancellation cancellation;
        List<ReturnCase> returns;

        private Draft(Fulfillment from) {
            this.from = from;
            status = from.status;
            lines = from.lines;
            paid = from.paid;
            shortages = from.shortages;
            address = from.address;
            sellerMemo = from.sellerMemo;
            carrier = from.carrier;
            trackingNumber = from.trackingNumber;
            dispatchedBy = from.dispatchedBy;
            dispatchedAt = from.dispatchedAt;
            batchId = from.batchId;
            urges = from.urges;
            inspection = from.inspection;
            tracking = from.tracking;
            trouble = from.trouble;
            cancellation = from.cancellation;
            returns = from.returns;
        }

        private Fulfillment build() {
            return new Fulfillment(
                    from.orderId,
                    from.storeId,
                    from.shipmentId,
                    status,
                    lines,
                    shortages,
                    address,
                    from.requestedCarrier,
                    sellerMemo,
                    from.createdAt,
                    carrier,
                    trackingNumber,
                    dispatchedBy,
                    dispatchedAt,
                    paid,
                    batchId,
                    urges,
                    inspection,
                    tracking,
                    trouble,
                    cancellation,
                    returns,
                    from.orderLines,
                    from.followUp,
                    from.replacementFor);
        }
    }
}
