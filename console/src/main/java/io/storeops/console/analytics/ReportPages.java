package io.storeops.console.analytics;

import io.storeops.console.Formats;
import io.storeops.console.analytics.AnalyticsModel.Changes;
import io.storeops.console.analytics.AnalyticsModel.OperationsFigures;
import io.storeops.console.analytics.AnalyticsModel.PeriodReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily, weekly, monthly and quarterly reports: the period's key figures against the period
 * before with the change, and the PDF to print or send (fetched through the console with the
 * person's token); the campaign effect report's PDF for a campaign and its days.
 */
@Controller
class ReportPages {

    static final List<String> KINDS = List.of("daily", "weekly", "monthly", "quarterly");

    private final AnalyticsApi api;
    private final PromotionFrame frame;
    private final Formats formats;

    ReportPages(AnalyticsApi api, PromotionFrame frame, Formats formats) {
        this.api = api;
        this.frame = frame;
        this.formats = formats;
    }

    /** A key figure: this period's, the one before's and the change (where the report gives one). */
    record FigureLine(String name, String now, String before, String change) {}

    @GetMapping("/promotion/reports")
    Mono<String> report(
            @RequestParam(required = false) String store,
            @RequestParam(defaultValue = "weekly") String kind,
            @RequestParam(required = false) String period,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        requireKind(kind);
        String asked = period == null || period.isBlank() ? null : period.strip();
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("askedPeriod", asked);
        return frame.of("reports", store, model, exchange)
                .flatMap(shown -> api.report(shown.storeId(), kind, asked).doOnNext(report -> {
                    model.addAttribute("report", report);
                    model.addAttribute("figureLines", lines(report, shown.currency(), locale));
                    model.addAttribute(
                            "pdfUrl",
                            UriComponentsBuilder.fromPath("/promotion/reports/{kind}/pdf")
                                    .queryParam("store", shown.storeId())
                                    .queryParam("period", report.period())
                                    .encode()
                                    .buildAndExpand(kind)
                                    .toUriString());
                }))
                .thenReturn("reports");
    }

    @GetMapping("/promotion/reports/{kind}/pdf")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> pdf(
            @PathVariable String kind,
            @RequestParam String store,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (kind.equals("campaign")) {
            query.add("campaign", campaign);
            query.add("from", from);
            query.add("to", to);
        } else {
            requireKind(kind);
            if (period != null && !period.isBlank()) {
                query.add("period", period.strip());
            }
        }
        return api.reportPdf(store, kind, query);
    }

    private List<FigureLine> lines(PeriodReport report, String storeCurrency, Locale locale) {
        OperationsFigures now = report.figures();
        OperationsFigures before = report.previous();
        Changes changes = report.changes();
        String currency = now.currency() == null ? storeCurrency : now.currency();
        Function<Long, String> money = minor -> formats.money(minor, currency, locale);
        Function<Long, String> count = value -> formats.count(value, locale);
        List<FigureLine> lines = new ArrayList<>();
        lines.add(line(
                "paidOrders",
                now.paidOrders(),
                before.paidOrders(),
                count,
                changeOf(changes, Changes::paidOrders),
                locale));
        lines.add(line("gmv", now.gmvMinor(), before.gmvMinor(), money, changeOf(changes, Changes::gmv), locale));
        lines.add(line("aov", now.aovMinor(), before.aovMinor(), money, changeOf(changes, Changes::aov), locale));
        lines.add(line("cancelled", now.cancelled(), before.cancelled(), count, null, locale));
        lines.add(line(
                "parcelsDispatched",
                now.parcelsDispatched(),
                before.parcelsDispatched(),
                count,
                changeOf(changes, Changes::parcelsDispatched),
                locale));
        lines.add(line("dispatchedLate", now.dispatchedLate(), before.dispatchedLate(), count, null, locale));
        lines.add(line("troublesReported", now.troublesReported(), before.troublesReported(), count, null, locale));
        lines.add(line("parcelsInTrouble", now.parcelsInTrouble(), before.parcelsInTrouble(), count, null, locale));
        lines.add(line("refunds", now.refunds(), before.refunds(), count, changeOf(changes, Changes::refunds), locale));
        lines.add(line(
                "refunded",
                now.refundedMinor(),
                before.refundedMinor(),
                money,
                changeOf(changes, Changes::refunded),
                locale));
        lines.add(new FigureLine(
                "refundRate",
                formats.percent(now.refundRate(), locale),
                formats.percent(before.refundRate(), locale),
                Formats.NONE));
        lines.add(line(
                "adSpend",
                now.adSpendMinor(),
                before.adSpendMinor(),
                money,
                changeOf(changes, Changes::adSpend),
                locale));
        lines.add(new FigureLine(
                "roi", formats.ratio(now.roi(), locale), formats.ratio(before.roi(), locale), Formats.NONE));
        lines.add(new FigureLine(
                "roiNetOfRefunds",
                formats.ratio(now.roiNetOfRefunds(), locale),
                formats.ratio(before.roiNetOfRefunds(), locale),
                Formats.NONE));
        return lines;
    }

    private FigureLine line(
            String name, Long now, Long before, Function<Long, String> text, BigDecimal change, Locale locale) {
        return new FigureLine(
                name,
                now == null ? Formats.NONE : text.apply(now),
                before == null ? Formats.NONE : text.apply(before),
                formats.change(change, locale));
    }

    private static BigDecimal changeOf(Changes changes, Function<Changes, BigDecimal> which) {
        return changes == null ? null : which.apply(changes);
    }

    private static void requireKind(String kind) {
        if (!KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
