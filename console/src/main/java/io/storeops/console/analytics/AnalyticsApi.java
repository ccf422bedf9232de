package io.storeops.console.analytics;

import io.storeops.console.analytics.AnalyticsModel.FiguresTable;
import io.storeops.console.analytics.AnalyticsModel.ImportJob;
import io.storeops.console.analytics.AnalyticsModel.PeriodReport;
import io.storeops.console.analytics.AnalyticsModel.Progress;
import io.storeops.console.analytics.AnalyticsModel.Target;
import io.storeops.console.analytics.AnalyticsModel.TargetList;
import io.storeops.console.desk.AnalyticsDesk;
import io.storeops.console.services.Services;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** analytics-service's promotion, target and report routes, as the signed-in person. */
@Component
class AnalyticsApi {

    private static final String SERVICE = AnalyticsDesk.SERVICE;
    private static final String ROUTES = "/api/analytics";
    private static final MediaType ANY_FILE = MediaType.ALL;

    private final Services services;

    AnalyticsApi(Services services) {
        this.services = services;
    }

    Mono<ImportJob> startImport(String storeId, FilePart file) {
        return services.upload(
                SERVICE,
                uri -> uri.path(ROUTES + "/promotion/imports")
                        .queryParam("storeId", storeId)
                        .build(),
                file,
                ImportJob.class);
    }

    Mono<List<ImportJob>> imports(String storeId) {
        return services.list(
                SERVICE,
                uri -> uri.path(ROUTES + "/promotion/imports")
                        .queryParam("storeId", storeId)
                        .queryParam("limit", 20)
                        .build(),
                ImportJob.class);
    }

    Mono<ImportJob> importJob(String importId) {
        return services.get(
                SERVICE, uri -> uri.path(ROUTES + "/promotion/imports/{id}").build(importId), ImportJob.class);
    }

    /** The rows an import refused, as CSV or XLSX, with the service's file name. */
    Mono<ResponseEntity<Flux<DataBuffer>>> refusedRows(String importId, String format) {
        return services.download(
                SERVICE,
                uri -> uri.path(ROUTES + "/promotion/imports/{id}/refused-rows")
                        .queryParam("format", format)
                        .build(importId),
                ANY_FILE);
    }

    /** The figures by a dimension; {@code query}: from, to, by, sort, order. */
    Mono<FiguresTable> figures(String storeId, MultiValueMap<String, String> query, int limit) {
        return services.get(
                SERVICE,
                uri -> uri.path(ROUTES + "/promotion/figures")
                        .queryParam("storeId", storeId)
                        .queryParams(query)
                        .queryParam("limit", limit)
                        .build(),
                FiguresTable.class);
    }

    /** The same table as a workbook or CSV. */
    Mono<ResponseEntity<Flux<DataBuffer>>> figuresSheet(
            String storeId, MultiValueMap<String, String> query, String format) {
        return services.download(
                SERVICE,
                uri -> uri.path(ROUTES + "/promotion/figures/sheet")
                        .queryParam("storeId", storeId)
                        .queryParams(query)
                        .queryParam("format", format)
                        .build(),
                ANY_FILE);
    }

    Mono<TargetList> targets(String storeId, int year) {
        return services.get(
                SERVICE,
                uri -> uri.path(ROUTES + "/targets/{store}")
                        .queryParam("year", year)
                        .build(storeId),
                TargetList.class);
    }

    /** Sets the quarter's target: amount, breakdown (EVEN, LAST_YEAR, BY_HAND), months by hand, owner. */
    Mono<Target> setTarget(String storeId, String quarter, Map<String, Object> body) {
        return services.send(
                SERVICE,
                HttpMethod.PUT,
                uri -> uri.path(ROUTES + "/targets/{store}/{quarter}").build(storeId, quarter),
                body,
                Target.class);
    }

    Mono<Progress> progress(String storeId, String quarter, String owner) {
        return services.get(
                SERVICE,
                uri -> uri.path(ROUTES + "/targets/{store}/{quarter}/progress")
                        .queryParamIfPresent("owner", Optional.ofNullable(owner))
                        .build(storeId, quarter),
                Progress.class);
    }

    /** A daily, weekly, monthly or quarterly report; the one holding today without a period. */
    Mono<PeriodReport> report(String storeId, String kind, String period) {
        return services.get(
                SERVICE,
                uri -> uri.path(ROUTES + "/reports/{kind}")
                        .queryParam("storeId", storeId)
                        .queryParamIfPresent("period", Optional.ofNullable(period))
                        .build(kind),
                PeriodReport.class);
    }

    /** A report's PDF; {@code query}: period for a period's, campaign, from and to for a campaign's. */
    Mono<ResponseEntity<Flux<DataBuffer>>> reportPdf(String storeId, String kind, MultiValueMap<String, String> query) {
        return services.download(
                SERVICE,
                uri -> uri.path(ROUTES + "/reports/{kind}/pdf")
                        .queryParam("storeId", storeId)
                        .queryParams(query)
                        .build(kind),
                MediaType.APPLICATION_PDF);
    }
}
