package io.storeops.fulfillment.batch.web;

import io.storeops.contracts.ItemQuantity;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dispatch batch as the clerk's batch page and the warehouse's list show it. */
@Schema(name = "DispatchBatch")
record DispatchBatchView(
        String batchId,
        String storeId,
        LocalDate batchDate,
        Instant cutoffAt,

        @Schema(
                description =
                        "Who cut the batch off: 'storeops' at the store's cut-off, else the clerk who did it early")
        String madeBy,

        DispatchBatch.Status status,
        int shipmentCount,

        @Schema(description = "The clerk's stamp on the printed documents")
        DispatchBatch.Stamp printed,

        @Schema(description = "The warehouse's closing: how many went out, which roll on and why")
        DispatchBatch.Closing closing,

        @Schema(description = "The department manager's receipt of the daily report")
        DispatchBatch.Stamp acknowledged,

        List<BatchShipment> shipments) {

    /**
     * One line of the daily report.
     *
     * @param urged whether the buyer urged dispatch (催发货) before the cut-off
     * @param pull        the parcel must not go out (its order was cancelled or is held, or a refund
     *                    intercepted it): take it off the shelf
     * @param pullBecause why: ORDER_CANCELLED, REFUND_APPROVED or ON_HOLD
     * @param lines       what to pack and check against the outbound slip
     * @param inspection  the warehouse's latest check, once made
     */
    @Schema(name = "BatchShipment")
    record BatchShipment(
            String shipmentId,
            String orderId,
            ShipmentStatus status,
            String buyer,
            String carrierToUse,
            String trackingNumber,
            boolean urged,
            boolean pull,
            String pullBecause,
            List<ItemQuantity> lines,
            Fulfillment.Inspection inspection,
            String dispatchedBy,
            Instant dispatchedAt,

            @Schema(description = "Of an order split into two parcels: 1 (what was in stock) or 2 (what followed)")
            Integer parcel) {

        static BatchShipment of(Fulfillment shipment, DispatchBatch batch) {
            return new BatchShipment(
                    shipment.shipmentId(),
                    shipment.orderId(),
                    shipment.status(),
                    shipment.address() == null ? null : shipment.address().name(),
                    shipment.carrierToUse(),
                    shipment.trackingNumber(),
                    batch.urged().contains(shipment.shipmentId())
                            || !shipment.urges().isEmpty(),
                    shipment.status() == ShipmentStatus.CANCELLED || shipment.status() == ShipmentStatus.ON_HOLD,
                    pullBecause(shipment),
                    shipment.lines(),
                    shipment.inspection(),
                    shipment.dispatchedBy(),
                    shipment.dispatchedAt(),
                    shipment.parcelNumber());
        }

        private static String pullBecause(Fulfillment shipment) {
            if (shipment.status() == ShipmentStatus.ON_HOLD) {
                return ShipmentStatus.ON_HOLD.name();
            }
            return shipment.status() == ShipmentStatus.CANCELLED && shipment.cancellation() != null
                    ? shipment.cancellation().reason()
                    : null;
        }
    }

    static DispatchBatchView of(DispatchBatch batch, List<Fulfillment> shipments) {
        return new DispatchBatchView(
                batch.batchId(),
                batch.storeId(),
                batch.batchDate(),
                batch.cutoffAt(),
                batch.madeBy(),
                batch.status(),
                batch.shipmentIds().size(),
                batch.printed(),
                batch.closing(),
                batch.acknowledged(),
                shipments.stream()
                        .map(shipment -> BatchShipment.of(shipment, batch))
                        .toList());
    }
}
