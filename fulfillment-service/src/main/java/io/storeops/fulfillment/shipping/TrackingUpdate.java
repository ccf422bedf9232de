package io.storeops.fulfillment.shipping;

import java.time.Instant;

/**
 * One report from a carrier or a tracking aggregator, whatever format it came in.
 *
 * @param at     when it happened at the carrier (not when it reached us): what orders the reports
 * @param detail the carrier's words, as they are (often Chinese)
 */
public record TrackingUpdate(
        String trackingNumber, TrackingStatus status, Instant at, String detail, String location) {}
