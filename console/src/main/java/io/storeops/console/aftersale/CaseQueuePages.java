package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseSummary;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The after-sale desk's queues per store — new requests, cases in negotiation, those whose
 * marketplace timer runs out soon, with the time left and the kind of timer, and payouts the gateway
 * refused — 50 at a time ("more"
 * appends the next page in place), and the refund sheet downloaded through the console.
 */
@Controller
class CaseQueuePages {

    /** The queues, by tab: the states each lists (due-soon asks the service's own queue). */
    static final Map<String, List<String>> QUEUES = Map.of(
            "new",
            List.of("REQUESTED"),
            "negotiating",
            List.of("REJECTED", "NEGOTIATING"),
            "payout-refused",
            List.of("PAYOUT_REFUSED"));

    static final List<String> TABS = List.of("new", "negotiating", "due-soon", "payout-refused");

    /** How far ahead the due-soon queue looks (ISO-8601, as the service takes it). */
    static final List<String> WITHIN = List.of("PT24H", "P3D", "P7D");

    static final List<String> SHEET_FORMATS = List.of("xlsx", "csv");

    /** Where a refused sheet's explanation waits for the form page it goes back to. */
    private static final String SHEET_PROBLEM = CaseQueuePages.class.getName() + ".sheetProblem";

    private final AfterSaleApi api;
    private final Desks desks;
    private final ProblemExplanations problems;
    private final Clock clock;

    CaseQueuePages(AfterSaleApi api, Desks desks, ProblemExplanations problems, Clock clock) {
        this.api = api;
        this.desks = desks;
        this.problems = problems;
        this.clock = clock;
    }

    /** A case of a queue, and how long its timer (if any) has left. */
    public record QueueRow(CaseSummary summary, TimeLeft left) {}

    @GetMapping("/after-sale")
    Mono<String> queues(
            @RequestParam(required = false) String store,
            @RequestParam(defaultValue = "new") String tab,
            @RequestParam(defaultValue = "PT24H") String within,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        String shownTab = TABS.contains(tab) ? tab : "new";
        String lookAhead = WITHIN.contains(within) ? within : WITHIN.get(0);
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_CASES);
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "afterSale");
            model.addAttribute("tab", shownTab);
            model.addAttribute("tabs", TABS);
            model.addAttribute("within", lookAhead);
            model.addAttribute("withinChoices", WITHIN);
            if (shown == null) {
                model.addAttribute("rows", List.of());
                return Mono.just("after-sale");
            }
            if (shownTab.equals("due-soon")) {
                return api.dueSoon(shown.storeId(), lookAhead).map(due -> {
                    model.addAttribute("rows", rows(due));
                    return "after-sale";
                });
            }
            return api.cases(shown.storeId(), QUEUES.get(shownTab), cursor).map(page -> {
                model.addAttribute("rows", rows(page.cases()));
                if (page.nextCursor() != null) {
                    MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
                    filters.add("tab", shownTab);
                    model.addAttribute("moreUrl", DeskContext.url("/after-sale", shown, filters, page.nextCursor()));
                }
                return htmx != null && cursor != null ? "after-sale :: page" : "after-sale";
            });
        });
    }

    private List<QueueRow> rows(List<CaseSummary> cases) {
        return cases.stream()
                .map(summary -> new QueueRow(summary, TimeLeft.of(summary.deadline(), clock.instant())))
                .toList();
    }

    /** The refund sheet's form: the store's days (today in the store's zone unless chosen), state, type, format. */
    @GetMapping("/after-sale/sheet")
    Mono<String> sheetForm(
            @RequestParam(required = false) String store,
            @RequestParam MultiValueMap<String, String> query,
            Model model,
            ServerWebExchange exchange) {
        return Mono.zip(desks.current(), exchange.getSession()).map(found -> {
            DeskContext.require(found.getT1(), AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_CASES);
            DeskStore shown = DeskContext.frame(model, exchange, found.getT1(), store, "afterSale");
            model.addAttribute("tab", "sheet");
            model.addAttribute("tabs", TABS);
            String today = shown == null
                    ? LocalDate.now(clock).toString()
                    : LocalDate.now(clock.withZone(ZoneId.of(shown.zone()))).toString();
            model.addAttribute("from", query.getFirst("from") == null ? today : query.getFirst("from"));
            model.addAttribute("to", query.getFirst("to") == null ? today : query.getFirst("to"));
            model.addAttribute("chosenStatus", query.getFirst("status"));
            model.addAttribute("chosenType", query.getFirst("type"));
            model.addAttribute("chosenFormat", query.getFirst("format"));
            model.addAttribute("states", AfterSaleModel.STATES);
            model.addAttribute("types", AfterSaleModel.TYPES);
            model.addAttribute("formats", SHEET_FORMATS);
            Object refused = found.getT2().getAttributes().remove(SHEET_PROBLEM);
            if (refused != null) {
                model.addAttribute("problem", refused);
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            }
            return "refund-sheet";
        });
    }

    /**
     * The sheet as the service makes it, streamed through with its file name. When the service
     * refuses it (days out of range, a store not one's own), the form comes back with why and what
     * was chosen: a download that fails must not leave the person on a blank page.
     */
    @GetMapping("/after-sale/sheet/file")
    Mono<ResponseEntity<Flux<DataBuffer>>> sheet(
            @RequestParam String store,
            @RequestParam MultiValueMap<String, String> query,
            Locale locale,
            ServerWebExchange exchange) {
        MultiValueMap<String, String> asked = new LinkedMultiValueMap<>();
        asked.add("storeId", store);
        for (String name : List.of("from", "to", "status", "type", "format")) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                asked.add(name, value.strip());
            }
        }
        return api.sheet(asked, asked.getFirst("format"))
                .onErrorResume(
                        refused -> refused instanceof ServiceProblem problem
                                && problem.status() != HttpStatus.UNAUTHORIZED.value(),
                        refused -> exchange.getSession().map(session -> {
                            session.getAttributes()
                                    .put(SHEET_PROBLEM, problems.explain((ServiceProblem) refused, locale));
                            UriComponentsBuilder back = UriComponentsBuilder.fromPath("/after-sale/sheet")
                                    .queryParam("store", store);
                            asked.forEach((name, values) -> {
                                if (!name.equals("storeId")) {
                                    back.queryParam(name, values.get(0));
                                }
                            });
                            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                                    .header(
                                            HttpHeaders.LOCATION,
                                            back.encode().build().toUriString())
                                    .body(Flux.<DataBuffer>empty());
                        }));
    }
}
