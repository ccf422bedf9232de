package io.storeops.console.orders;

import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.orders.OrderDeskModel.Address;
import io.storeops.console.orders.OrderDeskModel.OrderDetail;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What staff do to an order from a page, answered with the part of the page that changed (htmx
 * swaps it in place): the order's detail, a review queue row's release cell, a stock-out notice's
 * contact cell. A refusal answers with the service's status and the same part, explaining why in the
 * reader's language.
 */
@Controller
class OrderCommandPages {

    private final OrderDeskApi api;
    private final Desks desks;
    private final ProblemExplanations problems;

    OrderCommandPages(OrderDeskApi api, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.desks = desks;
        this.problems = problems;
    }

    /** A form with the staff member's text (comment or reason) and where on the page it was sent from. */
    record TextForm(String text, String view) {

        boolean fromQueue() {
            return "queue".equals(view);
        }
    }

    /** The buyer-contact form of a stock-out notice. */
    record ContactForm(String channel, String outcome, String note) {}

    @PostMapping("/orders/{orderId}/release")
    Mono<String> release(
            @PathVariable String orderId,
            @ModelAttribute TextForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        if (form.fromQueue()) {
            model.addAttribute("orderId", orderId);
            model.addAttribute("comment", form.text());
            return api.release(orderId, form.text())
                    .map(released -> {
                        model.addAttribute("released", released.release());
                        return "review :: release";
                    })
                    .onErrorResume(
                            ServiceProblem.class,
                            refused -> problems.showInPlace(refused, model, locale, exchange)
                                    .thenReturn("review :: release"));
        }
        return detail(orderId, "RELEASE", api.release(orderId, form.text()), model, locale, exchange);
    }

    @PostMapping("/orders/{orderId}/hold")
    Mono<String> hold(
            @PathVariable String orderId,
            @ModelAttribute TextForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return detail(orderId, "HOLD", api.hold(orderId, form.text()), model, locale, exchange);
    }

    @PostMapping("/orders/{orderId}/cancel")
    Mono<String> cancel(
            @PathVariable String orderId,
            @ModelAttribute TextForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return detail(orderId, "CANCEL", api.cancel(orderId, form.text()), model, locale, exchange);
    }

    @PostMapping("/orders/{orderId}/address")
    Mono<String> correctAddress(
            @PathVariable String orderId,
            @ModelAttribute Address corrected,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return detail(orderId, "CHANGE_ADDRESS", api.correctAddress(orderId, corrected), model, locale, exchange)
                .doOnNext(view -> {
                    if (model.getAttribute("problem") != null) {
                        model.addAttribute("addressForm", corrected); // what was typed stays, next to its doubts
                    }
                });
    }

    /** The seller's memo form: the carrier the shop chose and the buyer's wishes. */
    record MemoForm(String carrier, String note) {}

    @PostMapping("/orders/{orderId}/seller-memo")
    Mono<String> writeSellerMemo(
            @PathVariable String orderId,
            @ModelAttribute MemoForm memo,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return detail(
                orderId,
                "CHANGE_SELLER_MEMO",
                api.writeSellerMemo(orderId, memo.carrier(), memo.note()),
                model,
                locale,
                exchange);
    }

    @PostMapping("/orders/{orderId}/buyer-contacts")
    Mono<String> recordBuyerContact(
            @PathVariable String orderId,
            @ModelAttribute ContactForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("orderId", orderId);
        model.addAttribute("channels", OrderDeskPages.CHANNELS);
        model.addAttribute("outcomes", OrderDeskPages.OUTCOMES);
        return api.recordBuyerContact(orderId, form.channel(), form.outcome(), form.note())
                .map(order -> {
                    model.addAttribute("recorded", order);
                    return "stock-outs :: contact";
                })
                .onErrorResume(
                        ServiceProblem.class,
                        refused -> problems.showInPlace(refused, model, locale, exchange)
                                .thenReturn("stock-outs :: contact"));
    }

    /** The order's detail after {@code command}: as the service answered it, or as it stands with why it was refused. */
    private Mono<String> detail(
            String orderId,
            String action,
            Mono<OrderDetail> command,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return desks.current()
                .flatMap(desk -> command.map(changed -> {
                            model.addAttribute("done", action);
                            return changed;
                        })
                        .onErrorResume(
                                ServiceProblem.class,
                                refused -> problems.showInPlace(refused, model, locale, exchange)
                                        .then(api.order(orderId)))
                        .map(order -> {
                            DeskContext.frame(model, exchange, desk, order.storeId(), "order");
                            model.addAttribute("order", order);
                            return "order :: detail";
                        }));
    }
}
