package io.storeops.fulfillment.shipping;

/** Where the carrier says a dispatched parcel is, in the words every tracking feed is mapped to. */
public enum TrackingStatus {
    IN_TRANSIT(false, false),
    OUT_FOR_DELIVERY(false, false),
    /** The courier could not hand it over (nobody home, refused at the door): in trouble, not lost. */
    FAILED_ATTEMPT(false, true),
    /** Something is wrong: damaged, lost, held at customs, address unknown. */
    EXCEPTION(false, true),
    DELIVERED(true, false),
    RETURNED_TO_SENDER(true, true);

    private final boolean last;
    private final boolean trouble;

    TrackingStatus(boolean last, boolean trouble) {
        this.last = last;
        this.trouble = trouble;
    }

    /** Nothing the carrier says later changes this one. */
    public boolean isLast() {
        return last;
    }

    /** Customer service has to follow the parcel up (异常快递). */
    public boolean isTrouble() {
        return trouble;
    }
}
