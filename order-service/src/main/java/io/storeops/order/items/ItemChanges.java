package io.storeops.order.items;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderItemChanged;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.ItemChange;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Progress;
import io.storeops.order.lifecycle.TimelineEntry;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Changing a line's item or size at the buyer's request (修改商品及尺码): another SKU of the same
 * product, before the parcel leaves, with the price difference noted for the refund desk.
 *
 * <p>Until the listing service knows each product's SKUs, "the same product" is read from the SKU
 * codes as shops write them: the same code before the last '-' ({@code TSHIRT-WHITE-M} and
 * {@code TSHIRT-WHITE-L}; {@code TEA-LJ-250} and {@code TEA-LJ-500}).
 */
public final class ItemChanges {

    public static final String COMMAND = "CHANGE_ITEM";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_TITLE = 200;

    private ItemChanges() {}

    /**
     * Line {@code lineIndex} becomes {@code newSku} (titled {@code newTitle}, at {@code newUnitPriceMinor}
     * a unit; both default to the line's), announced with {@link OrderItemChanged}; the same change
     * again changes nothing.
     *
     * @throws IllegalArgumentException when the line, SKU, title or price is not acceptable
     * @throws IllegalOrderTransition before payment, after dispatch, or on a cancelled order
     */
    public static Change<Order> change(
            Order order, int lineIndex, String newSku, String newTitle, Long newUnitPriceMinor, String by, Instant at) {
        if (order.progress() == Progress.PLACED || !order.progress().hasGoodsInWarehouse()) {
            throw new IllegalOrderTransition(
                    order.status(),
                    COMMAND,
                    "Items change between payment and dispatch: before payment the storefront changes the order, "
                            + "after dispatch it is a return and exchange.");
        }
        if (lineIndex < 0 || lineIndex >= order.lines().size()) {
            throw new IllegalArgumentException(
                    "line must be 0 to " + (order.lines().size() - 1) + ": the order has "
                            + order.lines().size() + " line(s).");
        }
        OrderLine line = order.lines().get(lineIndex);
        String sku = newSku == null ? null : newSku.strip();
        if (sku == null || !SKU.matcher(sku).matches()) {
            throw new IllegalArgumentException("sku must be 1 to 64 letters, digits, '.', '_' or '-'.");
        }
        if (line.sku() == null) {
            throw new IllegalArgumentException("line " + lineIndex + " has no SKU: change it at the storefront.");
        }
        if (order.hasLeft(line.sku())) {
            throw new IllegalOrderTransition(
                    order.status(),
                    COMMAND,
                    "Line " + lineIndex + " (" + line.sku() + ") left in the order's first parcel: it is a return "
                            + "and exchange now.");
        }
        if (!sameProduct(line.sku(), sku)) {
            throw new IllegalArgumentException(sku + " is not a SKU of the same product as " + line.sku()
                    + " (the same code before the last '-'): for another product, cancel and order again.");
        }
        if (newUnitPriceMinor != null && newUnitPriceMinor < 0) {
            throw new IllegalArgumentException("unitPriceMinor must not be negative.");
        }
        String title = newTitle == null || newTitle.isBlank() ? line.title() : newTitle.strip();
        if (title != null && title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title is at most " + MAX_TITLE + " characters.");
        }
        Money before = line.unitPrice();
        Money after = newUnitPriceMinor == null ? before : new Money(newUnitPriceMinor, before.currency());
        if (sku.equals(line.sku()) && after.equals(before)) {
            return Change.none();
        }
        Money difference = after.minus(before).times(line.quantity());
        ItemChange change =
                new ItemChange(lineIndex, line.sku(), sku, title, line.quantity(), before, after, difference, by, at);
        return Change.of(
                order.withItemChange(
                        change,
                        new TimelineEntry(
                                at,
                                TimelineEntry.Kind.ITEM_CHANGED,
                                by,
                                line.sku() + " → " + sku + " × " + line.quantity() + ", price difference "
                                        + TimelineEntry.money(difference))),
                new OrderItemChanged(
                        order.orderId(),
                        order.storeId(),
                        lineIndex,
                        line.sku(),
                        sku,
                        title,
                        line.quantity(),
                        difference,
                        by,
                        at));
    }

    /** Whether two SKU codes name variants of one product: the same code before the last '-'. */
    static boolean sameProduct(String one, String other) {
        int oneCut = one.lastIndexOf('-');
        int otherCut = other.lastIndexOf('-');
        return oneCut > 0 && otherCut > 0 && one.substring(0, oneCut).equals(other.substring(0, otherCut));
    }
}
