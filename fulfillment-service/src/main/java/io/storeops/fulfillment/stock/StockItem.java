package io.storeops.fulfillment.stock;

import io.storeops.platform.outbox.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SKU's stock in one store: how many units are on hand, and the movements that made it so —
 * counted, received, written off — each with who, when, why and from where (a person, an import).
 * Stock never goes below zero. The document keeps the latest {@value #MOVEMENTS_KEPT} movements.
 */
public record StockItem(String storeId, String sku, int onHand, List<StockMovement> movements) {

    static final int MOVEMENTS_KEPT = 500;
    static final int MOST_ON_HAND = 10_000_000;
    static final int LONGEST_REASON = 200;
    private static final Pattern SKU = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$");

    public StockItem {
        movements = movements == null ? List.of() : List.copyOf(movements);
    }

    /** A store's SKU is one document: {@code <storeId>:<sku>}. */
    public static String idFor(String storeId, String sku) {
        return storeId + ":" + sku;
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

    /** @throws IllegalArgumentException when {@code sku} is not a plausible stock-keeping unit code */
    public static void requireSku(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException(
                    "sku must be 1 to 64 letters, digits, '.', '_', '/' or '-', starting with a letter or digit.");
        }
    }

    private static Change<StockItem> move(
            Optional<StockItem> current, StockMovement.Request request, int delta, StockMovement.Kind kind) {
        requireSku(request.sku());
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().trim();
        if (reason != null && reason.length() > LONGEST_REASON) {
            throw new IllegalArgumentException("reason is at most " + LONGEST_REASON + " characters.");
        }
        StockItem item = current.orElseGet(() -> new StockItem(request.storeId(), request.sku(), 0, List.of()));
        int after = item.onHand + delta;
        List<StockMovement> moved = new ArrayList<>(item.movements);
        moved.add(new StockMovement(request.at(), kind, delta, after, reason, request.by(), request.source()));
        if (moved.size() > MOVEMENTS_KEPT) {
            moved.remove(0);
        }
        return Change.of(new StockItem(item.storeId, item.sku, after, moved));
    }

    private static void requireQuantity(int quantity, String what) {
        if (quantity < 0 || quantity > MOST_ON_HAND) {
            throw new IllegalArgumentException(what + " must be between 0 and " + MOST_ON_HAND + ".");
        }
    }
}
