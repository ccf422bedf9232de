package io.storeops.fulfillment.shipping.web;

import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Checklists;
import io.storeops.fulfillment.shipping.Fulfillment;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Shipments as the warehouse's answers show them, each with its checklist from the listing. */
@Component
class ShipmentViews {

    private final Checklists checklists;

    ShipmentViews(Checklists checklists) {
        this.checklists = checklists;
    }

    Mono<ShipmentView> of(Fulfillment shipment) {
        return checklists.of(shipment).map(checklist -> ShipmentView.of(shipment, checklist));
    }

    /** A list of shipments, in its order; each SKU's listing is read once for the whole list. */
    Flux<ShipmentView> all(Flux<Fulfillment> shipments) {
        return shipments
                .collectList()
                .flatMapMany(list -> checklists
                        .of(list)
                        .flatMapIterable(byShipment -> list.stream()
                                .map(shipment -> ShipmentView.of(
                                        shipment,
                                        byShipment.getOrDefault(shipment.shipmentId(), new Checklist(List.of()))))
                                .toList()));
    }
}
