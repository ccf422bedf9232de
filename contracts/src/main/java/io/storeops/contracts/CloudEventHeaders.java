package io.storeops.contracts;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as
 * {@code ce_}-prefixed headers, the value is the JSON payload, and the record key is the
 * subject (the order id for every order-scoped event), so one order's events share a partition.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPECVERSION = "ce_specversion";
    /** CloudEvents "sequence" extension: the producing aggregate's version after the change. */
    public static final String SEQUENCE = "ce_sequence";
    /**
     * Extension: the producing aggregate, {@code <collection>/<id>} (e.g. {@code orders/tmall-flagship:T1}).
     * Sequences count per aggregate, so consumers keep their position per aggregate, never per
     * service or subject: a service with two aggregates about one order keeps two positions.
     */
    public static final String AGGREGATE = "ce_aggregate";
    /**
     * Extension, {@code "true"} on an event published again after it was held back (a parked
     * outbox entry retried): consumers apply it once even though later events of its aggregate
     * were applied before it.
     */
    public static final String REPLAY = "ce_replay";

    public static final String DATASCHEMAVERSION = "dataschemaversion";
    public static final String TRACEPARENT = "traceparent";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPECVERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
