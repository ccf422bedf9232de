package io.storeops.fulfillment.shipping;

/** A dispatch's tracking number that cannot be the carrier's: what was given, and why not. */
public class TrackingNumberRejected extends IllegalArgumentException {

    private final String carrier;
    private final String trackingNumber;
    private final Carrier.NumberProblem problem;

    TrackingNumberRejected(String carrier, String trackingNumber, Carrier.NumberProblem problem) {
        super(problem.detail());
        this.carrier = carrier;
        this.trackingNumber = Carrier.shown(trackingNumber);
        this.problem = problem;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Carrier.NumberProblem.Reason reason() {
        return problem.reason();
    }
}
