package io.storeops.contracts;

/**
 * The service that emits an event type: its topic, and the folder (and {@code events.<folder>}
 * package) where its event records, schemas and samples are kept.
 */
public enum Producer {
    ORDER_SERVICE("order", Topics.ORDER_EVENTS),
    FULFILLMENT_SERVICE("fulfillment", Topics.FULFILLMENT_EVENTS),
    REFUND_SERVICE("refund", Topics.REFUND_EVENTS),
    LISTING_SERVICE("listing", Topics.LISTING_EVENTS);

    private final String folder;
    private final String topic;

    Producer(String folder, String topic) {
        this.folder = folder;
        this.topic = topic;
    }

    /** Where this producer's schemas and samples are, and the last part of its events' package. */
    public String folder() {
        return folder;
    }

    public String topic() {
        return topic;
    }
}
