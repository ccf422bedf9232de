package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A form that takes something new from an order (a case, a complaint), as its page first shows:
 * without an order it asks for one; an order the service does not know is said so (404, the order
 * typed kept); a known order fills the form in under a new Idempotency-Key, which every submit of
 * that rendering carries. Whoever calls it has checked that the person may take such a thing.
 */
final class FromOrderForm {

    /** Fills the form in for {@code order}, under {@code idempotencyKey}. */
    interface Filling {
        Mono<Void> fill(Order order, String idempotencyKey);
    }

    /** A submitted form of the person's {@code desk}: its Idempotency-Key and order, both checked. */
    record Submitted(MultiValueMap<String, String> form, Desk desk, String idempotencyKey, String orderId) {}

    private FromOrderForm() {}

    /**
     * The form submitted by a person who may take {@code action}; a 400 without a key of the form's
     * rendering or without an order (the page always sends both).
     */
    static Mono<Submitted> submitted(ServerWebExchange exchange, Desks desks, String action) {
        return Mono.zip(exchange.getFormData(), desks.current()).map(found -> {
            MultiValueMap<String, String> form = found.getT1();
            Desk desk = found.getT2();
            DeskContext.require(desk, AfterSaleDesk.SERVICE, action);
            String key = form.getFirst("idempotencyKey");
            String orderId = text(form.getFirst("orderId"));
            if (key == null || !CaseForms.IDEMPOTENCY_KEY.matcher(key).matches() || orderId == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
            }
            return new Submitted(form, desk, key, orderId);
        });
    }

    /** What was typed in a field, or null for nothing. */
    static String text(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /**
     * The form's {@code template} for the order typed ({@code order}, or none), framed as the
     * desk's {@code page} in {@code store} until an order says which store it is.
     */
    static Mono<String> show(
            String order,
            String store,
            Desk desk,
            AfterSaleApi orders,
            String template,
            String page,
            Filling filling,
            Model model,
            ServerWebExchange exchange) {
        String orderId = order == null ? "" : order.strip();
        model.addAttribute("orderId", orderId);
        if (orderId.isEmpty()) {
            DeskContext.frame(model, exchange, desk, store, page);
            return Mono.just(template);
        }
        return orders.order(orderId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        DeskContext.frame(model, exchange, desk, store, page);
                        model.addAttribute("problemKey", "afterSale.new.noOrder");
                        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                        return Mono.just(template);
                    }
                    return filling.fill(found.get(), CaseForms.newIdempotencyKey())
                            .thenReturn(template);
                });
    }
}
