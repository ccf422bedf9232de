package io.storeops.order.memo.web;

import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderCommandAnswers;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.lifecycle.web.OrderView;
import io.storeops.order.lifecycle.web.StaffOrderCommands;
import io.storeops.order.memo.SellerMemos;
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

/** The seller's memo (卖家备注): the carrier chosen and the buyer's wishes, for the warehouse. */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class SellerMemoController {

    private final Orders orders;
    private final StaffOrderCommands commands;

    SellerMemoController(Orders orders, StaffOrderCommands commands) {
        this.orders = orders;
        this.commands = commands;
    }

    @Schema(description = "The whole memo: it replaces the previous one; a blank part is absent")
    record MemoRequest(
            @Schema(example = "SF", description = "The carrier the shop chose, at most 40 characters")
            String carrier,

            @Schema(example = "买家要求周六送达，礼盒包装", description = "The buyer's wishes, at most 500 characters")
            String note) {}

    @PutMapping("/api/orders/{orderId}/seller-memo")
    @OrderCommandAnswers
    @Operation(
            summary = "Write the seller's memo (卖家备注): carrier chosen and the buyer's wishes",
            description = "Who wrote it comes from the token; OrderSellerMemoChanged tells fulfilment, whose documents "
                    + "print it. Until dispatch; after that, or on a cancelled order, a 409. Neither part: 422.")
    Mono<OrderView> write(@PathVariable String orderId, @RequestBody MemoRequest memo) {
        return commands.run(
                        orderId,
                        OrderDeskAction.SELLER_MEMO,
                        by -> orders.change(
                                orderId,
                                (order, now) -> SellerMemos.write(order, memo.carrier(), memo.note(), by, now)))
                .onErrorMap(IllegalArgumentException.class, invalid -> Problems.invalid(invalid.getMessage()));
    }
}
