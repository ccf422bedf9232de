package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.ComplaintModel.ComplaintView;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Buyers' complaints (受理投诉) at the after-sale desk: a store's open and ended complaints, 50 at a
 * time; one complaint with its order, contacts, resolution and timeline, where customer service
 * records a contact, resolves it or records its withdrawal (answered in place, a refusal explained
 * with the complaint as it stands); and a new complaint taken from an order, whose form carries its
 * own Idempotency-Key so that a double submit takes one complaint.
 */
@Controller
class ComplaintPages {

    /** The queue's tabs and the states each lists. */
    static final Map<String, List<String>> TABS = tabs();

    /** What a step's form typed, cleared once the step is taken. */
    private static final List<String> TYPED = List.of("typedContact", "typedResolution", "typedWithdrawal");

    private final ComplaintApi api;
    private final AfterSaleApi orders;
    private final Desks desks;
    private final ProblemExplanations problems;
    private final RecordPages<ComplaintView> pages;

    ComplaintPages(ComplaintApi api, AfterSaleApi orders, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.orders = orders;
        this.desks = desks;
        this.problems = problems;
        this.pages = new RecordPages<>(desks, problems, "complaint", TYPED, ComplaintPages::show);
    }

    private static Map<String, List<String>> tabs() {
        Map<String, List<String>> tabs = new LinkedHashMap<>();
        tabs.put("open", List.of("OPEN", "IN_PROGRESS"));
        tabs.put("ended", List.of("RESOLVED", "WITHDRAWN"));
        return tabs;
    }

