package io.storeops.console.listing;

import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.listing.ListingModel.ListingView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The frame of a listing page: the person's desk around it (403 for roles that do not work with
 * listings), and for a product's pages the product with the store that runs its listing (its zone
 * for the times shown).
 */
@Component
class ListingFrame {

    private final Desks desks;
    private final ListingApi api;

    ListingFrame(Desks desks, ListingApi api) {
        this.desks = desks;
        this.api = api;
    }

    /** The person's desk, once it is known they work with listings. */
    Mono<Desk> desk() {
        return desks.current().doOnNext(desk -> ListingDesk.require(desk, ListingDesk.Action.SEE));
    }

    /** {@code page} of a product: the frame, and the product as the service answers it now. */
    Mono<ListingView> product(String productId, String page, Model model, ServerWebExchange exchange) {
        return desk().zipWith(api.product(productId))
                .map(found -> show(found.getT1(), found.getT2(), page, model, exchange));
    }

    /** {@code page} of a product the page already has (a step's answer). */
    Mono<ListingView> show(ListingView view, String page, Model model, ServerWebExchange exchange) {
        return desk().map(desk -> show(desk, view, page, model, exchange));
    }

    private static ListingView show(Desk desk, ListingView view, String page, Model model, ServerWebExchange exchange) {
        DeskStore store =
                DeskContext.frame(model, exchange, desk, view.listing().storeId(), page);
        model.addAttribute("view", view);
        model.addAttribute("listing", view.listing());
        model.addAttribute("zone", store == null || store.zone() == null ? "UTC" : store.zone());
        return view;
    }
}
