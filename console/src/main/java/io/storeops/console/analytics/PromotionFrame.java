package io.storeops.console.analytics;

import io.storeops.console.desk.AnalyticsDesk;
import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.desk.DeskPage;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The frame of a promotion page: 403 for roles that do not work with promotion, and the store shown. */
@Component
class PromotionFrame {

    private final DeskPage deskPage;

    PromotionFrame(DeskPage deskPage) {
        this.deskPage = deskPage;
    }

    /** Today in the store's zone (a page opened without a store has none: UTC). */
    static LocalDate today(DeskStore store) {
        return LocalDate.now(store == null || store.zone() == null ? ZoneId.of("UTC") : ZoneId.of(store.zone()));
    }

    Mono<DeskStore> of(String page, String store, Model model, ServerWebExchange exchange) {
        return of(AnalyticsDesk.SEE_PROMOTION, page, store, model, exchange);
    }

    /** The same for a page of a narrower action (setting targets: the manager's). */
    Mono<DeskStore> of(String action, String page, String store, Model model, ServerWebExchange exchange) {
        return deskPage.of(AnalyticsDesk.SERVICE, action, page, store, model, exchange);
    }
}
