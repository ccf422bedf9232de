package io.storeops.console.orders;

import io.storeops.console.orders.OrderDeskModel.DeskStore;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The order desk's pages: home with the person's queues, the review and stock-out queues, one order. */
@Controller
class OrderDeskPages {

    /** How customer service reaches a buyer, and what the buyer may decide (the service's values). */
    static final List<String> CHANNELS = List.of("PHONE", "SMS", "EMAIL", "CHAT");

    static final List<String> OUTCOMES = List.of("WAIT", "CHANGE_ITEM", "CANCEL", "NO_ANSWER");

    private final OrderDeskApi api;

    OrderDeskPages(OrderDeskApi api) {
        this.api = api;
    }

    @GetMapping("/")
    Mono<String> home(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return api.desk().map(desk -> {
            DeskContext.frame(model, exchange, desk, store, "home");
            return "home";
        });
    }

    @GetMapping("/review")
    Mono<String> review(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return queuePage("REVIEW", "review", api::reviewQueue, store, model, exchange)
                .map(held -> {
                    model.addAttribute("held", held);
                    return "review";
                });
    }

    @GetMapping("/stock-outs")
    Mono<String> stockOuts(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return queuePage("CONTACT_BUYER", "stockOuts", api::stockOutQueue, store, model, exchange)
                .map(notices -> {
                    model.addAttribute("notices", notices);
                    model.addAttribute("channels", CHANNELS);
                    model.addAttribute("outcomes", OUTCOMES);
                    return "stock-outs";
                });
    }

    @GetMapping("/orders/{orderId}")
    Mono<String> order(@PathVariable String orderId, Model model, ServerWebExchange exchange) {
        return Mono.zip(api.desk(), api.order(orderId)).map(found -> {
            DeskContext.frame(model, exchange, found.getT1(), found.getT2().storeId(), "order");
            model.addAttribute("order", found.getT2());
            return "order";
        });
    }

    /** The frame of a queue's page and the queue of the shown store (none when the person has no store). */
    private <T> Mono<List<T>> queuePage(
            String action,
            String page,
            Function<String, Flux<T>> of,
            String store,
            Model model,
            ServerWebExchange exchange) {
        return api.desk().flatMap(desk -> {
            DeskContext.require(desk, action);
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, page);
            return shown == null
                    ? Mono.just(List.<T>of())
                    : of.apply(shown.storeId()).collectList();
        });
    }
}
