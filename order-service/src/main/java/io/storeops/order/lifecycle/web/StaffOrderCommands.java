package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How staff reach one order and change it: the caller needs one of the roles and the order's
 * store (other stores' orders are not found), the free text they give is required and bounded,
 * who acted comes from the token, and a command the order's status refuses is a 409.
 */
@Component
public class StaffOrderCommands {

    /** Everyone who works with orders may look them up (in their own stores). */
    public static final StaffRole[] ORDER_READERS = {
        StaffRole.MANAGER,
        StaffRole.STORE_MANAGER,
        StaffRole.SUPERVISOR,
        StaffRole.CS_PRESALE,
        StaffRole.CS_AFTERSALE,
        StaffRole.ORDER_CLERK,
        StaffRole.WAREHOUSE
    };

    /** A change of one order by a member of staff, with their text (reason or comment). */
    public interface Command {
        Mono<Order> apply(String orderId, String by, String text);
    }

    private final Orders orders;

    StaffOrderCommands(Orders orders) {
        this.orders = orders;
    }

    /** The order, if the caller may see it; 404 otherwise, as if it did not exist. */
    public Mono<Order> visible(Staff staff, String orderId) {
        return orders.find(orderId)
                .filter(order -> staff.canSee(order.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Order", orderId)));
    }

    /** A command whose only input is the staff member's text, required and at most {@code maxLength} long. */
    public Mono<OrderView> run(
            String orderId, String field, String text, int maxLength, StaffRole[] roles, Command command) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > maxLength) {
            return Mono.error(Problems.invalid(field + " is required (at most " + maxLength + " characters)."));
        }
        return run(orderId, roles, by -> command.apply(orderId, by, trimmed));
    }

    /** Any command, given who is acting; answers with the order as it is now. */
    public Mono<OrderView> run(String orderId, StaffRole[] roles, Function<String, Mono<Order>> command) {
        return StaffAccess.require(roles)
                .flatMap(staff -> visible(staff, orderId).then(command.apply(staff.username())))
                .map(OrderView::of)
                .onErrorMap(IllegalOrderTransition.class, OrderProblems::conflict);
    }
}
