package io.storeops.fulfillment.shipping.web;

import io.storeops.fulfillment.access.WarehouseAction;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.fulfillment.shipping.Fulfillments;
import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.BiFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The shipments waiting for someone, oldest first: parcels in trouble, and returns on their way back. */
@RestController
@Tag(name = "Shipments")
@SecurityRequirement(name = "bearer")
class QueuesController {

    private final Fulfillments fulfillments;
    private final ShipmentViews views;

    QueuesController(Fulfillments fulfillments, ShipmentViews views) {
        this.fulfillments = fulfillments;
        this.views = views;
    }

    @GetMapping("/api/shipment-exceptions")
    @Operation(summary = "A store's parcels in trouble (异常快递), oldest first, with their follow-ups")
    Flux<ShipmentView> inTrouble(@RequestParam String storeId, @RequestParam(defaultValue = "100") int limit) {
        return queue(storeId, limit, fulfillments::inTrouble);
    }

    @GetMapping("/api/returns")
    @Operation(summary = "A store's shipments with an approved return not yet received, oldest first")
    Flux<ShipmentView> awaitedReturns(@RequestParam String storeId, @RequestParam(defaultValue = "100") int limit) {
        return queue(storeId, limit, fulfillments::awaitingReturns);
    }

    private Flux<ShipmentView> queue(
            String storeId, int limit, BiFunction<String, Integer, Flux<Fulfillment>> waiting) {
        Problems.requireListLimit(limit);
        return StaffAccess.require(WarehouseAction.SEE_QUEUES)
                .map(staff -> staff.requireStore(storeId))
                .flatMapMany(staff -> waiting.apply(storeId, limit))
                .transform(views::all);
    }
}
