package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CasePage;
import io.storeops.console.aftersale.AfterSaleModel.CaseSummary;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.aftersale.AfterSaleModel.Ledger;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.Terms;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.services.ServiceProblem;
import io.storeops.console.services.Services;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** refund-service's after-sale routes (and the order's lines from order-service), as the signed-in person. */
@Component
class AfterSaleApi {

    private static final String SERVICE = AfterSaleDesk.SERVICE;
    private static final int PAGE = 50;
    private static final int DUE_SOON_LIMIT = 100;

    private final Services services;

    AfterSaleApi(Services services) {
        this.services = services;
    }

    /** One page of a store's cases in {@code states} (the desk's queues), and where the next page starts. */
    Mono<CasePage> cases(String storeId, List<String> states, String cursor) {
        return get(
                uri -> uri.path("/api/refunds")
                        .queryParam("storeId", storeId)
                        .queryParam("state", states.toArray())
                        .queryParam("limit", PAGE)
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                CasePage.class);
    }

    /** The store's cases whose marketplace timer runs out within {@code within}, the soonest first. */
    Mono<List<CaseSummary>> dueSoon(String storeId, String within) {
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri(uri -> uri.path("/api/refund-queues/due-soon")
                                .queryParam("storeId", storeId)
                                .queryParam("within", within)
                                .queryParam("limit", DUE_SOON_LIMIT)
                                .build())
                        .retrieve()
                        .bodyToFlux(CaseSummary.class)
                        .collectList());
    }

    Mono<CaseView> refundCase(String caseId) {
        return get(uri -> uri.path("/api/refunds/{id}").build(caseId), CaseView.class);
    }

    /**
     * The store's after-sale terms (reason codes, approval at once, how refunds are paid); empty when
     * they cannot be had (the form then takes any reason, and the service checks it).
     */
    Mono<Terms> terms(String storeId) {
        return optional(get(uri -> uri.path("/api/after-sale-desk/terms/{id}").build(storeId), Terms.class));
    }

    /**
     * What the order paid and may still refund, in all and per line; empty when refund-service has
     * no file of it (not paid yet).
     */
    Mono<Ledger> ledger(String orderId) {
        return optional(get(uri -> uri.path("/api/refund-ledgers/{id}").build(orderId), Ledger.class));
    }

    /**
     * The order with its lines' titles, from order-service; empty when it cannot be had (the case
     * page then names lines by their number). A token no longer accepted still signs the person in again.
     */
    Mono<Order> order(String orderId) {
        return optional(services.as("order")
                .flatMap(client ->
                        client.get().uri("/api/orders/{id}", orderId).retrieve().bodyToMono(Order.class)));
    }

    /** A case entered for the buyer, with the form's key: the same key again opens no second case. */
    Mono<CaseView> enter(String idempotencyKey, Map<String, Object> entry) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/refunds")
                        .header("Idempotency-Key", idempotencyKey)
                        .bodyValue(entry)
                        .retrieve()
                        .bodyToMono(CaseView.class));
    }

    Mono<CaseView> approve(String caseId, String note) {
        return step(caseId, "approval", fields("note", note));
    }

    Mono<CaseView> reject(String caseId, String note) {
        return step(caseId, "rejection", fields("note", note));
    }

    Mono<CaseView> close(String caseId, String note) {
        return step(caseId, "closure", fields("note", note));
    }

    Mono<CaseView> retryPayout(String caseId, String note) {
        return step(caseId, "payout-retry", fields("note", note));
    }

    /** The supervisor settles a return as it stands: what is paid back per line and for shipping, and why. */
    Mono<CaseView> settle(String caseId, List<CaseLine> lines, long shippingMinor, String note) {
        return step(caseId, "settlement", fields("lines", lines, "shippingMinor", shippingMinor, "note", note));
    }

    Mono<CaseView> recordContact(String caseId, String channel, String offered, String buyerAnswer) {
        return step(caseId, "contacts", fields("channel", channel, "offered", offered, "buyerAnswer", buyerAnswer));
    }

    Mono<CaseView> revise(String caseId, String reason, List<CaseLine> lines, long shippingMinor) {
        return step(caseId, "revision", fields("reason", reason, "lines", lines, "shippingMinor", shippingMinor));
    }

    Mono<CaseView> withdraw(String caseId) {
        return step(caseId, "withdrawal", Map.of());
    }

    Mono<CaseView> returnParcel(String caseId, String trackingNumber) {
        return step(caseId, "return-parcel", fields("trackingNumber", trackingNumber));
    }

    Mono<CaseView> confirmPayment(String caseId, String reference) {
        return step(caseId, "payment", fields("reference", reference));
    }

    /** The refund sheet (XLSX or CSV), streamed through with its file name. */
    Mono<ResponseEntity<Flux<DataBuffer>>> sheet(MultiValueMap<String, String> query, String format) {
        MediaType file = "csv".equals(format)
                ? MediaType.parseMediaType("text/csv")
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return services.as(SERVICE)
                .map(client -> client.get()
                        .uri(uri -> uri.path("/api/refund-sheets")
                                .queryParams(query)
                                .build())
                        .accept(file, MediaType.APPLICATION_PROBLEM_JSON)
                        .retrieve())
                .flatMap(Services::passThrough);
    }

    private Mono<CaseView> step(String caseId, String step, Object body) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/refunds/{id}/" + step, caseId)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(CaseView.class));
    }

    private <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> answer) {
        return services.as(SERVICE)
                .flatMap(client -> client.get().uri(uri).retrieve().bodyToMono(answer));
    }

    /** What a page shows if it can: nothing when the service refuses or cannot be reached, except a refused token. */
    private static <T> Mono<T> optional(Mono<T> answer) {
        return answer.onErrorResume(
                failure -> failure instanceof WebClientRequestException
                        || (failure instanceof ServiceProblem problem
                                && problem.status() != HttpStatus.UNAUTHORIZED.value()),
                failure -> Mono.empty());
    }

    /** A command's body as the form gave it: what is missing stays missing, and the service says so (in a 4xx). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
