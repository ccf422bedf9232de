package io.storeops.order.lifecycle;

/** A command the order's current status does not allow (answered with 409, naming the status). */
public class IllegalOrderTransition extends RuntimeException {

    private final OrderStatus current;
    private final String action;

    public IllegalOrderTransition(OrderStatus current, String action, String advice) {
        super("The order is " + current + "; " + action + " is not possible. " + advice);
        this.current = current;
        this.action = action;
    }

    public OrderStatus current() {
        return current;
    }

    /** The command or staff action that was refused, e.g. CANCEL or CHANGE_ADDRESS. */
    public String action() {
        return action;
    }
}
