package io.storeops.order.lifecycle;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order as the department works it. Each method decides one thing that happened to the order
 * and returns the new state with the events that announce it, or no change when the order already
 * reflects it (which makes redeliveries and late messages harmless).
 */
public record Order(
        String orderId,
        String storeId,
        String channel,
        String externalOrderId,
        OrderStatus status,
        List<OrderLine> lines,
        Money shippingFee,
        Money total,
        Instant paidAt,
        Address shippingAddress,
        String buyerNote,
        String requestedCarrier,
        Attribution attribution,
        Shipment shipment) {

    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static String idFor(String storeId, String externalOrderId) {
        return storeId + ":" + externalOrderId;
    }

    /** The storefront reports the payment: the order exists from now on, paid, and fulfilment may start. */
    public static Change<Order> receivePayment(Optional<Order> current, PaidOrder paid) {
        if (current.isPresent() && current.get().status != OrderStatus.PLACED) {
            return Change.none();
        }
        Order order = new Order(paid.orderId(), paid.storeId(), paid.channel(), paid.externalOrderId(), OrderStatus.PAID,
                paid.lines(), paid.shippingFee(), paid.total(), paid.paidAt(), paid.shippingAddress(), paid.buyerNote(),
                paid.requestedCarrier(), paid.attribution(), null);
        return Change.of(order, new OrderPaid(order.orderId, order.storeId, order.channel, order.externalOrderId, order.lines,
                order.shippingFee, order.total, order.paidAt, order.shippingAddress, order.buyerNote, order.requestedCarrier,
                List.of(), order.attribution));
    }

    /** Fulfilment created the shipment: remember its id so staff can find it. */
    public Change<Order> shipmentCreated(String shipmentId) {
        if (shipment != null) {
            return Change.none();
        }
        return Change.of(withShipment(new Shipment(shipmentId, null, null, null), status));
    }

    /** The warehouse dispatched the parcel: the order is shipped, with carrier and tracking number. */
    public Change<Order> dispatched(ShipmentDispatched dispatch) {
        if (status != OrderStatus.PAID) {
            return Change.none();
        }
        return Change.of(withShipment(new Shipment(dispatch.shipmentId(), dispatch.carrier(), dispatch.trackingNumber(),
                dispatch.dispatchedAt()), OrderStatus.SHIPPED));
    }

    private Order withShipment(Shipment newShipment, OrderStatus newStatus) {
        return new Order(orderId, storeId, channel, externalOrderId, newStatus, lines, shippingFee, total, paidAt,
                shippingAddress, buyerNote, requestedCarrier, attribution, newShipment);
    }
}
