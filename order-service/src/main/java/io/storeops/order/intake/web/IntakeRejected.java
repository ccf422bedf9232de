package io.storeops.order.intake.web;

/** A storefront payload that cannot become an order as it stands (answered with 422). */
public class IntakeRejected extends RuntimeException {

    public IntakeRejected(String reason) {
        super(reason);
    }
}
