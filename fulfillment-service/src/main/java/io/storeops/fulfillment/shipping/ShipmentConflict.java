package io.storeops.fulfillment.shipping;

/** A warehouse command that the shipment's current status does not allow. */
public class ShipmentConflict extends RuntimeException {

    private final ShipmentStatus current;

    public ShipmentConflict(ShipmentStatus current, String message) {
        super(message);
        this.current = current;
    }

    public ShipmentStatus current() {
        return current;
    }
}
