package io.storeops.fulfillment.batch;

import io.storeops.contracts.events.fulfillment.DailyReportAcknowledged;
import io.storeops.contracts.events.fulfillment.DispatchBatchClosed;
import io.storeops.contracts.events.fulfillment.DispatchBatchCreated;
import io.storeops.contracts.events.fulfillment.DispatchBatchPrinted;
import io.storeops.fulfillment.shipping.ShipmentStatus;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store's dispatch batch of one day (its daily report): the shipments ready at the cut-off, and
 * the stamps of the day — the clerk's when the documents are printed, the warehouse's when every
 * parcel is dispatched or explained, the department manager's on receiving the report.
 *
 * @param madeBy  who cut the batch off: {@link #AT_CUTOFF} at the store's cut-off, else the clerk who closed it early
 * @param urged   the shipments whose buyers urged dispatch (催发货) before the cut-off
 * @param closing the warehouse's closing, with why each parcel that did not go out stayed
 */
public record DispatchBatch(
        String batchId,
        String storeId,
        LocalDate batchDate,
        Instant cutoffAt,
        String madeBy,
        List<String> shipmentIds,
        List<String> urged,
        Status status,
        Stamp printed,
        Closing closing,
        Stamp acknowledged) {

    /** Who cuts off a batch made by the schedule. */
    public static final String AT_CUTOFF = "storeops";

    public enum Status {
        /** Documents printed or to print; the warehouse works it. */
        OPEN,
        /** Every parcel dispatched or explained; the daily report is with the manager. */
        CLOSED
    }

    /** Who stamped, and when. */
    public record Stamp(String by, Instant at) {}

    /**
     * @param rolledOn     the shipments that did not go out and roll on to the next batch
     * @param explanations why each shipment of the batch that did not go out stayed, by shipment id
     */
    public record Closing(
            String by, Instant at, int dispatchedCount, List<String> rolledOn, Map<String, String> explanations) {

        public Closing {
            rolledOn = rolledOn == null ? List.of() : List.copyOf(rolledOn);
            explanations = explanations == null ? Map.of() : Map.copyOf(explanations);
        }
    }

    public DispatchBatch {
        shipmentIds = shipmentIds == null ? List.of() : List.copyOf(shipmentIds);
        urged = urged == null ? List.of() : List.copyOf(urged);
    }

    /** One batch per store and day: the day's batch has this id wherever and however often it is made. */
    public static String idOf(String storeId, LocalDate day) {
        return storeId + "-" + day;
    }

    /**
     * The day's batch of the shipments ready at {@code cutoffAt}; nothing if the day has its batch
     * already. A day with nothing to ship gets a batch all the same — closed at once — so that the
     * cut-off counts as made and shipments ready later roll to the next day.
     */
    public static Change<DispatchBatch> cutOff(
            Optional<DispatchBatch> current,
            String storeId,
            LocalDate day,
            Instant cutoffAt,
            List<String> shipmentIds,
            List<String> urged,
            String by,
            Instant now) {
        if (current.isPresent()) {
            return Change.none();
        }
        String batchId = idOf(storeId, day);
        DispatchBatchCreated created =
                new DispatchBatchCreated(batchId, storeId, day, cutoffAt, shipmentIds, shipmentIds.size());
        if (shipmentIds.isEmpty()) {
            Closing nothingToShip = new Closing(by, now, 0, List.of(), Map.of());
            return Change.of(
                    new DispatchBatch(
                            batchId,
                            storeId,
                            day,
                            cutoffAt,
                            by,
                            shipmentIds,
                            urged,
                            Status.CLOSED,
                            null,
                            nothingToShip,
                            null),
                    created,
                    new DispatchBatchClosed(batchId, storeId, day, 0, 0, by, now));
        }
        return Change.of(
                new DispatchBatch(
                        batchId, storeId, day, cutoffAt, by, shipmentIds, urged, Status.OPEN, null, null, null),
                created);
    }

    /** The clerk printed every document of the batch and stamped them; once. */
    public Change<DispatchBatch> printed(String by, Instant at) {
        if (status == Status.CLOSED) {
            throw new BatchConflict(status, "Batch " + batchId + " is closed: there is nothing left to print for it.");
        }
        if (printed != null) {
            throw new BatchConflict(
                    status,
                    "Batch " + batchId + " was printed and stamped by " + printed.by() + " at " + printed.at() + ".");
        }
        return Change.of(
                with(Status.OPEN, new Stamp(by, at), closing, acknowledged),
                new DispatchBatchPrinted(batchId, storeId, batchDate, by, at));
    }

    /**
     * The warehouse closes the day: every shipment dispatched, or explained. A cancelled shipment
     * explains itself (its parcel was pulled); any other that did not go out needs a word in
     * {@code explanations}, and goes into the next batch.
     */
    public Change<DispatchBatch> close(
            Map<String, ShipmentStatus> statuses, Map<String, String> explanations, String by, Instant at) {
        if (status == Status.CLOSED) {
            throw new BatchConflict(
                    status, "Batch " + batchId + " was closed by " + closing.by() + " at " + closing.at() + ".");
        }
        if (printed == null) {
            throw new BatchConflict(
                    status, "Batch " + batchId + " is not printed yet: the warehouse ships against the stamped slips.");
        }
        int dispatched = 0;
        List<String> rolledOn = new ArrayList<>();
        List<String> unexplained = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String shipmentId : shipmentIds) {
            ShipmentStatus shipment = statuses.get(shipmentId);
            String explanation = explanations.get(shipmentId);
            if (shipment == ShipmentStatus.DISPATCHED) {
                dispatched++;
            } else if (shipment == ShipmentStatus.CANCELLED) {
                reasons.put(shipmentId, explanation == null || explanation.isBlank() ? "cancelled" : explanation);
            } else if (explanation == null || explanation.isBlank()) {
                unexplained.add(shipmentId);
            } else {
                rolledOn.add(shipmentId);
                reasons.put(shipmentId, explanation.strip());
            }
        }
        if (!unexplained.isEmpty()) {
            throw new BatchConflict(
                    status,
                    "Batch " + batchId + " still has parcels neither dispatched nor explained: " + unexplained + ".",
                    unexplained);
        }
        return Change.of(
                with(Status.CLOSED, printed, new Closing(by, at, dispatched, rolledOn, reasons), acknowledged),
                new DispatchBatchClosed(batchId, storeId, batchDate, dispatched, rolledOn.size(), by, at));
    }

    /** The department manager received the closed batch's daily report; once. */
    public Change<DispatchBatch> acknowledge(String by, Instant at) {
        if (status != Status.CLOSED) {
            throw new BatchConflict(
                    status,
                    "Batch " + batchId + " is still open: the manager acknowledges the report once it is closed.");
        }
        if (acknowledged != null) {
            throw new BatchConflict(
                    status,
                    "The daily report of " + batchId + " was acknowledged by " + acknowledged.by() + " at "
                            + acknowledged.at() + ".");
        }
        return Change.of(
                with(status, printed, closing, new Stamp(by, at)),
                new DailyReportAcknowledged(batchId, storeId, batchDate, by, at));
    }

    private DispatchBatch with(Status newStatus, Stamp newPrinted, Closing newClosing, Stamp newAcknowledged) {
        return new DispatchBatch(
                batchId,
                storeId,
                batchDate,
                cutoffAt,
                madeBy,
                shipmentIds,
                urged,
                newStatus,
                newPrinted,
                newClosing,
                newAcknowledged);
    }
}
