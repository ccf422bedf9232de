package io.storeops.console.listing;

import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.listing.ListingModel.BoardEntry;
import io.storeops.console.services.ServiceProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The listing board (商品上架): the store's products grouped by their step in the flow, each
 * group longest waiting first (the service's order), with the picture a card shows, how long it
 * has waited and the stores whose publication failed; and, for the supervisor and the store
 * manager, the form that selects a new product (商品挑选、定位).
 */
@Controller
class BoardPages {

    /** The select form alone, as its part of the board answers a sent form. */
    private static final String SELECT_FORM = "listing-board :: product-form(action='/listing', editing=false)";

    private final ListingFrame frame;
    private final ListingApi api;
    private final ListingProblems problems;
    private final Clock clock;

    BoardPages(ListingFrame frame, ListingApi api, ListingProblems problems, Clock clock) {
        this.frame = frame;
        this.api = api;
        this.problems = problems;
        this.clock = clock;
    }

    /** A product on the board, with how long it has waited in its step. */
    public record BoardRow(BoardEntry entry, Waiting waiting) {}

    @GetMapping("/listing")
    Mono<String> board(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String step,
            Model model,
            ServerWebExchange exchange) {
        if (step != null && !step.isBlank() && !ListingModel.STEPS.contains(step)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String chosenStep = step == null || step.isBlank() ? null : step;
        return frame.desk().flatMap(desk -> {
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "listing");
            model.addAttribute("steps", ListingModel.STEPS);
            model.addAttribute("step", chosenStep);
            if (shown == null) {
                return Mono.just("listing-board");
            }
            if (ListingDesk.Action.SELECT.allows(desk.roles())) {
                model.addAttribute("productForm", ProductForm.empty(shown.storeId()));
            }
            return api.board(shown.storeId(), chosenStep)
                    .doOnNext(entries -> model.addAttribute("groups", groups(entries)))
                    .thenReturn("listing-board");
        });
    }

    /**
     * The select form: sent to listing-service, then on to the new product's page; refused, it
     * comes back as typed with why. "More rows" adds blank SKU rows without sending anything.
     */
    @PostMapping("/listing")
    Mono<String> select(Model model, Locale locale, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), frame.desk()).flatMap(found -> {
            MultiValueMap<String, String> form = found.getT1();
            Desk desk = found.getT2();
            ListingDesk.require(desk, ListingDesk.Action.SELECT);
            ProductForm typed = ProductForm.read(form);
            DeskContext.frame(model, exchange, desk, typed.home(), "listing");
            if (form.containsKey("moreRows")) {
                model.addAttribute("productForm", typed.withMoreRows());
                return Mono.just(SELECT_FORM);
            }
            model.addAttribute("productForm", typed);
            Map<String, Object> sheet;
            try {
                sheet = typed.sheet(stores(desk));
            } catch (FormUnreadable unreadable) {
                problems.showInPlace(unreadable, model, locale, exchange);
                return Mono.just(SELECT_FORM);
            }
            return api.select(sheet)
                    .map(selected -> {
                        exchange.getResponse()
                                .getHeaders()
                                .set(
                                        "HX-Redirect",
                                        productPage(selected.listing().productId()));
                        return SELECT_FORM;
                    })
                    .onErrorResume(
                            ServiceProblem.class,
                            refused -> problems.showInPlace(refused, model, locale, exchange)
                                    .thenReturn(SELECT_FORM));
        });
    }

    /** The person's stores by id: the prices a form may give, each in its store's currency. */
    static Map<String, DeskStore> stores(Desk desk) {
        return desk.stores().stream()
                .collect(Collectors.toMap(DeskStore::storeId, store -> store, (one, other) -> one));
    }

    private static String productPage(String productId) {
        return UriComponentsBuilder.fromPath("/listing/{productId}")
                .buildAndExpand(productId)
                .encode()
                .toUriString();
    }

    /** The board's products by step, in the flow's order, each step's longest waiting first (as the service sent them). */
    private Map<String, List<BoardRow>> groups(List<BoardEntry> entries) {
        Map<String, List<BoardRow>> groups = new LinkedHashMap<>();
        ListingModel.STEPS.forEach(step -> groups.put(step, new ArrayList<>()));
        for (BoardEntry entry : entries) {
            groups.computeIfAbsent(entry.step(), unknown -> new ArrayList<>())
                    .add(new BoardRow(entry, Waiting.since(entry.stepSince(), clock.instant())));
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }
}
