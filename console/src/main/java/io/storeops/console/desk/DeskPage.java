package io.storeops.console.desk;

import io.storeops.console.desk.Desk.DeskStore;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The start of a store's page of an action: the person's desk around it, and the store shown. */
@Component
public class DeskPage {

    private final Desks desks;

    DeskPage(Desks desks) {
        this.desks = desks;
    }

    /**
     * The frame of {@code page} (403 unless the person may take {@code service}'s {@code action})
     * and the store it shows: the one asked for if theirs, else their first; empty when they have no store.
     */
    public Mono<DeskStore> of(
            String service, String action, String page, String store, Model model, ServerWebExchange exchange) {
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, service, action);
            return Mono.justOrEmpty(DeskContext.frame(model, exchange, desk, store, page));
        });
    }
}
