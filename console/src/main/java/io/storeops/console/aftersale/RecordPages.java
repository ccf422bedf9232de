package io.storeops.console.aftersale;

import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.Desks;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the page of a complaint and the page of a buyer review share: the record shows to whoever
 * the desk lets see complaints, and a step on it is taken by whoever may handle them, answered in
 * place — as the service answered it (what was typed cleared), or as it stands with why it was
 * refused (what was typed kept).
 *
 * @param <V> the record as refund-service answers it
 */
final class RecordPages<V> {

    /** Puts the record and what its page needs (the frame, the zone, the choices) into the model. */
    interface Show<V> {
        void show(Desk desk, V view, Model model, ServerWebExchange exchange);
    }

    private final Desks desks;
    private final ProblemExplanations problems;
    private final String template;
    private final List<String> typed;
    private final Show<V> show;

    /**
     * @param template the record's page; its {@code detail} fragment is what a step answers
     * @param typed the model attributes holding what the steps' forms typed
     */
    RecordPages(Desks desks, ProblemExplanations problems, String template, List<String> typed, Show<V> show) {
        this.desks = desks;
        this.problems = problems;
        this.template = template;
        this.typed = typed;
        this.show = show;
    }

    /** The record's page. */
    Mono<String> page(Mono<V> record, Model model, ServerWebExchange exchange) {
        return desks.current()
                .doOnNext(desk -> DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.SEE_COMPLAINTS))
                .zipWith(record)
                .map(found -> {
                    show.show(found.getT1(), found.getT2(), model, exchange);
                    return template;
                });
    }

    /**
     * The record after {@code step}: {@code command}'s answer, or, refused, the record as it stands
     * (asked for only then).
     */
    Mono<String> step(
            String step,
            Mono<V> command,
            Supplier<Mono<V>> asItStands,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return desks.current()
                .flatMap(desk -> {
                    DeskContext.require(desk, AfterSaleDesk.SERVICE, AfterSaleDesk.HANDLE_COMPLAINTS);
                    return command.doOnNext(changed -> {
                                model.addAttribute("done", step);
                                typed.forEach(model.asMap()::remove);
                            })
                            .onErrorResume(
                                    ServiceProblem.class,
                                    refused -> problems.showInPlace(refused, model, locale, exchange)
                                            .then(asItStands.get()))
                            .doOnNext(view -> show.show(desk, view, model, exchange));
                })
                .thenReturn(template + " :: detail");
    }
}
