package io.storeops.console.orders;

import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.orders.OrderDeskModel.QueuePage;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The order desk's pages: home with the person's queues, the review and stock-out queues, one order. */
@Controller
class OrderDeskPages {

    /** How customer service reaches a buyer, and what the buyer may decide (the service's values). */
    static final List<String> CHANNELS = List.of("PHONE", "SMS", "EMAIL", "CHAT");

    static final List<String> OUTCOMES = List.of("WAIT", "CHANGE_ITEM", "CANCEL", "NO_ANSWER");

    private final OrderDeskApi api;
    private final Desks desks;

    OrderDeskPages(OrderDeskApi api, Desks desks) {
        this.api = api;
        this.desks = desks;
    }

    @GetMapping("/")
    Mono<String> home(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return desks.current().map(desk -> {
            DeskContext.frame(model, exchange, desk, store, "home");
            return "home";
        });
    }

    @GetMapping("/review")
    Mono<String> review(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        return queuePage("REVIEW", "review", api::reviewQueue, store, cursor, model, exchange)
                .map(held -> {
                    model.addAttribute("held", held);
                    return htmx != null && cursor != null ? "review :: page" : "review";
                });
    }

    @GetMapping("/stock-outs")
    Mono<String> stockOuts(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        return queuePage("CONTACT_BUYER", "stockOuts", api::stockOutQueue, store, cursor, model, exchange)
                .map(notices -> {
                    model.addAttribute("notices", notices);
                    model.addAttribute("channels", CHANNELS);
                    model.addAttribute("outcomes", OUTCOMES);
                    return htmx != null && cursor != null ? "stock-outs :: page" : "stock-outs";
                });
    }

    @GetMapping("/orders/{orderId}")
    Mono<String> order(@PathVariable String orderId, Model model, ServerWebExchange exchange) {
        return Mono.zip(desks.current(), api.order(orderId)).map(found -> {
            DeskContext.frame(model, exchange, found.getT1(), found.getT2().storeId(), "order");
            model.addAttribute("order", found.getT2());
            return "order";
        });
    }

    /**
     * The frame of a queue's page and one page of the shown store's queue (none when the person has
     * no store), with the address of the next page as {@code moreUrl} when there is one.
     */
    private <T> Mono<List<T>> queuePage(
            String action,
            String page,
            BiFunction<String, String, Mono<QueuePage<T>>> of,
            String store,
            String cursor,
            Model model,
            ServerWebExchange exchange) {
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, action);
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, page);
            if (shown == null) {
                return Mono.just(List.<T>of());
            }
            return of.apply(shown.storeId(), cursor).map(found -> {
                if (found.nextCursor() != null) {
                    model.addAttribute(
                            "moreUrl",
                            DeskContext.url(
                                    exchange.getRequest().getPath().value(),
                                    shown,
                                    new LinkedMultiValueMap<>(),
                                    found.nextCursor()));
                }
                return found.entries();
            });
        });
    }
}
