package io.storeops.console.analytics;

import io.storeops.console.desk.Desk.DeskStore;
import io.storeops.console.services.ProblemExplanations;
import io.storeops.console.services.ServiceProblem;
import java.util.Locale;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pay-per-click report imports: the upload, the job's progress (asked again every second while it
 * is queued or running), its outcome and the refused rows to download, and the store's latest imports.
 */
@Controller
class ImportPages {

    private final AnalyticsApi api;
    private final PromotionFrame frame;
    private final ProblemExplanations problems;

    ImportPages(AnalyticsApi api, PromotionFrame frame, ProblemExplanations problems) {
        this.api = api;
        this.frame = frame;
        this.problems = problems;
    }

    @GetMapping("/promotion/imports")
    Mono<String> imports(@RequestParam(required = false) String store, Model model, ServerWebExchange exchange) {
        return promotionPage(store, model, exchange)
                .flatMap(storeId -> api.imports(storeId).doOnNext(jobs -> model.addAttribute("jobs", jobs)))
                .thenReturn("promotion-imports");
    }

    @PostMapping("/promotion/imports")
    Mono<String> upload(
            @RequestParam String store,
            @RequestPart(name = "file", required = false) FilePart file,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return promotionPage(store, model, exchange).flatMap(storeId -> {
            if (file == null || file.filename().isBlank()) {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                model.addAttribute("uploadProblem", "promotion.import.noFile");
                return Mono.just("promotion-imports :: upload");
            }
            return api.startImport(storeId, file)
                    .doOnNext(job -> model.addAttribute("job", job))
                    .then()
                    .onErrorResume(
                            ServiceProblem.class, refused -> problems.showInPlace(refused, model, locale, exchange))
                    .thenReturn("promotion-imports :: upload");
        });
    }

    /** The job as it is now: the part of the page that asks again while it runs. */
    @GetMapping("/promotion/imports/{importId}")
    Mono<String> job(
            @PathVariable String importId,
            @RequestParam(required = false) String store,
            Model model,
            ServerWebExchange exchange) {
        return promotionPage(store, model, exchange)
                .then(api.importJob(importId))
                .doOnNext(job -> model.addAttribute("job", job))
                .thenReturn("promotion-imports :: job");
    }

    @GetMapping("/promotion/imports/{importId}/refused-rows")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> refusedRows(
            @PathVariable String importId, @RequestParam(defaultValue = "csv") String format) {
        return api.refusedRows(importId, "xlsx".equals(format) ? "xlsx" : "csv");
    }

    private Mono<String> promotionPage(String store, Model model, ServerWebExchange exchange) {
        return frame.of("promotionImports", store, model, exchange).map(DeskStore::storeId);
    }
}
