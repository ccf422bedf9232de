package io.storeops.console.analytics;

import io.storeops.console.Formats;
import io.storeops.console.analytics.AnalyticsModel.Figures;
import io.storeops.console.analytics.AnalyticsModel.FiguresTable;
import io.storeops.console.analytics.Charts.Series;
import io.storeops.console.desk.Desk.DeskStore;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The promotion figures by one dimension over a date range: a table sorted by any figure (a click
 * on a column's header asks again sorted by it, a second click turns the order round), the
 * report's ROI and StoreOps' ROI and ROI net of refunds side by side, a chart of both ROIs per row,
 * and the table to download.
 */
@Controller
class FiguresPages {

    static final List<String> DIMENSIONS = List.of("campaign", "keyword", "item", "region", "hour", "account");

    private static final int ROWS = 50;
    private static final int CHARTED = 15;
    private static final int DAYS_BY_DEFAULT = 7;

    /** How a column's figure reads. */
    enum Kind {
        COUNT,
        MONEY,
        PERCENT,
        RATIO
    }

    /** A column of the table: the figure it sorts by (the service's name), how it reads and where it is in a row. */
    record Column(String sort, Kind kind, Function<Figures, Object> value) {}

    /** Money and the ROIs first (the report's and StoreOps' side by side), then the traffic and the rates. */
    static final List<Column> COLUMNS = List.of(
            new Column("spend", Kind.MONEY, Figures::spendMinor),
            new Column("reportedGmv", Kind.MONEY, Figures::reportedGmvMinor),
            new Column("gmv", Kind.MONEY, Figures::gmvMinor),
            new Column("refunded", Kind.MONEY, Figures::refundedMinor),
            new Column("reportedRoi", Kind.RATIO, Figures::reportedRoi),
            new Column("roi", Kind.RATIO, Figures::roi),
            new Column("roiNetOfRefunds", Kind.RATIO, Figures::roiNetOfRefunds),
            new Column("impressions", Kind.COUNT, Figures::impressions),
            new Column("clicks", Kind.COUNT, Figures::clicks),
            new Column("ctr", Kind.PERCENT, Figures::ctr),
            new Column("cpc", Kind.MONEY, Figures::cpcMinor),
            new Column("reportedOrders", Kind.COUNT, Figures::reportedOrders),
            new Column("orders", Kind.COUNT, Figures::orders),
            new Column("conversion", Kind.PERCENT, Figures::conversion));

    /** A column's header: its figure, the link that sorts by it, and how the table is sorted by it now (aria-sort). */
    record Header(String sort, String url, String ariaSort) {}

    /** A row as shown: what it is about and its figures, in the columns' order. */
    record Line(String key, String label, String detail, List<String> cells) {}

    /** The filters as asked (or by default): the date range, the dimension and the sorting. */
    record Query(String from, String to, String by, String sort, String order) {

        MultiValueMap<String, String> asParameters() {
            MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
            parameters.add("from", from);
            parameters.add("to", to);
            parameters.add("by", by);
            parameters.add("sort", sort);
            parameters.add("order", order);
            return parameters;
        }

        /** The same filters on {@code path} of {@code storeId}, sorted by {@code sortBy} in {@code direction}. */
        String url(String path, String storeId, String sortBy, String direction) {
            return UriComponentsBuilder.fromPath(path)
                    .queryParam("store", storeId)
                    .queryParams(new Query(from, to, by, sortBy, direction).asParameters())
                    .encode()
                    .build()
                    .toUriString();
        }
    }

    private final AnalyticsApi api;
    private final PromotionFrame frame;
    private final Formats formats;

    FiguresPages(AnalyticsApi api, PromotionFrame frame, Formats formats) {
        this.api = api;
        this.frame = frame;
        this.formats = formats;
    }

    @GetMapping("/promotion/figures")
    Mono<String> figures(
            @RequestParam(required = false) String store,
            @ModelAttribute("typed") Query typed,
            Model model,
            Locale locale,
            ServerWebExchange exchange) {
        return frame.of("promotionFigures", store, model, exchange)
                .flatMap(shown -> {
                    Query query = completed(typed, shown);
                    model.addAttribute("query", query);
                    model.addAttribute("dimensions", DIMENSIONS);
                    return api.figures(shown.storeId(), query.asParameters(), ROWS)
                            .doOnNext(table -> show(table, query, shown, model, locale));
                })
                .thenReturn("promotion-figures");
    }

    @GetMapping("/promotion/figures/sheet")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> sheet(
            @RequestParam String store,
            @ModelAttribute("typed") Query typed,
            @RequestParam(defaultValue = "xlsx") String format) {
        Query query = completed(typed, null);
        return api.figuresSheet(store, query.asParameters(), "csv".equals(format) ? "csv" : "xlsx");
    }

    /** The filters asked for, the store's last week by campaign, sorted by spend, where none was. */
    static Query completed(Query typed, DeskStore store) {
        LocalDate today = PromotionFrame.today(store);
        String by = given(typed.by(), "campaign");
        String sort = given(typed.sort(), "spend");
        String order = given(typed.order(), "desc");
        if (!DIMENSIONS.contains(by)
                || COLUMNS.stream().noneMatch(column -> column.sort().equals(sort))
                || !List.of("asc", "desc").contains(order)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return new Query(
                given(typed.from(), today.minusDays(DAYS_BY_DEFAULT - 1).toString()),
                given(typed.to(), today.toString()),
                by,
                sort,
                order);
    }

    private void show(FiguresTable table, Query query, DeskStore store, Model model, Locale locale) {
        String currency = table.currency() == null ? store.currency() : table.currency();
        model.addAttribute("table", table);
        model.addAttribute(
                "headers",
                COLUMNS.stream()
                        .map(column -> header(column, query, store.storeId()))
                        .toList());
        model.addAttribute(
                "lines",
                table.rows().stream().map(row -> line(row, currency, locale)).toList());
        if (table.total() != null) {
            model.addAttribute("totalLine", line(table.total(), currency, locale));
        }
        model.addAttribute(
                "chart",
                Charts.bars(
                        table.rows().subList(0, Math.min(CHARTED, table.rows().size())),
                        Figures::label,
                        new Series<Figures>("roi", Figures::roi, roi -> formats.ratio(roi, locale)),
                        new Series<Figures>("roi-net", Figures::roiNetOfRefunds, roi -> formats.ratio(roi, locale))));
        model.addAttribute(
                "xlsxUrl",
                query.url("/promotion/figures/sheet", store.storeId(), query.sort(), query.order()) + "&format=xlsx");
        model.addAttribute(
                "csvUrl",
                query.url("/promotion/figures/sheet", store.storeId(), query.sort(), query.order()) + "&format=csv");
    }

    private static Header header(Column column, Query query, String storeId) {
        boolean sorted = column.sort().equals(query.sort());
        String next = sorted && query.order().equals("desc") ? "asc" : "desc";
        return new Header(
                column.sort(),
                query.url("/promotion/figures", storeId, column.sort(), next),
                sorted ? (query.order().equals("desc") ? "descending" : "ascending") : null);
    }

    private Line line(Figures row, String currency, Locale locale) {
        List<String> cells = COLUMNS.stream()
                .map(column -> cell(column.kind(), column.value().apply(row), currency, locale))
                .toList();
        return new Line(row.key(), row.label(), row.detail(), cells);
    }

    private String cell(Kind kind, Object value, String currency, Locale locale) {
        return switch (kind) {
            case COUNT -> formats.count(((Number) value).longValue(), locale);
            case MONEY -> formats.money(value == null ? null : ((Number) value).longValue(), currency, locale);
            case PERCENT -> formats.percent((BigDecimal) value, locale);
            case RATIO -> formats.ratio((BigDecimal) value, locale);
        };
    }

    private static String given(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
