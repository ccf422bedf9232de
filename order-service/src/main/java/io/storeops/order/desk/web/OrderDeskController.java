package io.storeops.order.desk.web;

import io.storeops.order.lifecycle.web.OrderDeskAction;
import io.storeops.order.review.ReviewQueue;
import io.storeops.order.stockout.StockOutQueue;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
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

    @Schema(description = "Who is asking, what they may do at the order desk, and their stores' queues")
    record OrderDesk(String username, Set<StaffRole> roles, List<OrderDeskAction> actions, List<DeskStore> stores) {}

    @Schema(description = "One store of the caller's, with how money and time are shown there and its queues")
    record DeskStore(
            String storeId,
            String name,

            @Schema(example = "CNY") String currency,

            @Schema(example = "Asia/Shanghai") String zone,

            @Schema(
                    description = "Queue lengths, only of the queues the caller works: review (held orders), "
                            + "heldByStaff (of those, held by a person), stockOut (buyers to tell)",
                    example = "{\"review\": 3, \"heldByStaff\": 1, \"stockOut\": 2}")
            Map<String, Long> queues) {}

    @GetMapping("/api/order-desk")
    @Operation(
            summary = "The caller's order desk: their actions, stores and queue lengths",
            description = "Any member of staff may ask; the actions are exactly those the order routes allow the "
                    + "token's roles, the stores those of the token that are configured here.")
    Mono<OrderDesk> desk() {
        return StaffAccess.current().flatMap(staff -> {
            List<OrderDeskAction> actions = OrderDeskAction.allowedFor(staff.roles());
            return Flux.fromIterable(staff.stores())
                    .sort()
                    .concatMap(storeId -> Mono.justOrEmpty(stores.find(storeId))
                            .flatMap(settings -> store(storeId, settings, actions)))
                    .collectList()
                    .map(found -> new OrderDesk(staff.username(), staff.roles(), actions, found));
        });
    }

    private Mono<DeskStore> store(String storeId, StoreProperties.Store settings, List<OrderDeskAction> actions) {
        Map<String, Mono<Long>> queues = new LinkedHashMap<>();
        if (actions.contains(OrderDeskAction.REVIEW)) {
            queues.put("review", review.length(storeId));
            queues.put("heldByStaff", review.heldByStaff(storeId));
        }
        if (actions.contains(OrderDeskAction.CONTACT_BUYER)) {
            queues.put("stockOut", stockOuts.length(storeId));
        }
        return Flux.fromIterable(queues.entrySet())
                .concatMap(queue -> queue.getValue().map(length -> Map.entry(queue.getKey(), length)))
                .collect(
                        LinkedHashMap<String, Long>::new,
                        (lengths, queue) -> lengths.put(queue.getKey(), queue.getValue()))
                .map(lengths -> new DeskStore(
                        storeId,
                        settings.name(),
                        settings.currency(),
                        settings.zone().getId(),
                        lengths));
    }
}
