package io.storeops.order.lifecycle;

/** A command the order's current status does not allow (answered with 409, naming the status). */
public class IllegalOrderTransition extends RuntimeException {

    private final OrderStatus current;
    private final OrderCommand command;

    public IllegalOrderTransition(OrderStatus current, OrderCommand command, String advice) {
        super("The order is " + current + "; " + command + " is not possible. " + advice);
        this.current = current;
        this.command = command;
    }

    public OrderStatus current() {
        return current;
    }

    public OrderCommand command() {
        return command;
    }
}
