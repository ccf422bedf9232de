package io.storeops.order.stockout.web;

import io.storeops.order.lifecycle.BuyerContact;
import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderCommandAnswers;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.lifecycle.web.OrderPages;
import io.storeops.order.lifecycle.web.OrderView;
import io.storeops.order.lifecycle.web.StaffOrderCommands;
import io.storeops.order.stockout.StockOutFollowUp;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.paging.PageCursor;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Pages;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Stock-out notices (缺货通知): the queue of buyers to tell, and what they decided. */
@RestController
@Tag(name = "Stock-out notices")
@SecurityRequirement(name = "bearer")
class StockOutController {

    private static final int MAX_NOTE = 1000;

    private final Orders orders;
    private final StaffOrderCommands commands;
    private final StockOutQueue queue;

    StockOutController(Orders orders, StaffOrderCommands commands, StockOutQueue queue) {
        this.orders = orders;
        this.queue = queue;
        this.commands = commands;
    }

    @Schema(description = "How customer service reached the buyer and what the buyer decided")
    record ContactRequest(
            @Schema(example = "PHONE", requiredMode = Schema.RequiredMode.REQUIRED)
            BuyerContact.Channel channel,

            @Schema(
                    example = "WAIT",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description =
                            "WAIT, CHANGE_ITEM or CANCEL close the notice (CANCEL cancels the order); NO_ANSWER keeps it open")
            BuyerContact.Outcome outcome,

            @Schema(example = "Buyer will wait until 3 Dec for the restock")
            String note) {}

    @GetMapping("/api/stock-out-queue")
    @Operation(
            summary = "Orders of a store whose buyer must be told about missing stock, longest waiting first",
            description = "Each order carries its stockOut notice: the missing SKUs and quantities and every contact "
                    + "so far. A page of at most limit orders; when there are more, the Link header (rel=\"next\") "
                    + "gives the next page's address with its cursor.")
    Mono<ResponseEntity<List<StockOutNotice>>> queue(
            @RequestParam String storeId,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        Problems.requireListLimit(limit);
        PageCursor after = Pages.after(cursor);
        return StaffAccess.require(OrderDeskAction.CONTACT_BUYER)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> OrderPages.queuePage(
                        queue.page(storeId, after, limit + 1),
                        limit,
                        StockOutQueue::waitingSince,
                        StockOutNotice::of,
                        request));
    }

    @PostMapping("/api/orders/{orderId}/buyer-contacts")
    @OrderCommandAnswers
    @Operation(
            summary = "Record telling the buyer about a stock-out",
            description =
                    "Who called comes from the token. A decided outcome closes the notice; CANCEL cancels the order "
                            + "(OrderCancelled), refused with 409 once the parcel left. Without an open notice: 409.")
    Mono<OrderView> recordContact(@PathVariable String orderId, @RequestBody ContactRequest request) {
        if (request.channel() == null || request.outcome() == null) {
            return Mono.error(Problems.invalid("channel and outcome are required."));
        }
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().trim();
        if (note != null && note.length() > MAX_NOTE) {
            return Mono.error(Problems.invalid("note is at most " + MAX_NOTE + " characters."));
        }
        return commands.run(
                orderId,
                OrderDeskAction.CONTACT_BUYER,
                by -> orders.change(
                        orderId,
                        (order, now) -> StockOutFollowUp.buyerContacted(
                                order, new BuyerContact(request.channel(), request.outcome(), note, by, now))));
    }
}
