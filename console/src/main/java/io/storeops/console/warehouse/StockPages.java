package io.storeops.console.warehouse;

import io.storeops.console.desk.DeskContext;
import io.storeops.console.desk.DeskPage;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The store's stock: on hand, reserved and available per SKU, a page at a time; an import of a
 * counted CSV or XLSX file with its report of refused rows; an adjustment of one SKU.
 */
@Controller
class StockPages {

    private final WarehouseApi api;
    private final DeskPage deskPage;
    private final ProblemExplanations problems;

    StockPages(WarehouseApi api, DeskPage deskPage, ProblemExplanations problems) {
        this.api = api;
        this.deskPage = deskPage;
        this.problems = problems;
    }

    @GetMapping("/stock")
    Mono<String> stock(
            @RequestParam(required = false) String store,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String part,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            ServerWebExchange exchange) {
        return deskPage.of(WarehouseApi.SERVICE, "SEE_STOCK", "stock", store, model, exchange)
                .flatMap(shown -> api.stock(shown.storeId(), cursor).doOnNext(page -> {
                    model.addAttribute("levels", page.items());
                    if (page.nextCursor() != null) {
                        model.addAttribute(
                                "moreUrl",
                                DeskContext.url("/stock", shown, new LinkedMultiValueMap<>(), page.nextCursor()));
                    }
                }))
                .thenReturn(
                        htmx == null
                                ? "stock"
                                : cursor != null
                                        ? "stock :: rows"
                                        : "levels".equals(part) ? "stock :: levels" : "stock");
    }

    @PostMapping("/stock/{storeId}/imports")
    Mono<String> importFile(
            @PathVariable String storeId,
            @RequestPart(name = "file", required = false) FilePart file,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("storeId", storeId);
        if (file == null || file.filename().isBlank()) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            model.addAttribute("importProblem", "stock.import.noFile");
            return Mono.just("stock :: import");
        }
        return api.importStock(storeId, file)
                .doOnNext(report -> {
                    model.addAttribute("report", report);
                    stockChanged(exchange);
                })
                .then()
                .onErrorResume(ServiceProblem.class, refused -> problems.showInPlace(refused, model, locale, exchange))
                .thenReturn("stock :: import");
    }

    /** Units received (positive) or taken out (negative) of one SKU, and why. */
    record AdjustmentForm(String sku, Integer delta, String reason) {}

    @PostMapping("/stock/{storeId}/adjustments")
    Mono<String> adjust(
            @PathVariable String storeId,
            @ModelAttribute AdjustmentForm form,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        model.addAttribute("storeId", storeId);
        model.addAttribute("typedAdjustment", form); // kept in the form until it is recorded
        if (form.sku() == null || form.sku().isBlank() || form.delta() == null) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            model.addAttribute("adjustProblem", "stock.adjust.incomplete");
            return Mono.just("stock :: adjust");
        }
        return api.adjustStock(storeId, form.sku().strip(), form.delta(), form.reason())
                .then(Mono.fromRunnable(() -> {
                    model.asMap().remove("typedAdjustment");
                    model.addAttribute("adjusted", form);
                    stockChanged(exchange);
                }))
                .onErrorResume(ServiceProblem.class, refused -> problems.showInPlace(refused, model, locale, exchange))
                .thenReturn("stock :: adjust");
    }

    /** The page's stock levels fetch themselves again (htmx's event on the page's body). */
    private static void stockChanged(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("HX-Trigger", "stock-changed");
    }
}
