package io.storeops.fulfillment.stock;

import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SKU's stock in one store: the units on hand, those reserved for shipments not yet
 * dispatched, the shipments waiting for units (oldest paid first), and the movements that made the
 * stock what it is — counted, received, taken out, shipped — each with who, when, why and from
 * where. Stock on hand never goes below zero, nor below the units reserved for shipments. A
 * restock or a release serves the waiting shipments in the order they were paid, each line whole
 * ({@link StockAllocated}). The document keeps the latest {@value #MOVEMENTS_KEPT} movements.
 */
public record StockItem(
        String storeId,
        String sku,
        int onHand,
        List<Reservation> reserved,
        List<Waiting> waiting,
        List<StockMovement> movements) {

    static final int MOVEMENTS_KEPT = 500;
    static final int MOST_ON_HAND = 10_000_000;
    static final int LONGEST_REASON = 200;
    private static final Pattern SKU = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Comparator<Waiting> OLDEST_PAID_FIRST =
            Comparator.comparing(Waiting::paidAt).thenComparing(Waiting::shipmentId);

    /** A shipment line short of this SKU: it gets its units when enough are free, oldest paid first. */
    public record Waiting(String shipmentId, String orderId, int quantity, Instant paidAt) {}

    /**
     * Units held for a shipment until its parcel leaves. A list, not a map by shipment id: ids come
     * from storefronts and may hold characters a document's field names may not.
     */
    public record Reservation(String shipmentId, int units) {}

    public StockItem {
        reserved = reserved == null ? List.of() : List.copyOf(reserved);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
        movements = movements == null ? List.of() : List.copyOf(movements);
    }

    /** A store's SKU is one document: {@code <storeId>:<sku>}. */
    public static String idFor(String storeId, String sku) {
        return storeId + ":" + sku;
    }

    /** Units neither reserved nor gone: what a new order may take. */
    public int available() {
        return onHand - reservedUnits();
    }

    /** Units held for shipments not yet dispatched. */
    public int reservedUnits() {
        return reserved.stream().mapToInt(Reservation::units).sum();
    }

    /** Whether {@code shipmentId}'s line holds its units. */
    public boolean holdsFor(String shipmentId) {
        return reservationOf(shipmentId).isPresent();
    }

    private Optional<Reservation> reservationOf(String shipmentId) {
        return reserved.stream()
                .filter(reservation -> reservation.shipmentId().equals(shipmentId))
                .findFirst();
    }

    /**
     * How many units {@code shipmentId}'s waiting line still lacks: what the lines waiting longer
     * leave of the available units is not enough (at least 1; 0 when it holds its units or is unknown).
     */
    public int missingFor(String shipmentId) {
        int free = Math.max(available(), 0);
        for (Waiting line : waiting) {
            if (line.shipmentId().equals(shipmentId)) {
                return line.quantity() - Math.min(free, line.quantity() - 1);
            }
            free = Math.max(free - line.quantity(), 0);
        }
        return 0;
    }

    /** A stock count: {@code counted} units on hand from now on, whatever the ledger said. */
    public static Change<StockItem> count(Optional<StockItem> current, StockMovement.Request counted) {
        requireQuantity(counted.quantity(), "onHand");
        int before = current.map(StockItem::onHand).orElse(0);
        return move(current, counted, counted.quantity() - before, StockMovement.Kind.COUNTED);
    }

    /** Units received (positive) or taken out (negative: damaged, lost, sample); never below zero. */
    public static Change<StockItem> adjust(Optional<StockItem> current, StockMovement.Request adjustment) {
        int delta = adjustment.quantity();
        if (delta == 0) {
            throw new IllegalArgumentException("delta must not be 0.");
        }
        int after = current.map(StockItem::onHand).orElse(0) + delta;
        if (after < 0) {
            throw new IllegalArgumentException("only " + (after - delta) + " on hand: cannot take out " + -delta + ".");
        }
        requireQuantity(after, "the stock after the adjustment");
        return move(current, adjustment, delta, StockMovement.Kind.ADJUSTED);
    }

    /**
     * A paid shipment line asks for its units: they are reserved if available, else the line waits
     * for a restock. Asking again for the same shipment changes nothing.
     */
    public Change<StockItem> reserve(Waiting line, Instant at) {
        if (holdsFor(line.shipmentId())
                || waiting.stream().anyMatch(queued -> queued.shipmentId().equals(line.shipmentId()))) {
            return Change.none();
        }
        if (waiting.isEmpty() && available() >= line.quantity()) {
            List<Reservation> holding = new ArrayList<>(reserved);
            holding.add(new Reservation(line.shipmentId(), line.quantity()));
            return Change.of(new StockItem(storeId, sku, onHand, holding, waiting, movements));
        }
        // Payments arrive out of order: a line paid earlier than those waiting goes ahead of them,
        // and is served at once if what is free covers it.
        List<Waiting> queue = new ArrayList<>(waiting);
        queue.add(line);
        queue.sort(OLDEST_PAID_FIRST);
        return new StockItem(storeId, sku, onHand, reserved, queue, movements).serveWaiting(at);
    }

    /** The shipment will not go out: its reserved units are free again (for those waiting), or it stops waiting. */
    public Change<StockItem> release(String shipmentId, Instant at) {
        List<Reservation> holding = new ArrayList<>(reserved);
        List<Waiting> queue = new ArrayList<>(waiting);
        if (!holding.removeIf(reservation -> reservation.shipmentId().equals(shipmentId))
                && !queue.removeIf(queued -> queued.shipmentId().equals(shipmentId))) {
            return Change.none();
        }
        return new StockItem(storeId, sku, onHand, holding, queue, movements).serveWaiting(at);
    }

    /**
     * An order split into two parcels: what {@code fromShipmentId} holds or waits for now belongs to
     * {@code toShipmentId}, in the same place in the queue (it was paid at the same time). Handing
     * over again changes nothing.
     */
    public Change<StockItem> handOver(String fromShipmentId, String toShipmentId) {
        List<Reservation> holding = reserved.stream()
                .map(reservation -> reservation.shipmentId().equals(fromShipmentId)
                        ? new Reservation(toShipmentId, reservation.units())
                        : reservation)
                .toList();
        List<Waiting> queue = waiting.stream()
                .map(line -> line.shipmentId().equals(fromShipmentId)
                        ? new Waiting(toShipmentId, line.orderId(), line.quantity(), line.paidAt())
                        : line)
                .sorted(OLDEST_PAID_FIRST)
                .toList();
        if (holding.equals(reserved) && queue.equals(waiting)) {
            return Change.none();
        }
        return Change.of(new StockItem(storeId, sku, onHand, holding, queue, movements));
    }

    /** The parcel left with its reserved units: they are gone from stock. A shipment holding none changes nothing. */
    public Change<StockItem> ship(String shipmentId, String by, Instant at) {
        Optional<Reservation> held = reservationOf(shipmentId);
        if (held.isEmpty()) {
            return Change.none();
        }
        int units = held.get().units();
        List<Reservation> holding = new ArrayList<>(reserved);
        holding.remove(held.get());
        StockItem left = new StockItem(storeId, sku, onHand, holding, waiting, movements);
        return Change.of(left.moved(new StockMovement(
                at, StockMovement.Kind.SHIPPED, -units, onHand - units, shipmentId, by, "dispatch", null)));
    }

    /**
     * Resellable units of an approved return came back to the shelf; those waiting longest may get
     * them. Once per return: the movement names it.
     */
    public Change<StockItem> returned(int units, String refundId, String by, Instant at) {
        String reason = "return " + refundId;
        if (units <= 0
                || movements.stream()
                        .anyMatch(movement ->
                                movement.kind() == StockMovement.Kind.RETURNED && reason.equals(movement.reason()))) {
            return Change.none();
        }
        requireQuantity(onHand + units, "the stock after the return");
        return moved(new StockMovement(
                        at, StockMovement.Kind.RETURNED, units, onHand + units, reason, by, "returns", null))
                .serveWaiting(at);
    }

    /** @throws IllegalArgumentException when {@code sku} is not a plausible stock-keeping unit code */
    public static void requireSku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException(
                    "sku must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
    }

    private static Change<StockItem> move(
            Optional<StockItem> current, StockMovement.Request request, int delta, StockMovement.Kind kind) {
        requireSku(request.sku());
        if (request.requestKey() != null
                && current.map(item -> item.movements.stream()
                                .anyMatch(movement -> request.requestKey().equals(movement.requestKey())))
                        .orElse(false)) {
            return Change.none(); // a retried request, made already
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().trim();
        if (reason != null && reason.length() > LONGEST_REASON) {
            throw new IllegalArgumentException("reason is at most " + LONGEST_REASON + " characters.");
        }
        StockItem item = current.orElseGet(
                () -> new StockItem(request.storeId(), request.sku(), 0, List.of(), List.of(), List.of()));
        if (item.onHand + delta < item.reservedUnits()) {
            throw new IllegalArgumentException(
                    item.reservedUnits() + " units are reserved for shipments: on hand cannot "
                            + "go below that (dispatch or cancel them first).");
        }
        StockItem moved = item.moved(new StockMovement(
                request.at(),
                kind,
                delta,
                item.onHand + delta,
                reason,
                request.by(),
                request.source(),
                request.requestKey()));
        return moved.serveWaiting(request.at());
    }

    /** This item with {@code movement} applied to what is on hand and kept among the latest movements. */
    private StockItem moved(StockMovement movement) {
        List<StockMovement> kept = new ArrayList<>(movements);
        kept.add(movement);
        if (kept.size() > MOVEMENTS_KEPT) {
            kept.remove(0);
        }
        return new StockItem(storeId, sku, movement.onHandAfter(), reserved, waiting, kept);
    }

    /**
     * This item after reserving units for waiting lines, oldest paid first, while the oldest one
     * fits: a large order is not overtaken by later small ones. Each line served is announced.
     */
    private Change<StockItem> serveWaiting(Instant at) {
        List<Reservation> holding = new ArrayList<>(reserved);
        List<Waiting> queue = new ArrayList<>(waiting);
        List<StockAllocated> served = new ArrayList<>();
        int free = available();
        while (!queue.isEmpty() && queue.get(0).quantity() <= free) {
            Waiting line = queue.remove(0);
            holding.add(new Reservation(line.shipmentId(), line.quantity()));
            free -= line.quantity();
            served.add(new StockAllocated(line.orderId(), storeId, line.shipmentId(), sku, line.quantity(), at));
        }
        return Change.of(
                new StockItem(storeId, sku, onHand, holding, queue, movements), served.toArray(StockAllocated[]::new));
    }

    private static void requireQuantity(int quantity, String what) {
        if (quantity < 0 || quantity > MOST_ON_HAND) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MOST_ON_HAND + ".");
        }
    }
}
