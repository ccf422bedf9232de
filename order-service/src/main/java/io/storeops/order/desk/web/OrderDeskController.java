package io.storeops.order.desk.web;

import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.review.ReviewQueue;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.stores.DeskStores;
import io.storeops.platform.stores.StoreCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's order desk: what they may do, and per store of theirs the queues they work with
 * their lengths. A console builds its menus, buttons and home page from it.
 */
@RestController
@Tag(name = "Order desk")
@SecurityRequirement(name = "bearer")
class OrderDeskController {

    private final StoreCatalog stores;
    private final ReviewQueue review;
    private final StockOutQueue stockOuts;

    OrderDeskController(StoreCatalog stores, ReviewQueue review, StockOutQueue stockOuts) {
        this.stores = stores;
        this.review = review;
        this.stockOuts = stockOuts;
    }

    @GetMapping("/api/order-desk")
    @Operation(
            summary = "The caller's order desk: their actions, stores and queue lengths",
            description =
                    "Any member of staff may ask; the actions are exactly those the order routes allow the "
                            + "token's roles, the stores those of the token that are configured here. Queues, only those the "
                            + "caller works: review (held orders), heldByStaff (of those, held by a person), stockOut (buyers to tell).")
    Mono<DeskStores.Desk<OrderDeskAction>> desk() {
        return DeskStores.of(OrderDeskAction.class, stores, this::queues);
    }

    private Map<String, Mono<Long>> queues(String storeId, List<OrderDeskAction> actions) {
        Map<String, Mono<Long>> queues = new LinkedHashMap<>();
        if (actions.contains(OrderDeskAction.REVIEW)) {
            queues.put("review", review.length(storeId));
            queues.put("heldByStaff", review.heldByStaff(storeId));
        }
        if (actions.contains(OrderDeskAction.CONTACT_BUYER)) {
            queues.put("stockOut", stockOuts.length(storeId));
        }
        return queues;
    }
}
