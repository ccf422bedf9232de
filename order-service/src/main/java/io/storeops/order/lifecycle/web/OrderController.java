package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.TimelineEntry;
import io.storeops.platform.security.StaffAccess;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrderController {

    private final Orders orders;
    private final StaffOrderCommands commands;

    OrderController(Orders orders, StaffOrderCommands commands) {
        this.orders = orders;
        this.commands = commands;
    }

    @Schema(description = "Why the order is cancelled, as told to the buyer")
    record CancelRequest(
            @Schema(example = "Buyer asked to cancel: ordered twice")
            String reason) {}

    @PostMapping("/{orderId}/cancel")
    @OrderCommandAnswers
    @Operation(
            summary = "Cancel an order before dispatch",
            description =
                    "Who cancelled comes from the token. Cancelling again changes nothing. A (partly) dispatched order "
                            + "is refused with 409 naming its status: open a refund or return instead.")
    Mono<OrderView> cancel(@PathVariable String orderId, @RequestBody CancelRequest request) {
        return commands.run(orderId, "reason", request.reason(), 500, OrderDeskAction.CANCEL, orders::cancel);
    }

    @GetMapping("/{orderId}")
    @Operation(
            summary =
                    "One order with its status, lines, money, buyer, address, shipment, stock-out notice and timeline",
            description =
                    "Order ids are '<storeId>:<storefront order number>'. Orders of stores outside the token are not found.")
    Mono<OrderView> order(@PathVariable String orderId) {
        return StaffAccess.require(OrderDeskAction.LOOK_UP)
                .flatMap(staff -> commands.visible(staff, orderId))
                .flatMap(commands::view);
    }

    @GetMapping("/{orderId}/timeline")
    @Operation(
            summary = "Everything that happened to an order, oldest first: who, when, what",
            description = "Storefront messages, staff actions (with their comments) and the other services' events "
                    + "(shipment created, dispatched, delivered, carrier exceptions, cancelled; refunds paid), including "
                    + "conflicts such as a parcel dispatched after the order was cancelled.")
    Flux<TimelineEntry> timeline(@PathVariable String orderId) {
        return order(orderId).flatMapIterable(OrderView::timeline);
    }
}
