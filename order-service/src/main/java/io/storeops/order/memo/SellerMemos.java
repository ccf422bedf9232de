package io.storeops.order.memo;

import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.SellerMemo;
import io.storeops.order.lifecycle.TimelineEntry;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.Objects;

/**
 * The seller's memo (卖家备注): customer service notes the carrier the shop chose and the buyer's
 * wishes on the order, for the warehouse's documents. It can change until the parcel leaves.
 */
public final class SellerMemos {

    public static final int MAX_CARRIER = 40;
    public static final int MAX_NOTE = 500;

    private SellerMemos() {}

    /**
     * The memo replaced by {@code carrier} and {@code note} (blank parts are absent), announced with
     * {@link OrderSellerMemoChanged}; the same memo again changes nothing.
     *
     * @throws IllegalArgumentException when both parts are blank or one is too long
     * @throws IllegalOrderTransition once the parcel has left, or the order is cancelled
     */
    public static Change<Order> write(Order order, String carrier, String note, String by, Instant at) {
        String chosenCarrier = trimmed(carrier);
        String wishes = trimmed(note);
        if (chosenCarrier == null && wishes == null) {
            throw new IllegalArgumentException("carrier or note is required.");
        }
        if ((chosenCarrier != null && chosenCarrier.length() > MAX_CARRIER)
                || (wishes != null && wishes.length() > MAX_NOTE)) {
            throw new IllegalArgumentException(
                    "carrier is at most " + MAX_CARRIER + " characters, note at most " + MAX_NOTE + ".");
        }
        if (!order.progress().hasGoodsInWarehouse()) {
            throw new IllegalOrderTransition(
                    order.status(),
                    "CHANGE_SELLER_MEMO",
                    "The memo is for the warehouse: once the parcel has left, or the order is cancelled, tell the "
                            + "carrier or the buyer directly.");
        }
        SellerMemo current = order.sellerMemo();
        if (current != null
                && Objects.equals(current.carrier(), chosenCarrier)
                && Objects.equals(current.note(), wishes)) {
            return Change.none();
        }
        SellerMemo memo = new SellerMemo(chosenCarrier, wishes, by, at);
        return Change.of(
                order.withSellerMemo(memo, new TimelineEntry(at, TimelineEntry.Kind.SELLER_MEMO, by, describe(memo))),
                new OrderSellerMemoChanged(order.orderId(), order.storeId(), chosenCarrier, wishes, by, at));
    }

    private static String describe(SellerMemo memo) {
        if (memo.carrier() == null) {
            return memo.note();
        }
        return memo.note() == null ? memo.carrier() : memo.carrier() + ": " + memo.note();
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
