package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.Ledger;
import io.storeops.console.aftersale.AfterSaleModel.LedgerLine;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.OrderLine;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After-sale customer service enters a case for the buyer from an order: its type, the reason,
 * whether the buyer has the goods, units and money per order line and for shipping, and the
 * buyer's evidence. Each rendering of the form carries a new Idempotency-Key, and every submit of
 * that form sends it: a double click, or a retry after a lost answer, opens one case. A refusal
 * (more than is left, a reason the store does not take) comes back on the form with what was typed.
 */
@Controller
class NewCasePages {

    /**
     * One order line on the form: what was bought, and what the ledger says is left of it to
     * refund ({@code standing}, null when the ledger is not known).
     */
    public record EntryLine(int lineIndex, OrderLine bought, LedgerLine standing) {}

    private final AfterSaleApi api;
    private final Desks desks;
    private final ProblemExplanations problems;

    NewCasePages(AfterSaleApi api, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.desks = desks;
        this.problems = problems;
    }

    @GetMapping("/after-sale/cases/new")
    Mono<String> form(
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String store,
            Model model,
            ServerWebExchange exchange) {
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.HANDLE_CASES);
            return FromOrderForm.show(
                    order,
                    store,
                    desk,
                    api,
                    "new-case",
                    "newCase",
                    (found, key) -> filled(desk, found, key, model, exchange),
                    model,
                    exchange);
        });
    }

    /**
     * The form as the page sends it: {@code idempotencyKey}, {@code orderId}, {@code type},
     * {@code reason}, {@code goodsReceived}, per order line {@code line}, {@code quantity} and
     * {@code amount}, {@code shipping} and {@code evidence} (a note or link per line). Opened, the
     * case's page follows; refused, the form comes back with why.
     */
    @PostMapping("/after-sale/cases")
    Mono<String> enter(Model model, Locale locale, ServerWebExchange exchange) {
        return FromOrderForm.submitted(exchange, desks, AfterSaleDesk.HANDLE_CASES)
                .flatMap(submitted -> {
                    MultiValueMap<String, String> form = submitted.form();
                    Desk desk = submitted.desk();
                    String key = submitted.idempotencyKey();
                    String orderId = submitted.orderId();
                    typedBack(form, model);
                    boolean fromHtmx = exchange.getRequest().getHeaders().getFirst("HX-Request") != null;
                    String refusedView =
                            fromHtmx ? "new-case :: entry" : "new-case"; // a plain form gets the whole page
                    return api.order(orderId)
                            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                            .flatMap(order -> {
                                DeskStore store = desk.store(order.storeId());
                                String currency = store != null
                                        ? store.currency()
                                        : order.total().currency();
                                Map<String, Object> entry;
                                try {
                                    entry = entry(form, order.orderId(), currency);
                                } catch (CaseForms.Unreadable unreadable) {
                                    model.addAttribute("problemKey", unreadable.key());
                                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                                    return filled(desk, order, key, model, exchange)
                                            .thenReturn(refusedView);
                                }
                                return api.enter(key, entry)
                                        .map(opened -> {
                                            String page = UriComponentsBuilder.fromPath("/after-sale/cases/{id}")
                                                    .buildAndExpand(
                                                            opened.refundCase().caseId())
                                                    .encode()
                                                    .toUriString();
                                            if (fromHtmx) {
                                                exchange.getResponse()
                                                        .getHeaders()
                                                        .set("HX-Redirect", page);
                                                exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                                                return "new-case :: opened";
                                            }
                                            return "redirect:" + page;
                                        })
                                        .onErrorResume(
                                                ServiceProblem.class,
                                                refused -> problems.showInPlace(refused, model, locale, exchange)
                                                        .then(filled(desk, order, key, model, exchange))
                                                        .thenReturn(refusedView));
                            });
                });
    }

    /** The case as refund-service takes it, from the form. */
    static Map<String, Object> entry(MultiValueMap<String, String> form, String orderId, String currency) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orderId", orderId);
        entry.put("type", FromOrderForm.text(form.getFirst("type")));
        entry.put("reason", FromOrderForm.text(form.getFirst("reason")));
        entry.put("goodsReceived", "true".equals(form.getFirst("goodsReceived")));
        entry.put("lines", CaseForms.lines(form, currency));
        entry.put("shippingMinor", CaseForms.minor(form.getFirst("shipping"), currency));
        entry.put("evidence", CaseForms.evidence(form.getFirst("evidence")));
        return entry;
    }

    /**
     * The form for {@code order}, with its key, what the order and each line may still refund, and
     * the store's terms: the reasons to pick from (any text when it has none) and the amount below
     * which a refund-only request is approved at once.
     */
    private Mono<Void> filled(Desk desk, Order order, String key, Model model, ServerWebExchange exchange) {
        return Mono.zip(optional(api.ledger(order.orderId())), optional(api.terms(order.storeId())))
                .doOnNext(found -> {
                    Ledger ledger = found.getT1().orElse(null);
                    DeskStore store = DeskContext.frame(model, exchange, desk, order.storeId(), "newCase");
                    model.addAttribute("ledger", ledger);
                    model.addAttribute("terms", found.getT2().orElse(null));
                    model.addAttribute("order", order);
                    model.addAttribute("orderId", order.orderId());
                    model.addAttribute("lines", lines(order, ledger));
                    model.addAttribute(
                            "currency",
                            store != null ? store.currency() : order.total().currency());
                    model.addAttribute("idempotencyKey", key);
                    model.addAttribute("types", AfterSaleModel.TYPES);
                })
                .then();
    }

    /** The order's lines, each with its standing in the ledger (by the line's index). */
    static List<EntryLine> lines(Order order, Ledger ledger) {
        List<EntryLine> lines = new ArrayList<>();
        for (int index = 0; index < order.lines().size(); index++) {
            lines.add(new EntryLine(index, order.lines().get(index), ledger == null ? null : ledger.line(index)));
        }
        return lines;
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> answer) {
        return answer.map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** What was typed, to show it again when the form comes back. */
    private static void typedBack(MultiValueMap<String, String> form, Model model) {
        model.addAttribute("typedType", form.getFirst("type"));
        model.addAttribute("typedReason", form.getFirst("reason"));
        model.addAttribute("typedGoodsReceived", "true".equals(form.getFirst("goodsReceived")));
        model.addAttribute("typedLines", CaseForms.typedLines(form));
        model.addAttribute("typedShipping", form.getFirst("shipping"));
        model.addAttribute("typedEvidence", form.getFirst("evidence"));
    }
}
