package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.Order;
import io.storeops.order.lifecycle.IllegalOrderTransition;
import io.storeops.order.lifecycle.Orders;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @Schema(description = "Why the order is cancelled, as told to the buyer")
    record CancelRequest(@Schema(example = "Buyer asked to cancel: ordered twice") String reason) {
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order before dispatch",
            description = "Who cancelled comes from the token. Cancelling again changes nothing. A (partly) dispatched order "
                    + "is refused with 409 naming its status: open a refund or return instead.")
    Mono<Order> cancel(@PathVariable String orderId, @RequestBody CancelRequest request) {
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > 500) {
            return Mono.error(Problems.invalid("reason is required (at most 500 characters)."));
        }
        return StaffAccess.require(StaffRole.CS_AFTERSALE, StaffRole.CS_PRESALE, StaffRole.STORE_MANAGER)
                .flatMap(staff -> orders.find(orderId).filter(order -> staff.canSee(order.storeId()))
                        .switchIfEmpty(Mono.error(() -> Problems.notFound("Order", orderId)))
                        .flatMap(order -> orders.cancel(orderId, reason, staff.username())))
                .onErrorMap(IllegalOrderTransition.class, OrderProblems::conflict);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order with its status, lines, address and shipment",
            description = "Order ids are '<storeId>:<storefront order number>'. Orders of stores outside the token are not found.")
    Mono<Order> order(@PathVariable String orderId) {
        return StaffAccess.require(StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.SUPERVISOR, StaffRole.CS_PRESALE,
                        StaffRole.CS_AFTERSALE, StaffRole.ORDER_CLERK, StaffRole.WAREHOUSE)
                .flatMap(staff -> orders.find(orderId).filter(order -> staff.canSee(order.storeId())))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("Order", orderId)));
    }
}
