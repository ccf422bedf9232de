package io.storeops.order.lifecycle.web;

import io.storeops.contracts.OrderLine;
import io.storeops.order.catalogue.Catalogue;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.ReviewPolicy;
import io.storeops.platform.security.Staff;
import io.storeops.platform.security.StaffAccess;
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

    /** A change of one order by a member of staff, with their text (reason or comment). */
    public interface Command {
        Mono<Order> apply(String orderId, String by, String text);
    }

    private final Orders orders;
    private final ReviewPolicy review;
    private final Catalogue catalogue;

    StaffOrderCommands(Orders orders, ReviewPolicy review, Catalogue catalogue) {
        this.orders = orders;
        this.review = review;
        this.catalogue = catalogue;
    }

    /**
     * The order as an answer shows it, with what the store's rules doubt about its address and
     * its lines' products as the listing published them.
     */
    public Mono<OrderView> view(Order order) {
        return catalogue
                .itemsOf(
                        order.storeId(),
                        order.lines().stream().map(OrderLine::sku).toList())
                .map(listed -> OrderView.of(order, review.addressDoubts(order.storeId()), listed));
    }

    /** The order, if the caller may see it; 404 otherwise, as if it did not exist. */
    public Mono<Order> visible(Staff staff, String orderId) {
        return orders.find(orderId)
                .filter(order -> staff.canSee(order.storeId()))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Order", orderId)));
    }

    /** A command whose only input is the staff member's text, required and at most {@code maxLength} long. */
    public Mono<OrderView> run(
            String orderId, String field, String text, int maxLength, OrderDeskAction action, Command command) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.length() > maxLength) {
            return Mono.error(Problems.invalid(field + " is required (at most " + maxLength + " characters)."));
        }
        return run(orderId, action, by -> command.apply(orderId, by, trimmed));
    }

    /** Any command, given who is acting; answers with the order as it is now. */
    public Mono<OrderView> run(String orderId, OrderDeskAction action, Function<String, Mono<Order>> command) {
        return StaffAccess.require(action)
                .flatMap(staff -> visible(staff, orderId).then(command.apply(staff.username())))
                .flatMap(this::view)
                .onErrorMap(IllegalOrderTransition.class, OrderProblems::conflict);
    }
}
