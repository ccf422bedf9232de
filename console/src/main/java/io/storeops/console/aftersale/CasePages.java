package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One after-sale case: the order's lines it gives back (with their titles), the buyer's evidence,
 * the contacts, the decision, the timeline and the payout; and the steps the person's role takes
 * there as forms. Each step answers with the case as it now stands, in place; a refusal (the
 * four-eyes rule, a state that does not take the step, what is left to refund) says why in the
 * reader's language, with the case as it stands.
 */
@Controller
class CasePages {

    /** How customer service reaches a buyer (the channels the order desk's contacts use too). */
    static final List<String> CHANNELS = List.of("PHONE", "SMS", "EMAIL", "CHAT");

    private final AfterSaleApi api;
    private final Desks desks;
    private final ProblemExplanations problems;

    CasePages(AfterSaleApi api, Desks desks, ProblemExplanations problems) {
        this.api = api;
        this.desks = desks;
        this.problems = problems;
    }

    @GetMapping("/after-sale/cases/{caseId}")
    Mono<String> refundCase(@PathVariable String caseId, Model model, ServerWebExchange exchange) {
        return desks.current()
                .doOnNext(desk -> DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_CASES))
                .zipWith(api.refundCase(caseId))
                .flatMap(found -> screen(found.getT1(), found.getT2(), model, exchange))
                .thenReturn("case");
    }

    /** A supervisor's note on a decision. */
    record NoteForm(String note) {}

    record ParcelForm(String trackingNumber) {}

    record PaymentForm(String reference) {}

    @PostMapping("/after-sale/cases/{caseId}/approval")
    Mono<String> approve(
            @PathVariable String caseId,
            @ModelAttribute NoteForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return noteStep(caseId, "approval", form, api::approve, model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/rejection")
    Mono<String> reject(
            @PathVariable String caseId,
            @ModelAttribute NoteForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return noteStep(caseId, "rejection", form, api::reject, model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/closure")
    Mono<String> close(
            @PathVariable String caseId,
            @ModelAttribute NoteForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return noteStep(caseId, "closure", form, api::close, model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/payout-retry")
    Mono<String> retryPayout(
            @PathVariable String caseId,
            @ModelAttribute NoteForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return noteStep(caseId, "payout-retry", form, api::retryPayout, model, locale, exchange);
    }

    /** A supervisor's decision sends the case and the note (approve, reject, close, retry a refused payout). */
    private interface NoteCommand {
        Mono<CaseView> send(String caseId, String note);
    }

    /** A supervisor's decision: the note kept for a refusal, the rest as {@link #step} sends it. */
    private Mono<String> noteStep(
            String caseId,
            String step,
            NoteForm form,
            NoteCommand command,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedNote", form.note());
        return step(caseId, step, command.send(caseId, form.note()), model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/contacts")
    Mono<String> recordContact(
            @PathVariable String caseId,
            @ModelAttribute ContactForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedContact", form);
        return step(
                caseId,
                "contacts",
                api.recordContact(caseId, form.channel(), form.offered(), form.buyerAnswer()),
                model,
                locale,
                exchange);
    }

    /** The revision form sends the reason, per order line {@code line}, {@code quantity} and {@code amount}, and {@code shipping}. */
    @PostMapping("/after-sale/cases/{caseId}/revision")
    Mono<String> revise(@PathVariable String caseId, Model model, Locale locale, ServerWebExchange exchange) {
        return linesStep(
                caseId,
                "revision",
                (form, lines, shippingMinor) -> api.revise(caseId, form.getFirst("reason"), lines, shippingMinor),
                model,
                locale,
                exchange);
    }

    /**
     * The settlement form sends, per line of the case, {@code line}, {@code quantity} (units accepted)
     * and {@code amount} (money back), {@code shipping} and the {@code note} saying why.
     */
    @PostMapping("/after-sale/cases/{caseId}/settlement")
    Mono<String> settle(@PathVariable String caseId, Model model, Locale locale, ServerWebExchange exchange) {
        return linesStep(
                caseId,
                "settlement",
                (form, lines, shippingMinor) -> api.settle(caseId, lines, shippingMinor, form.getFirst("note")),
                model,
                locale,
                exchange);
    }

    /** A step whose form gives lines and shipping, read in the case's currency, and what else it sends. */
    private interface LinesCommand {
        Mono<CaseView> send(MultiValueMap<String, String> form, List<CaseLine> lines, long shippingMinor);
    }

    /**
     * A step whose form sends lines ({@code line}, {@code quantity}, {@code amount}) and
     * {@code shipping}: money that is not money of the case's currency is refused here, with the
     * case and what was typed; the rest goes to the service as {@link #step} sends it.
     */
    private Mono<String> linesStep(
            String caseId, String step, LinesCommand command, Model model, Locale locale, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), desks.current(), api.refundCase(caseId))
                .flatMap(found -> {
                    MultiValueMap<String, String> form = found.getT1();
                    model.addAttribute("typedLines", CaseForms.typedLines(form));
                    model.addAttribute("typedShipping", form.getFirst("shipping"));
                    model.addAttribute("typedReason", form.getFirst("reason"));
                    model.addAttribute("typedNote", form.getFirst("note"));
                    String currency = found.getT3().currency();
                    Mono<CaseView> sent;
                    try {
                        sent = command.send(
                                form,
                                CaseForms.lines(form, currency),
                                CaseForms.minor(form.getFirst("shipping"), currency));
                    } catch (CaseForms.Unreadable unreadable) {
                        model.addAttribute("problemKey", unreadable.key());
                        model.addAttribute("refusedStep", step);
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return screen(found.getT2(), found.getT3(), model, exchange)
                                .thenReturn("case :: detail");
                    }
                    return step(caseId, step, sent, model, locale, exchange);
                });
    }

    @PostMapping("/after-sale/cases/{caseId}/withdrawal")
    Mono<String> withdraw(@PathVariable String caseId, Model model, Locale locale, ServerWebExchange exchange) {
        return step(caseId, "withdrawal", api.withdraw(caseId), model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/return-parcel")
    Mono<String> returnParcel(
            @PathVariable String caseId,
            @ModelAttribute ParcelForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedTracking", form.trackingNumber());
        return step(caseId, "return-parcel", api.returnParcel(caseId, form.trackingNumber()), model, locale, exchange);
    }

    @PostMapping("/after-sale/cases/{caseId}/payment")
    Mono<String> confirmPayment(
            @PathVariable String caseId,
            @ModelAttribute PaymentForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("typedReference", form.reference());
        return step(caseId, "payment", api.confirmPayment(caseId, form.reference()), model, locale, exchange);
    }

    /**
     * The case after {@code step}: as the service answered it (what was typed cleared), or as it
     * stands with why it was refused (what was typed kept).
     */
    private Mono<String> step(
            String caseId,
            String step,
            Mono<CaseView> command,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return desks.current()
                .flatMap(desk -> command.doOnNext(changed -> {
                            model.addAttribute("done", step);
                            List.of(
                                            "typedNote",
                                            "typedContact",
                                            "typedLines",
                                            "typedShipping",
                                            "typedReason",
                                            "typedTracking",
                                            "typedReference")
                                    .forEach(model.asMap()::remove);
                        })
                        .onErrorResume(
                                ServiceProblem.class,
                                refused -> problems.showInPlace(refused, model, locale, exchange)
                                        .then(Mono.fromRunnable(() -> model.addAttribute("refusedStep", step)))
                                        .then(api.refundCase(caseId)))
                        .flatMap(view -> screen(desk, view, model, exchange)))
                .thenReturn("case :: detail");
    }

    /** The case's page model: the case with its order's lines and what the order may still refund. */
    private Mono<CaseScreen> screen(Desk desk, CaseView view, Model model, ServerWebExchange exchange) {
        DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_CASES);
        return Mono.zip(optional(api.order(view.orderId())), optional(api.ledger(view.orderId())))
                .map(found -> {
                    DeskStore store = DeskContext.frame(model, exchange, desk, view.storeId(), "case");
                    CaseScreen screen = new CaseScreen(
                            view, found.getT1().orElse(null), found.getT2().orElse(null));
                    model.addAttribute("screen", screen);
                    model.addAttribute("zone", store == null ? "UTC" : store.zone());
                    model.addAttribute("channels", CHANNELS);
                    return screen;
                });
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> answer) {
        return answer.map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
