package io.storeops.console.warehouse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The warehouse's day as fulfillment-service's API answers it, in the parts the console's pages
 * show. A tolerant reader: fields the pages do not use are ignored.
 */
public final class WarehouseModel {

    private WarehouseModel() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemQuantity(String sku, int quantity) {}

    /** A store's cut-off and the batch that takes what is paid now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(
            String storeId,
            String zone,
            LocalTime cutoff,
            List<LocalDate> restDays,
            Instant nextCutoffAt,
            String collectingBatchId) {

        /** How long until the next cut-off, from {@code now} (zero once it has passed). */
        public Duration untilCutoff(Instant now) {
            return nextCutoffAt == null || nextCutoffAt.isBefore(now)
                    ? Duration.ZERO
                    : Duration.between(now, nextCutoffAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stamp(String by, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Closing(
            String by, Instant at, int dispatchedCount, List<String> rolledOn, Map<String, String> explanations) {

        public Closing {
            rolledOn = rolledOn == null ? List.of() : rolledOn;
            explanations = explanations == null ? Map.of() : explanations;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inspection(boolean complete, String note, String by, Instant at) {}

    /** A dispatch batch: the daily report on screen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Batch(
            String batchId,
            String storeId,
            LocalDate batchDate,
            Instant cutoffAt,
            String madeBy,
            String status,
            int shipmentCount,
            Stamp printed,
            Closing closing,
            Stamp acknowledged,
            List<BatchShipment> shipments) {

        public Batch {
            shipments = shipments == null ? List.of() : shipments;
        }

        public boolean isOpen() {
            return "OPEN".equals(status);
        }

        /** The parcels the warehouse must still dispatch or explain before it closes the batch. */
        public List<BatchShipment> outstanding() {
            return shipments.stream().filter(BatchShipment::isOutstanding).toList();
        }

        public BatchShipment shipment(String shipmentId) {
            return shipments.stream()
                    .filter(shipment -> shipment.shipmentId().equals(shipmentId))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One line of the daily report, and one row of the warehouse's work list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BatchShipment(
            String shipmentId,
            String orderId,
            String status,
            String buyer,
            String carrierToUse,
            String trackingNumber,
            boolean urged,
            boolean pull,
            String pullBecause,
            List<ItemQuantity> lines,
            Inspection inspection,
            String dispatchedBy,
            Instant dispatchedAt,
            Integer parcel) {

        public BatchShipment {
            lines = lines == null ? List.of() : lines;
        }

        public boolean isDispatched() {
            return "DISPATCHED".equals(status);
        }

        public boolean isOutstanding() {
            return !isDispatched() && !"CANCELLED".equals(status);
        }

        /** Checked against its outbound slip and found complete: it may go out without another check. */
        public boolean isChecked() {
            return inspection != null && inspection.complete();
        }

        /** The check found something missing: it stays until a later check is complete. */
        public boolean isMismatched() {
            return inspection != null && !inspection.complete();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tracking(String status, Instant at, String detail, String location) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(String by, Instant at, String note) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolution(String outcome, String note, String by, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trouble(
            String kind,
            String detail,
            Instant reportedAt,
            Instant lastReportAt,
            boolean open,
            List<FollowUp> notes,
            Resolution resolution) {

        public Trouble {
            notes = notes == null ? List.of() : notes;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReturnedLine(String sku, int resellable, int damaged, int missing) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReturnReceipt(List<ReturnedLine> lines, String note, String by, Instant at) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReturnCase(
            String refundId,
            String status,
            List<ItemQuantity> expected,
            Instant requestedAt,
            Instant approvedAt,
            ReturnReceipt receipt) {

        public ReturnCase {
            expected = expected == null ? List.of() : expected;
        }

        public boolean isAwaited() {
            return "APPROVED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String name, String phone, String province, String city, String district, String line1) {}

    /** One shipment as the exceptions queue and returns receiving show it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shipment(
            String orderId,
            String storeId,
            String shipmentId,
            String status,
            List<ItemQuantity> lines,
            Address address,
            String carrier,
            String trackingNumber,
            Instant dispatchedAt,
            Tracking tracking,
            Trouble trouble,
            List<ReturnCase> returns) {

        public Shipment {
            lines = lines == null ? List.of() : lines;
            returns = returns == null ? List.of() : returns;
        }

        public List<ReturnCase> awaitedReturns() {
            return returns.stream().filter(ReturnCase::isAwaited).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockLevel(String sku, int onHand, int reservedUnits, int available, Instant changedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StockPage(List<StockLevel> items, String nextCursor) {

        public StockPage {
            items = items == null ? List.of() : items;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowOutcome(long row, String sku, String problem) {}

    /** A stock file's outcome: rows applied, and each refused row with why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(String file, String kind, long rows, long applied, List<RowOutcome> refused) {

        public ImportReport {
            refused = refused == null ? List.of() : refused;
        }
    }
}
