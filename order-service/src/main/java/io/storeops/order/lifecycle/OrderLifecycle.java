package io.storeops.order.lifecycle;

import static io.storeops.order.lifecycle.OrderCommand.CANCEL;
import static io.storeops.order.lifecycle.OrderCommand.COMPLETE;
import static io.storeops.order.lifecycle.OrderCommand.DELIVER;
import static io.storeops.order.lifecycle.OrderCommand.DISPATCH_ALL;
import static io.storeops.order.lifecycle.OrderCommand.DISPATCH_PART;
import static io.storeops.order.lifecycle.OrderCommand.HOLD;
import static io.storeops.order.lifecycle.OrderCommand.PAY;
import static io.storeops.order.lifecycle.OrderCommand.RELEASE;
import static io.storeops.order.lifecycle.OrderCommand.SHIPMENT_READY;
import static io.storeops.order.lifecycle.Progress.CANCELLED;
import static io.storeops.order.lifecycle.Progress.COMPLETED;
import static io.storeops.order.lifecycle.Progress.DELIVERED;
import static io.storeops.order.lifecycle.Progress.ON_HOLD;
import static io.storeops.order.lifecycle.Progress.PAID;
import static io.storeops.order.lifecycle.Progress.PARTIALLY_SHIPPED;
import static io.storeops.order.lifecycle.Progress.PLACED;
import static io.storeops.order.lifecycle.Progress.READY;
import static io.storeops.order.lifecycle.Progress.SHIPPED;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order's progress state machine. For every progress and command it says one of three things:
 * move to another progress; stay, because the command is already reflected (a repeated, late or
 * out-of-order message never moves an order backwards); or refuse, because the command makes no
 * sense now (cancelling a dispatched order: that is the refund flow's job). A dispatch is a fact
 * from the warehouse, so it moves even a held order whose hold reached the warehouse too late.
 */
public final class OrderLifecycle {

    private static final Map<Progress, Map<OrderCommand, Progress>> MOVES = new EnumMap<>(Progress.class);
    private static final Map<Progress, Set<OrderCommand>> STAYS = new EnumMap<>(Progress.class);

    static {
        moves(PLACED, PAY, PAID, CANCEL, CANCELLED);
        stays(PLACED);
        moves(
                PAID,
                HOLD,
                ON_HOLD,
                SHIPMENT_READY,
                READY,
                DISPATCH_PART,
                PARTIALLY_SHIPPED,
                DISPATCH_ALL,
                SHIPPED,
                CANCEL,
                CANCELLED);
        stays(PAID, PAY, RELEASE);
        moves(ON_HOLD, RELEASE, PAID, DISPATCH_ALL, SHIPPED, CANCEL, CANCELLED);
        // part of a held order left: it stays in review for the rest, and is partially shipped once released
        stays(ON_HOLD, PAY, HOLD, SHIPMENT_READY, DISPATCH_PART);
        moves(READY, HOLD, ON_HOLD, DISPATCH_PART, PARTIALLY_SHIPPED, DISPATCH_ALL, SHIPPED, CANCEL, CANCELLED);
        stays(READY, PAY, RELEASE, SHIPMENT_READY);
        moves(PARTIALLY_SHIPPED, DISPATCH_ALL, SHIPPED);
        stays(PARTIALLY_SHIPPED, PAY, RELEASE, SHIPMENT_READY, DISPATCH_PART, DELIVER);
        moves(SHIPPED, DELIVER, DELIVERED);
        stays(SHIPPED, PAY, RELEASE, SHIPMENT_READY, DISPATCH_PART, DISPATCH_ALL);
        moves(DELIVERED, COMPLETE, COMPLETED);
        stays(DELIVERED, PAY, RELEASE, SHIPMENT_READY, DISPATCH_PART, DISPATCH_ALL, DELIVER);
        moves(COMPLETED);
        stays(COMPLETED, PAY, RELEASE, SHIPMENT_READY, DISPATCH_PART, DISPATCH_ALL, DELIVER, COMPLETE);
        moves(CANCELLED);
        stays(CANCELLED, PAY, SHIPMENT_READY, CANCEL);
    }

    private OrderLifecycle() {}

    /**
     * The progress after {@code command}: a new one, or empty when the order already reflects it.
     *
     * @throws IllegalOrderTransition when the command is refused in {@code status}
     */
    public static Optional<Progress> next(Progress progress, OrderStatus status, OrderCommand command) {
        Progress target = MOVES.get(progress).get(command);
        if (target != null) {
            return Optional.of(target);
        }
        if (STAYS.get(progress).contains(command)) {
            return Optional.empty();
        }
        throw new IllegalOrderTransition(
                status,
                command.name(),
                command == CANCEL
                        ? "A dispatched order is not cancelled: open a refund (or return) for it instead."
                        : "");
    }

    private static void moves(Progress from, Object... commandsAndTargets) {
        Map<OrderCommand, Progress> targets = new EnumMap<>(OrderCommand.class);
        for (int i = 0; i < commandsAndTargets.length; i += 2) {
            targets.put((OrderCommand) commandsAndTargets[i], (Progress) commandsAndTargets[i + 1]);
        }
        MOVES.put(from, targets);
    }

    private static void stays(Progress in, OrderCommand... commands) {
        Set<OrderCommand> stay = EnumSet.noneOf(OrderCommand.class);
        stay.addAll(Arrays.asList(commands));
        STAYS.put(in, stay);
    }
}
