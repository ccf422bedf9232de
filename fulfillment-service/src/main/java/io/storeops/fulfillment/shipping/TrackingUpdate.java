package io.storeops.fulfillment.shipping;

import java.time.Instant;

/**
 * One report from a carrier or a tracking aggregator, whatever format it came in.
 *
 * @param carrier the carrier's code when the report names one we list, else null (any carrier's parcel
 *                with the number)
 * @param at     when it happened at the carrier (not when it reached us): what orders the reports
 * @param detail the carrier's words, as they are (often Chinese)
 */
public record TrackingUpdate(
        String carrier, String trackingNumber, TrackingStatus status, Instant at, String detail, String location) {}
