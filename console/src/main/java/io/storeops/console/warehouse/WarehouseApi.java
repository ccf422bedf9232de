package io.storeops.console.warehouse;

import io.storeops.console.services.Services;
import io.storeops.console.warehouse.WarehouseModel.Batch;
import io.storeops.console.warehouse.WarehouseModel.ImportReport;
import io.storeops.console.warehouse.WarehouseModel.ReturnedLine;
import io.storeops.console.warehouse.WarehouseModel.Schedule;
import io.storeops.console.warehouse.WarehouseModel.Shipment;
import io.storeops.console.warehouse.WarehouseModel.StockPage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** fulfillment-service's warehouse routes, as the signed-in person. */
@Component
class WarehouseApi {

    /** The service behind the warehouse pages, as the console's configuration names it. */
    static final String SERVICE = "fulfillment";

    private static final int PAGE = 100;

    private final Services services;

    WarehouseApi(Services services) {
        this.services = services;
    }

    Mono<Schedule> schedule(String storeId) {
        return get(
                uri -> uri.path("/api/dispatch-batches/schedule")
                        .queryParam("storeId", storeId)
                        .build(),
                Schedule.class);
    }

    Mono<List<Batch>> batches(String storeId) {
        return list(
                uri -> uri.path("/api/dispatch-batches")
                        .queryParam("storeId", storeId)
                        .queryParam("limit", 14)
                        .build(),
                Batch.class);
    }

    Mono<Batch> batch(String batchId) {
        return get(uri -> uri.path("/api/dispatch-batches/{id}").build(batchId), Batch.class);
    }

    Mono<Batch> cutOffEarly(String storeId) {
        return post(uri -> uri.path("/api/dispatch-batches").build(), Map.of("storeId", storeId), Batch.class);
    }

    Mono<Batch> markPrinted(String batchId) {
        return batchStep(batchId, "printed", Map.of());
    }

    Mono<Batch> close(String batchId, Map<String, String> explanations) {
        return batchStep(batchId, "close", Map.of("explanations", explanations));
    }

    Mono<Batch> acknowledge(String batchId) {
        return batchStep(batchId, "acknowledgement", Map.of());
    }

    private Mono<Batch> batchStep(String batchId, String step, Object body) {
        return post(uri -> uri.path("/api/dispatch-batches/{id}/" + step).build(batchId), body, Batch.class);
    }

    /** A batch's document (a PDF per kind) or all of them zipped, streamed through with its file name. */
    Mono<ResponseEntity<Flux<DataBuffer>>> documents(String batchId, String kind) {
        return services.download(
                SERVICE,
                uri -> kind == null
                        ? uri.path("/api/dispatch-batches/{id}/documents").build(batchId)
                        : uri.path("/api/dispatch-batches/{id}/documents/{kind}")
                                .build(batchId, kind),
                kind == null ? MediaType.parseMediaType("application/zip") : MediaType.APPLICATION_PDF);
    }

    Mono<Shipment> inspect(String shipmentId, boolean complete, String note) {
        return shipmentStep(shipmentId, "inspection", fields("complete", complete, "note", note));
    }

    /** A dispatch of a parcel checked before (the scan desk offers it only then). */
    Mono<Shipment> dispatch(String shipmentId, String carrier, String trackingNumber) {
        return shipmentStep(shipmentId, "dispatch", fields("carrier", carrier, "trackingNumber", trackingNumber));
    }

    Mono<List<Shipment>> exceptions(String storeId) {
        return queue("/api/shipment-exceptions", storeId);
    }

    Mono<Shipment> noteTrouble(String shipmentId, String note) {
        return shipmentStep(shipmentId, "trouble/notes", fields("note", note));
    }

    Mono<Shipment> resolveTrouble(String shipmentId, String outcome, String note) {
        return shipmentStep(shipmentId, "trouble/resolution", fields("outcome", outcome, "note", note));
    }

    Mono<List<Shipment>> awaitedReturns(String storeId) {
        return queue("/api/returns", storeId);
    }

    Mono<Shipment> receiveReturn(String shipmentId, String refundId, List<ReturnedLine> lines, String note) {
        Map<String, Object> body = fields("lines", lines, "note", note);
        return post(
                uri -> uri.path("/api/shipments/{id}/returns/{refund}/receipt").build(shipmentId, refundId),
                body,
                Shipment.class);
    }

    Mono<Shipment> shipment(String shipmentId) {
        return get(uri -> uri.path("/api/shipments/{id}").build(shipmentId), Shipment.class);
    }

    private Mono<Shipment> shipmentStep(String shipmentId, String step, Object body) {
        return post(uri -> uri.path("/api/shipments/{id}/" + step).build(shipmentId), body, Shipment.class);
    }

    Mono<StockPage> stock(String storeId, String cursor) {
        return get(
                uri -> uri.path("/api/stock")
                        .queryParam("storeId", storeId)
                        .queryParam("limit", PAGE)
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                StockPage.class);
    }

    Mono<Void> adjustStock(String storeId, String sku, int delta, String reason) {
        Map<String, Object> body = fields("delta", delta, "reason", reason);
        return post(uri -> uri.path("/api/stock/{store}/{sku}/adjustments").build(storeId, sku), body, Map.class)
                .then();
    }

    /** The staff member's file (spooled by the console as it arrived), passed on to the service. */
    Mono<ImportReport> importStock(String storeId, FilePart file) {
        return services.upload(
                SERVICE, uri -> uri.path("/api/stock/{store}/imports").build(storeId), file, ImportReport.class);
    }

    private Mono<List<Shipment>> queue(String path, String storeId) {
        return list(
                uri -> uri.path(path)
                        .queryParam("storeId", storeId)
                        .queryParam("limit", PAGE)
                        .build(),
                Shipment.class);
    }

    private <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> answer) {
        return services.get(SERVICE, uri, answer);
    }

    private <T> Mono<List<T>> list(Function<UriBuilder, URI> uri, Class<T> entry) {
        return services.list(SERVICE, uri, entry);
    }

    private <T> Mono<T> post(Function<UriBuilder, URI> uri, Object body, Class<T> answer) {
        return services.send(SERVICE, HttpMethod.POST, uri, body, answer);
    }

    /** A command's body as the page gave it: what is missing stays missing, and the service says so (in a 4xx). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
