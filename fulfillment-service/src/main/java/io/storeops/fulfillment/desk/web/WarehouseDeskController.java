package io.storeops.fulfillment.desk.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.batch.DispatchBatches;
import io.storeops.fulfillment.shipping.Fulfillments;
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
 * The caller's warehouse desk: what they may do in the shipping day, and per store of theirs the
 * queues they work with their lengths. A console builds its menus, buttons and badges from it.
 */
@RestController
@Tag(name = "Warehouse desk")
@SecurityRequirement(name = "bearer")
class WarehouseDeskController {

    private final StoreCatalog stores;
    private final Fulfillments fulfillments;
    private final DispatchBatches batches;

    WarehouseDeskController(StoreCatalog stores, Fulfillments fulfillments, DispatchBatches batches) {
        this.stores = stores;
        this.fulfillments = fulfillments;
        this.batches = batches;
    }

    @GetMapping("/api/warehouse-desk")
    @Operation(
            summary = "The caller's warehouse desk: their actions, stores and queue lengths",
            description =
                    "Any member of staff may ask; the actions are exactly those the fulfilment routes allow "
                            + "the token's roles, the stores those of the token that are configured here. Queues, only those the "
                            + "caller works: batch (parcels in open dispatch batches), exceptions (parcels in trouble), returns (approved returns on their way back).")
    Mono<DeskStores.Desk<WarehouseAction>> desk() {
        return DeskStores.of(WarehouseAction.class, stores, this::queues);
    }

    private Map<String, Mono<Long>> queues(String storeId, List<WarehouseAction> actions) {
        Map<String, Mono<Long>> queues = new LinkedHashMap<>();
        if (actions.contains(WarehouseAction.SEE_BATCHES)) {
            queues.put("batch", batches.openShipmentCount(storeId));
        }
        if (actions.contains(WarehouseAction.SEE_QUEUES)) {
            queues.put("exceptions", fulfillments.countInTrouble(storeId));
            queues.put("returns", fulfillments.countAwaitingReturns(storeId));
        }
        return queues;
    }
}