    @GetMapping("/after-sale/complaints")
    Mono<String> complaints(
            @RequestParam(required = false) String store,
            @RequestParam(defaultValue = "open") String tab,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        String shownTab = TABS.containsKey(tab) ? tab : "open";
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_COMPLAINTS);
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "complaints");
            model.addAttribute("tab", shownTab);
            model.addAttribute("tabs", TABS.keySet());
            if (shown == null) {
                model.addAttribute("rows", List.of());
                return Mono.just("complaints");
            }
            return api.complaints(shown.storeId(), TABS.get(shownTab), cursor).map(page -> {
                model.addAttribute("rows", page.complaints());
                if (page.nextCursor() != null) {
                    MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
                    filters.add("tab", shownTab);
                    model.addAttribute(
                            "moreUrl", DeskContext.url("/after-sale/complaints", shown, filters, page.nextCursor()));
                }
                return htmx != null && cursor != null ? "complaints :: page" : "complaints";
            });
        });
    }

    @GetMapping("/after-sale/complaints/{complaintId}")
    Mono<String> complaint(@PathVariable String complaintId, Model model, ServerWebExchange exchange) {
        return pages.page(api.complaint(complaintId), model, exchange);
    }

    /** How the complaint was resolved: the outcome, a note, and for {@code REFUND_CASE} the case. */
    record ResolutionForm(String outcome, String note, String refundCaseId) {}

    record WithdrawalForm(String note) {}

    @PostMapping("/after-sale/complaints/{complaintId}/contacts")
    Mono<String> recordContact(
            @PathVariable String complaintId,
            @ModelAttribute ContactForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedContact", form);
        return step(
                complaintId,
                "contacts",
                api.recordComplaintContact(complaintId, form.channel(), form.offered(), form.buyerAnswer()),
                model,
                locale,
                exchange);
    }

    @PostMapping("/after-sale/complaints/{complaintId}/resolution")
    Mono<String> resolve(
            @PathVariable String complaintId,
            @ModelAttribute ResolutionForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedResolution", form);
        return step(
                complaintId,
                "resolution",
                api.resolve(complaintId, form.outcome(), form.note(), form.refundCaseId()),
                model,
                locale,
                exchange);
    }

    @PostMapping("/after-sale/complaints/{complaintId}/withdrawal")
    Mono<String> withdraw(
            @PathVariable String complaintId,
            @ModelAttribute WithdrawalForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedWithdrawal", form);
        return step(complaintId, "withdrawal", api.withdraw(complaintId, form.note()), model, locale, exchange);
    }

    /**
     * The complaint after {@code step}: as the service answered it (what was typed cleared), or as
     * it stands with why it was refused (what was typed kept).
     */
    private Mono<String> step(
            String complaintId,
            String step,
            Mono<ComplaintView> command,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return pages.step(step, command, () -> api.complaint(complaintId), model, locale, exchange);
    }

    private static void show(Desk desk, ComplaintView view, Model model, ServerWebExchange exchange) {
        DeskStore store =
                DeskContext.frame(model, exchange, desk, view.complaint().storeId(), "complaint");
        model.addAttribute("view", view);
        model.addAttribute("zone", store == null ? "UTC" : store.zone());
        model.addAttribute("channels", ComplaintModel.CHANNELS);
        model.addAttribute("outcomes", ComplaintModel.OUTCOMES);
    }

    @GetMapping("/after-sale/complaints/new")
    Mono<String> form(
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String store,
            Model model,
            ServerWebExchange exchange) {
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.HANDLE_COMPLAINTS);
            return FromOrderForm.show(
                    order,
                    store,
                    desk,
                    orders,
                    "new-complaint",
                    "newComplaint",
                    (found, key) -> Mono.fromRunnable(() -> filled(desk, found, key, model, exchange)),
                    model,
                    exchange);
        });
    }

    /**
     * The form as the page sends it: {@code idempotencyKey}, {@code orderId}, {@code channel},
     * {@code category}, {@code description} and {@code buyerNick}. Taken, the complaint's page
     * follows; refused, the form comes back with why and what was typed.
     */
    @PostMapping("/after-sale/complaints")
    Mono<String> open(Model model, Locale locale, ServerWebExchange exchange) {
        return FromOrderForm.submitted(exchange, desks, AfterSaleDesk.HANDLE_COMPLAINTS)
                .flatMap(submitted -> {
                    MultiValueMap<String, String> form = submitted.form();
                    Desk desk = submitted.desk();
                    String key = submitted.idempotencyKey();
                    String orderId = submitted.orderId();
                    for (String field : List.of("channel", "category", "description", "buyerNick")) {
                        model.addAttribute(
                                "typed" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                                form.getFirst(field));
                    }
                    boolean fromHtmx = exchange.getRequest().getHeaders().getFirst("HX-Request") != null;
                    String refusedView = fromHtmx ? "new-complaint :: entry" : "new-complaint";
                    return orders.order(orderId)
                            .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)))
                            .flatMap(order -> api.open(key, entry(form, order.orderId()))
                                    .map(opened -> {
                                        String page = UriComponentsBuilder.fromPath("/after-sale/complaints/{id}")
                                                .buildAndExpand(
                                                        opened.complaint().complaintId())
                                                .encode()
                                                .toUriString();
                                        if (fromHtmx) {
                                            exchange.getResponse().getHeaders().set("HX-Redirect", page);
                                            exchange.getResponse().setStatusCode(HttpStatus.CREATED);
                                            return "new-complaint :: opened";
                                        }
                                        return "redirect:" + page;
                                    })
                                    .onErrorResume(
                                            ServiceProblem.class,
                                            refused -> problems.showInPlace(refused, model, locale, exchange)
                                                    .then(Mono.fromRunnable(
                                                            () -> filled(desk, order, key, model, exchange)))
                                                    .thenReturn(refusedView)));
                });
    }

    /** The complaint as refund-service takes it, from the form (blank fields missing: the service names them). */
    static Map<String, Object> entry(MultiValueMap<String, String> form, String orderId) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orderId", orderId);
        entry.put("channel", FromOrderForm.text(form.getFirst("channel")));
        entry.put("category", FromOrderForm.text(form.getFirst("category")));
        entry.put("description", FromOrderForm.text(form.getFirst("description")));
        entry.put("buyerNick", FromOrderForm.text(form.getFirst("buyerNick")));
        return entry;
    }

    private static void filled(Desk desk, Order order, String key, Model model, ServerWebExchange exchange) {
        DeskContext.frame(model, exchange, desk, order.storeId(), "newComplaint");
        model.addAttribute("order", order);
        model.addAttribute("orderId", order.orderId());
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("channels", ComplaintModel.CHANNELS);
        model.addAttribute("categories", ComplaintModel.CATEGORIES);
    }
}
