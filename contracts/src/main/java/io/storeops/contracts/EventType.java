package io.storeops.contracts;

import io.storeops.contracts.events.DispatchBatchClosed;
import io.storeops.contracts.events.DispatchBatchCreated;
import io.storeops.contracts.events.OrderAddressChanged;
import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderHeld;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.OrderPlaced;
import io.storeops.contracts.events.OrderReleased;
import io.storeops.contracts.events.RefundApproved;
import io.storeops.contracts.events.RefundClosed;
import io.storeops.contracts.events.RefundCompleted;
import io.storeops.contracts.events.RefundRejected;
import io.storeops.contracts.events.RefundRequested;
import io.storeops.contracts.events.ReturnReceived;
import io.storeops.contracts.events.ShipmentCancelled;
import io.storeops.contracts.events.ShipmentCreated;
import io.storeops.contracts.events.ShipmentDelivered;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.contracts.events.ShipmentException;
import io.storeops.contracts.events.StockShortage;
import java.util.Arrays;
import java.util.Optional;

/**
 * The event catalog: CloudEvents type name and schema version, payload record, and the topic of
 * the producing service. A breaking change is a new constant with the same name and a higher
 * version, published beside the old one until every consumer has moved.
 */
public enum EventType {

    ORDER_PLACED("OrderPlaced", 1, OrderPlaced.class, Topics.ORDER_EVENTS),
    ORDER_PAID("OrderPaid", 1, OrderPaid.class, Topics.ORDER_EVENTS),
    ORDER_HELD("OrderHeld", 1, OrderHeld.class, Topics.ORDER_EVENTS),
    ORDER_RELEASED("OrderReleased", 1, OrderReleased.class, Topics.ORDER_EVENTS),
    ORDER_ADDRESS_CHANGED("OrderAddressChanged", 1, OrderAddressChanged.class, Topics.ORDER_EVENTS),
    ORDER_CANCELLED("OrderCancelled", 1, OrderCancelled.class, Topics.ORDER_EVENTS),
    SHIPMENT_CREATED("ShipmentCreated", 1, ShipmentCreated.class, Topics.FULFILLMENT_EVENTS),
    STOCK_SHORTAGE("StockShortage", 1, StockShortage.class, Topics.FULFILLMENT_EVENTS),
    DISPATCH_BATCH_CREATED("DispatchBatchCreated", 1, DispatchBatchCreated.class, Topics.FULFILLMENT_EVENTS),
    DISPATCH_BATCH_CLOSED("DispatchBatchClosed", 1, DispatchBatchClosed.class, Topics.FULFILLMENT_EVENTS),
    SHIPMENT_DISPATCHED("ShipmentDispatched", 1, ShipmentDispatched.class, Topics.FULFILLMENT_EVENTS),
    SHIPMENT_DELIVERED("ShipmentDelivered", 1, ShipmentDelivered.class, Topics.FULFILLMENT_EVENTS),
    SHIPMENT_EXCEPTION("ShipmentException", 1, ShipmentException.class, Topics.FULFILLMENT_EVENTS),
    SHIPMENT_CANCELLED("ShipmentCancelled", 1, ShipmentCancelled.class, Topics.FULFILLMENT_EVENTS),
    RETURN_RECEIVED("ReturnReceived", 1, ReturnReceived.class, Topics.FULFILLMENT_EVENTS),
    REFUND_REQUESTED("RefundRequested", 1, RefundRequested.class, Topics.REFUND_EVENTS),
    REFUND_APPROVED("RefundApproved", 1, RefundApproved.class, Topics.REFUND_EVENTS),
    REFUND_REJECTED("RefundRejected", 1, RefundRejected.class, Topics.REFUND_EVENTS),
    REFUND_COMPLETED("RefundCompleted", 1, RefundCompleted.class, Topics.REFUND_EVENTS),
    REFUND_CLOSED("RefundClosed", 1, RefundClosed.class, Topics.REFUND_EVENTS);

    private final String typeName;
    private final int version;
    private final Class<? extends StoreOpsEvent> payloadType;
    private final String topic;

    EventType(String typeName, int version, Class<? extends StoreOpsEvent> payloadType, String topic) {
        this.typeName = typeName;
        this.version = version;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The catalog entry for a received {@code ce_type} and {@code dataschemaversion}; empty if unknown. */
    public static Optional<EventType> find(String typeName, int version) {
        return Arrays.stream(values())
                .filter(type -> type.typeName.equals(typeName) && type.version == version)
                .findFirst();
    }

    /** The newest catalog entry whose payload is this record class. */
    public static EventType of(StoreOpsEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == event.getClass())
                .reduce((older, newer) -> newer.version > older.version ? newer : older)
                .orElseThrow(() -> new IllegalArgumentException("not a catalog event: " + event.getClass()));
    }

    public String typeName() {
        return typeName;
    }

    public int version() {
        return version;
    }

    public Class<? extends StoreOpsEvent> payloadType() {
        return payloadType;
    }

    public String topic() {
        return topic;
    }

    /** Classpath location of the JSON Schema of this type version. */
    public String schemaResource() {
        return "storeops/schemas/" + typeName + ".v" + version + ".schema.json";
    }
}
