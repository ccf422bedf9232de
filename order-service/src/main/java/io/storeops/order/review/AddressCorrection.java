package io.storeops.order.review;

import io.storeops.contracts.Address;
import io.storeops.contracts.events.order.OrderAddressChanged;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.platform.outbox.Change;
import java.time.Instant;

/** Address verification (核实或修改客户地址): customer service corrects where the parcel goes, before it leaves. */
public final class AddressCorrection {

    private AddressCorrection() {}

    /**
     * The order shipping to {@code corrected}, which must pass the address check; the change is
     * kept with the order and announced (OrderAddressChanged). The same address again changes nothing.
     *
     * @throws AddressRejected when the corrected address is still doubtful
     * @throws IllegalOrderTransition once the parcel has left the warehouse
     */
    public static Change<Order> change(Order order, Address corrected, AddressCheck check, String by, Instant at) {
        if (!order.progress().hasGoodsInWarehouse()) {
            throw new IllegalOrderTransition(
                    order.status(),
                    "CHANGE_ADDRESS",
                    "The parcel is with the carrier: ask the carrier to redirect it, or open a refund.");
        }
        check.requireDeliverable(corrected, order.requestedCarrier());
        if (corrected.equals(order.shippingAddress())) {
            return Change.none();
        }
        return Change.of(
                order.moveTo(corrected, by, at, false),
                new OrderAddressChanged(order.orderId(), order.storeId(), corrected, by, at));
    }
}
