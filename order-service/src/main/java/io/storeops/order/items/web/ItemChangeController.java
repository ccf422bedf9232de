package io.storeops.order.items.web;

import io.storeops.order.items.ItemChanges;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderCommandAnswers;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.lifecycle.web.OrderView;
import io.storeops.order.lifecycle.web.StaffOrderCommands;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Changing a line's item or size at the buyer's request (修改商品及尺码). */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class ItemChangeController {

    private final Orders orders;
    private final StaffOrderCommands commands;

    ItemChangeController(Orders orders, StaffOrderCommands commands) {
        this.orders = orders;
        this.commands = commands;
    }

    @Schema(
            description =
                    "The line's new item: another SKU of the same product; title and unit price default to the line's")
    record ItemRequest(
            @Schema(example = "TSHIRT-WHITE-L") String sku,
            @Schema(example = "纯棉T恤 白色 L") String title,

            @Schema(example = "9900", description = "The new unit price in minor units")
            Long unitPriceMinor) {}

    @PutMapping("/api/orders/{orderId}/lines/{line}/item")
    @OrderCommandAnswers
    @Operation(
            summary = "Change a line's item or size (修改商品及尺码): another SKU of the same product",
            description = "Between payment and dispatch (409 otherwise). The same product means the same SKU code "
                    + "before the last '-'. OrderItemChanged takes the change to fulfilment (the shipment and its "
                    + "reservation follow) and the price difference to the refund desk; the order's itemChanges keep "
                    + "it. The same change again changes nothing.")
    Mono<OrderView> change(@PathVariable String orderId, @PathVariable int line, @RequestBody ItemRequest request) {
        if (request == null) {
            return Mono.error(Problems.invalid("sku is required"));
        }
        return commands.run(
                        orderId,
                        OrderDeskAction.CHANGE_ITEM,
                        by -> orders.change(
                                orderId,
                                (order, now) -> ItemChanges.change(
                                        order,
                                        line,
                                        request.sku(),
                                        request.title(),
                                        request.unitPriceMinor(),
                                        by,
                                        now)))
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()));
    }
}
