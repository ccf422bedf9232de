package io.storeops.order.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock-out notice task of one order (缺货通知): which items fulfilment could not reserve, and
 * customer service's attempts to tell the buyer. The task is open while someone still has to reach
 * the buyer.
 *
 * @param openSince when the task opened (the first shortage since the last decision); null once the buyer decided
 */
public record StockOut(Instant openSince, List<Shortage> shortages, List<BuyerContact> contacts) {

    /** Fulfilment is missing {@code missingQuantity} of {@code sku}. */
    public record Shortage(String sku, int missingQuantity, Instant detectedAt) {}

    public StockOut {
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public boolean isOpen() {
        return openSince != null;
    }

    /** This task (or a new one) with another shortage: open again until the buyer decides. */
    public static StockOut withShortage(StockOut current, Shortage shortage) {
        List<Shortage> all = new ArrayList<>(current == null ? List.of() : current.shortages);
        all.add(shortage);
        if (current == null) {
            return new StockOut(shortage.detectedAt(), all, List.of());
        }
        return new StockOut(current.isOpen() ? current.openSince : shortage.detectedAt(), all, current.contacts);
    }

    /** The task closed without a call: the order was cancelled or the parcel left after all. Null stays null. */
    public static StockOut closed(StockOut task) {
        return task == null || !task.isOpen() ? task : new StockOut(null, task.shortages, task.contacts);
    }

    /** This task with the contact recorded; it closes once the buyer decided. */
    public StockOut withContact(BuyerContact contact) {
        List<BuyerContact> all = new ArrayList<>(contacts);
        all.add(contact);
        return new StockOut(contact.outcome().decided() ? null : openSince, shortages, all);
    }

    /** Why the order is cancelled when the buyer chose to cancel over the missing items. */
    public String cancellationReason() {
        return "Out of stock ("
                + String.join(
                        ", ", shortages.stream().map(Shortage::sku).distinct().toList())
                + "): the buyer chose to cancel";
    }
}
