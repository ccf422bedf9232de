package io.storeops.order.stockout;

import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.order.lifecycle.BuyerContact;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.StockOut;
import io.storeops.order.lifecycle.TimelineEntry;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.platform.outbox.Change;
import java.util.ArrayList;
import java.util.List;

/** The stock-out notice on an order (缺货通知): fulfilment reports what is missing, customer service tells the buyer. */
public final class StockOutFollowUp {

    private static final String FULFILMENT = "fulfillment-service";

    private StockOutFollowUp() {}

    /**
     * Fulfilment could not reserve stock for a line: the order is flagged and customer service must
     * tell the buyer (缺货通知). An order that has left the warehouse or was cancelled needs no call,
     * but the shortage is still on its timeline.
     */
    public static Change<Order> shortage(Order order, StockShortage shortage) {
        StockOut.Shortage missing =
                new StockOut.Shortage(shortage.sku(), shortage.missingQuantity(), shortage.detectedAt());
        boolean beforeDispatch = order.progress().hasGoodsInWarehouse();
        return Change.of(order.withStockOut(
                beforeDispatch ? withShortage(order.stockOut(), missing) : order.stockOut(),
                new TimelineEntry(
                        shortage.detectedAt(),
                        Kind.STOCK_SHORTAGE,
                        FULFILMENT,
                        shortage.missingQuantity() + " × " + shortage.sku()
                                + (beforeDispatch ? " missing: tell the buyer" : " missing"))));
    }

    /**
     * Customer service tells the buyer about the stock-out and records how it went. The buyer
     * decided (wait, change item, cancel) closes the task; a cancellation cancels the order as any
     * other would, so it is refused once the parcel has left.
     *
     * @throws IllegalOrderTransition when the order has no open stock-out notice
     */
    public static Change<Order> buyerContacted(Order order, BuyerContact contact) {
        if (order.stockOut() == null || !order.stockOut().isOpen()) {
            throw new IllegalOrderTransition(
                    order.status(), "RECORD_BUYER_CONTACT", "The order has no open stock-out notice.");
        }
        Change<Order> recorded = Change.of(order.withStockOut(
                withContact(order.stockOut(), contact),
                new TimelineEntry(contact.at(), Kind.BUYER_CONTACTED, contact.by(), contact.describe())));
        return contact.outcome() != BuyerContact.Outcome.CANCEL
                ? recorded
                : recorded.andThen(contacted ->
                        contacted.cancel(cancellationReason(order.stockOut()), contact.by(), contact.at()));
    }

    /**
     * Fulfilment reserved the units of a missing item after all (a restock, or units another order
     * gave back): the timeline says so, and once every missing item is reserved the notice closes —
     * nobody needs to call the buyer about it any more.
     */
    public static Change<Order> restocked(Order order, StockAllocated allocated) {
        StockOut task = order.stockOut();
        boolean open = task != null && task.isOpen();
        StockOut after = task;
        if (open) {
            List<String> restocked = new ArrayList<>(task.restocked());
            if (!restocked.contains(allocated.sku())) {
                restocked.add(allocated.sku());
            }
            StockOut marked = new StockOut(task.openSince(), task.shortages(), task.contacts(), restocked);
            after = marked.isRestocked() ? StockOut.closed(marked) : marked;
        }
        boolean closedNow = open && !after.isOpen();
        return Change.of(order.withStockOut(
                after,
                new TimelineEntry(
                        allocated.allocatedAt(),
                        Kind.STOCK_ALLOCATED,
                        FULFILMENT,
                        allocated.quantity() + " × " + allocated.sku() + " reserved after all"
                                + (closedNow ? ": no need to call the buyer any more" : ""))));
    }

    /** The task (or a new one) with another shortage: open again until the buyer decides. */
    private static StockOut withShortage(StockOut current, StockOut.Shortage shortage) {
        List<StockOut.Shortage> all = new ArrayList<>(current == null ? List.of() : current.shortages());
        all.add(shortage);
        if (current == null) {
            return new StockOut(shortage.detectedAt(), all, List.of(), List.of());
        }
        List<String> stillRestocked = current.restocked().stream()
                .filter(sku -> !sku.equals(shortage.sku()))
                .toList();
        return new StockOut(
                current.isOpen() ? current.openSince() : shortage.detectedAt(),
                all,
                current.contacts(),
                stillRestocked);
    }

    /** The task with the contact recorded; it closes once the buyer decided. */
    private static StockOut withContact(StockOut task, BuyerContact contact) {
        List<BuyerContact> all = new ArrayList<>(task.contacts());
        all.add(contact);
        return new StockOut(
                contact.outcome().decided() ? null : task.openSince(), task.shortages(), all, task.restocked());
    }

    /** Why the order is cancelled when the buyer chose to cancel over the missing items. */
    private static String cancellationReason(StockOut task) {
        return "Out of stock ("
                + String.join(
                        ", ",
                        task.shortages().stream()
                                .map(StockOut.Shortage::sku)
                                .distinct()
                                .toList()) + "): the buyer chose to cancel";
    }
}
