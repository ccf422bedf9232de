package io.storeops.contracts;

/** Kafka topic names: one topic per producing service, dead letters per consumer group. */
public final class Topics {

    public static final String ORDER_EVENTS = "storeops.order.events";
    public static final String FULFILLMENT_EVENTS = "storeops.fulfillment.events";
    public static final String REFUND_EVENTS = "storeops.refund.events";
    public static final String LISTING_EVENTS = "storeops.listing.events";

    private Topics() {}

    /** The dead-letter topic of one consumer group for one topic: {@code <topic>.<group>.dlq}. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
