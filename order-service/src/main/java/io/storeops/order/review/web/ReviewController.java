package io.storeops.order.review.web;

import io.storeops.order.lifecycle.Orders;
import io.storeops.order.lifecycle.web.OrderCommandAnswers;
import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.lifecycle.web.OrderPages;
import io.storeops.order.lifecycle.web.OrderView;
import io.storeops.order.lifecycle.web.StaffOrderCommands;
import io.storeops.order.review.ReviewQueue;
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

/** Order review (审单): the queue of held orders, manual holds, release with a comment. */
@RestController
@Tag(name = "Review")
@SecurityRequirement(name = "bearer")
class ReviewController {

    private final Orders orders;
    private final StaffOrderCommands commands;
    private final ReviewQueue queue;

    ReviewController(Orders orders, StaffOrderCommands commands, ReviewQueue queue) {
        this.orders = orders;
        this.queue = queue;
        this.commands = commands;
    }

    @Schema(description = "What the reviewer checked or decided, kept with the order")
    record ReviewComment(
            @Schema(example = "Called the buyer: SF is fine, address confirmed")
            String comment) {}

    @GetMapping("/api/review-queue")
    @Operation(
            summary = "Orders of a store waiting for review, longest waiting first, with their hold reasons",
            description = "A page of at most limit orders; when there are more, the Link header (rel=\"next\") "
                    + "gives the next page's address with its cursor.")
    Mono<ResponseEntity<List<HeldOrder>>> queue(
            @RequestParam String storeId,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor,
            ServerHttpRequest request) {
        Problems.requireListLimit(limit);
        PageCursor after = Pages.after(cursor);
        return StaffAccess.require(OrderDeskAction.REVIEW)
                .map(staff -> staff.requireStore(storeId))
                .flatMap(staff -> OrderPages.queuePage(
                        queue.page(storeId, after, limit + 1),
                        limit,
                        ReviewQueue::waitingSince,
                        HeldOrder::of,
                        request));
    }

    @PostMapping("/api/orders/{orderId}/release")
    @OrderCommandAnswers
    @Operation(
            summary = "Release a held order after review; it ships with the next batch",
            description = "Who released comes from the token. Releasing an order that is not held (but paid) changes "
                    + "nothing; a cancelled or unpaid order is a 409.")
    Mono<OrderView> release(@PathVariable String orderId, @RequestBody ReviewComment request) {
        return commands.run(orderId, "comment", request.comment(), 1000, OrderDeskAction.REVIEW, orders::release);
    }

    @PostMapping("/api/orders/{orderId}/hold")
    @OrderCommandAnswers
    @Operation(
            summary = "Hold an order for review before it ships (reason MANUAL)",
            description = "Possible until the order is dispatched; a 409 names the status after that.")
    Mono<OrderView> hold(@PathVariable String orderId, @RequestBody ReviewComment request) {
        return commands.run(orderId, "comment", request.comment(), 1000, OrderDeskAction.REVIEW, orders::hold);
    }
}
