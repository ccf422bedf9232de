package io.storeops.fulfillment.shipping;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.events.listing.PublishedSku;
import io.storeops.fulfillment.catalogue.Catalogue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parcels' checklists ({@link Checklist}), from what the listing published of their SKUs in
 * their store. Read when shown, printed or checked, so a parcel paid before its product's listing
 * reached the warehouse still gets its accessories, and always as the newest page version says.
 */
@Component
public class Checklists {

    private final Catalogue catalogue;

    Checklists(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Mono<Checklist> of(Fulfillment shipment) {
        return listedFor(shipment).map(listed -> Checklist.of(shipment, listed));
    }

    /** What the listing published of the parcel's SKUs, by SKU: what {@link Checklist#of} takes. */
    public Mono<Map<String, PublishedSku>> listedFor(Fulfillment shipment) {
        return catalogue.itemsOf(shipment.storeId(), skusOf(List.of(shipment)));
    }

    /** The checklists of {@code shipments}, by shipment id, each SKU of a store read once. */
    public Mono<Map<String, Checklist>> of(List<Fulfillment> shipments) {
        Map<String, List<Fulfillment>> byStore = shipments.stream()
                .collect(Collectors.groupingBy(Fulfillment::storeId, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byStore.entrySet())
                .concatMap(store -> catalogue
                        .itemsOf(store.getKey(), skusOf(store.getValue()))
                        .flatMapIterable(listed -> store.getValue().stream()
                                .map(shipment -> Map.entry(shipment.shipmentId(), Checklist.of(shipment, listed)))
                                .toList()))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static Collection<String> skusOf(List<Fulfillment> shipments) {
        return shipments.stream()
                .flatMap(shipment -> shipment.lines().stream())
                .map(ItemQuantity::sku)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
