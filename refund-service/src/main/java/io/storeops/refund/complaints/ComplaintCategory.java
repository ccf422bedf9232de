package io.storeops.refund.complaints;

/** What a complaint is about. */
public enum ComplaintCategory {
    /** Late, lost or damaged in transit; the carrier's conduct. */
    LOGISTICS,
    /** The goods themselves. */
    QUALITY,
    /** How the store's staff treated the buyer. */
    SERVICE,
    OTHER
}
