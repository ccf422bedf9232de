package io.storeops.console.orders;

import io.storeops.console.orders.OrderDeskModel.Address;
import io.storeops.console.orders.OrderDeskModel.HeldOrder;
import io.storeops.console.orders.OrderDeskModel.OrderDetail;
import io.storeops.console.orders.OrderDeskModel.OrderPage;
import io.storeops.console.orders.OrderDeskModel.QueuePage;
import io.storeops.console.orders.OrderDeskModel.StockOutNotice;
import io.storeops.console.services.Services;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** order-service's order desk routes, as the signed-in person. */
@Component
class OrderDeskApi {

    private static final String SERVICE = "order";
    private static final int QUEUE_PAGE = 50;

    private final Services services;

    OrderDeskApi(Services services) {
        this.services = services;
    }

    Mono<QueuePage<HeldOrder>> reviewQueue(String storeId, String cursor) {
        return queue("/api/review-queue", storeId, cursor, HeldOrder.class);
    }

    Mono<QueuePage<StockOutNotice>> stockOutQueue(String storeId, String cursor) {
        return queue("/api/stock-out-queue", storeId, cursor, StockOutNotice.class);
    }

    /** One page of a queue, and the cursor of the next from the answer's {@code Link: <…>; rel="next"}. */
    private <T> Mono<QueuePage<T>> queue(String path, String storeId, String cursor, Class<T> entry) {
        return services.as(SERVICE)
                .flatMap(client -> client.get()
                        .uri(uri -> uri.path(path)
                                .queryParam("storeId", storeId)
                                .queryParam("limit", QUEUE_PAGE)
                                .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                                .build())
                        .retrieve()
                        .toEntityList(entry)
                        .map(page -> new QueuePage<>(
                                page.getBody(), nextCursor(page.getHeaders().getFirst(HttpHeaders.LINK)))));
    }

    private static String nextCursor(String link) {
        if (link == null || !link.contains("rel=\"next\"")) {
            return null;
        }
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        return UriComponentsBuilder.fromUriString(next).build().getQueryParams().getFirst("cursor");
    }

    Mono<OrderDetail> order(String orderId) {
        return get(uri -> uri.path("/api/orders/{id}").build(orderId), OrderDetail.class);
    }

    Mono<OrderDetail> release(String orderId, String comment) {
        return post(orderId, "release", body("comment", comment));
    }

    Mono<OrderDetail> hold(String orderId, String comment) {
        return post(orderId, "hold", body("comment", comment));
    }

    Mono<OrderDetail> cancel(String orderId, String reason) {
        return post(orderId, "cancel", body("reason", reason));
    }

    Mono<OrderDetail> recordBuyerContact(String orderId, String channel, String outcome, String note) {
        return post(orderId, "buyer-contacts", body("channel", channel, "outcome", outcome, "note", note));
    }

    /** A command's body as the form gave it: what is missing stays missing, and the service says so (in a 4xx). */
    private static Map<String, String> body(String... namesAndValues) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    Mono<OrderDetail> correctAddress(String orderId, Address corrected) {
        return put(orderId, "address", corrected);
    }

    Mono<OrderDetail> writeSellerMemo(String orderId, String carrier, String note) {
        return put(orderId, "seller-memo", body("carrier", carrier, "note", note));
    }

    private Mono<OrderDetail> put(String orderId, String part, Object body) {
        return services.as(SERVICE)
                .flatMap(client -> client.put()
                        .uri("/api/orders/{id}/" + part, orderId)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(OrderDetail.class));
    }

    /** One page of a search; {@code filters} are the search route's own query parameters. */
    Mono<OrderPage> search(MultiValueMap<String, String> filters) {
        return get(uri -> uri.path("/api/orders").queryParams(filters).build(), OrderPage.class);
    }

    /** The search as the service's CSV file, streamed through with its file name. */
    Mono<ResponseEntity<Flux<DataBuffer>>> export(MultiValueMap<String, String> filters) {
        return services.as(SERVICE)
                .map(client -> client.get()
                        .uri(uri -> uri.path("/api/orders/export")
                                .queryParams(filters)
                                .build())
                        .accept(MediaType.parseMediaType("text/csv"))
                        .retrieve())
                .flatMap(Services::passThrough);
    }

    private <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> answer) {
        return services.as(SERVICE)
                .flatMap(client -> client.get().uri(uri).retrieve().bodyToMono(answer));
    }

    private Mono<OrderDetail> post(String orderId, String command, Map<String, String> body) {
        return services.as(SERVICE)
                .flatMap(client -> client.post()
                        .uri("/api/orders/{id}/" + command, orderId)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(OrderDetail.class));
    }
}
