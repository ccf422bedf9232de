package io.storeops.refund.cases;

/**
 * A request asks more money or units than the order has left to refund (paid back already, or held
 * by approved cases): bad input from staff, but from a storefront that already paid, a fact the
 * supervisor must reconcile.
 */
class NotEnoughLeft extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    NotEnoughLeft(String message) {
        super(message);
    }
}
