package io.storeops.order.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * The stock-out notice task of one order (缺货通知): which items fulfilment could not reserve, and
 * customer service's attempts to tell the buyer. The task is open while someone still has to reach
 * the buyer. The order keeps it; the stock-out feature decides how it changes
 * ({@code StockOutFollowUp}), the lifecycle only closes it when the order is cancelled or leaves.
 *
 * @param openSince when the task opened (the first shortage since the last decision); null once the buyer decided,
 *     or once every missing item was restocked before anyone called
 * @param restocked the SKUs fulfilment has since reserved for the order (short again: off this list)
 */
public record StockOut(
        Instant openSince, List<Shortage> shortages, List<BuyerContact> contacts, List<String> restocked) {

    /** Fulfilment is missing {@code missingQuantity} of {@code sku}. */
    public record Shortage(String sku, int missingQuantity, Instant detectedAt) {}

    public StockOut {
        shortages = shortages == null ? List.of() : List.copyOf(shortages);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        restocked = restocked == null ? List.of() : List.copyOf(restocked);
    }

    /** Whether every item found missing has been reserved since. */
    public boolean isRestocked() {
        return shortages.stream().map(Shortage::sku).allMatch(restocked::contains);
    }

    public boolean isOpen() {
        return openSince != null;
    }

    /** The task closed without a call: the order was cancelled or the parcel left after all. Null stays null. */
    public static StockOut closed(StockOut task) {
        return task == null || !task.isOpen()
                ? task
                : new StockOut(null, task.shortages, task.contacts, task.restocked);
    }
}
