package io.storeops.console.aftersale;

import io.storeops.console.aftersale.ComplaintModel.ReviewView;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Buyers' reviews at the after-sale desk: the low-rating queue (the longest waiting first) and the
 * low reviews customer service has contacted the buyer about — together the low reviews not yet
 * replied to, which the desk's {@code lowReviews} badge counts — or a buyer's reviews by their
 * nickname (旺旺反查); one review with its rating, text, images (as links: the console shows no
 * outside images), the buyer and the order, the contacts, and the seller's reply, written once, with
 * whether it is on the storefront (posted, on its way, refused, or for staff to post by hand).
 */
@Controller
class ReviewPages {

    /** The queue's tabs and the states each lists, of the low reviews ({@code low=true}). */
    static final Map<String, List<String>> TABS = tabs();

    private static final List<String> TYPED = List.of("typedContact", "typedReply");

    private final ComplaintApi api;
    private final Desks desks;
    private final RecordPages<ReviewView> pages;

    ReviewPages(ComplaintApi api, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.desks = desks;
        this.pages = new RecordPages<>(desks, problems, "buyer-review", TYPED, ReviewPages::show);
    }

    private static Map<String, List<String>> tabs() {
        Map<String, List<String>> tabs = new LinkedHashMap<>();
        tabs.put("new", List.of("NEW"));
        tabs.put("contacted", List.of("CONTACTED"));
        return tabs;
    }

    /** The queue of a tab, or with {@code buyer} every review of that buyer (their nickname, exactly). */
    @GetMapping("/after-sale/reviews")
    Mono<String> reviews(
            @RequestParam(required = false) String store,
            @RequestParam(defaultValue = "new") String tab,
            @RequestParam(required = false) String buyer,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        String nick = buyer == null || buyer.isBlank() ? null : buyer.strip();
        String shownTab = nick != null ? "buyer" : TABS.containsKey(tab) ? tab : "new";
        return desks.current().flatMap(desk -> {
            DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_COMPLAINTS);
            DeskStore shown = DeskContext.frame(model, exchange, desk, store, "reviews");
            model.addAttribute("tab", shownTab);
            model.addAttribute("tabs", TABS.keySet());
            model.addAttribute("buyer", nick);
            if (shown == null) {
                model.addAttribute("rows", List.of());
                return Mono.just("buyer-reviews");
            }
            List<String> states = nick != null ? List.of() : TABS.get(shownTab);
            return api.reviews(shown.storeId(), states, nick == null, nick, cursor)
                    .map(page -> {
                        model.addAttribute("rows", page.reviews());
                        if (page.nextCursor() != null) {
                            MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
                            if (nick != null) {
                                filters.add("buyer", nick);
                            } else {
                                filters.add("tab", shownTab);
                            }
                            model.addAttribute(
                                    "moreUrl",
                                    DeskContext.url("/after-sale/reviews", shown, filters, page.nextCursor()));
                        }
                        return htmx != null && cursor != null ? "buyer-reviews :: page" : "buyer-reviews";
                    });
        });
    }

    @GetMapping("/after-sale/reviews/{id}")
    Mono<String> review(@PathVariable String id, Model model, ServerWebExchange exchange) {
        return pages.page(api.review(id), model, exchange);
    }

    record ReplyForm(String reply) {}

    @PostMapping("/after-sale/reviews/{id}/contacts")
    Mono<String> recordContact(
            @PathVariable String id,
            @ModelAttribute ContactForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedContact", form);
        return step(
                id,
                "contacts",
                api.recordReviewContact(id, form.channel(), form.offered(), form.buyerAnswer()),
                model,
                locale,
                exchange);
    }

    @PostMapping("/after-sale/reviews/{id}/reply")
    Mono<String> reply(
            @PathVariable String id,
            @ModelAttribute ReplyForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedReply", form.reply());
        return step(id, "reply", api.reply(id, form.reply()), model, locale, exchange);
    }

    /**
     * The review after {@code step}: as the service answered it (what was typed cleared), or as it
     * stands with why it was refused (what was typed kept; a reply someone else wrote first shows).
     */
    private Mono<String> step(
            String id, String step, Mono<ReviewView> command, Model model, Locale locale, ServerWebExchange exchange) {
        return pages.step(step, command, () -> api.review(id), model, locale, exchange);
    }

    private static void show(Desk desk, ReviewView view, Model model, ServerWebExchange exchange) {
        DeskStore store = DeskContext.frame(model, exchange, desk, view.review().storeId(), "buyerReview");
        model.addAttribute("view", view);
        model.addAttribute("zone", store == null ? "UTC" : store.zone());
        model.addAttribute("channels", ComplaintModel.CHANNELS);
    }
}
