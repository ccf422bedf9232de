package io.storeops.order.lifecycle.web;

import io.storeops.order.lifecycle.Order;
import io.storeops.platform.paging.PageCursor;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists of orders a page at a time: a {@code cursor} parameter says where the previous page ended,
 * and a queue's answer links to its next page ({@code Link: <…&cursor=…>; rel="next"}, RFC 8288)
 * while its body stays the plain list it always was.
 */
public final class OrderPages {

    private OrderPages() {}

    /**
     * One page of a queue from {@code orders} (fetched with one more than {@code limit}, so that a
     * next page is known to exist), each shown as {@code view}, with the link to the next page.
     */
    public static <T> Mono<ResponseEntity<List<T>>> queuePage(
            Flux<Order> orders,
            int limit,
            Function<Order, Instant> sortedBy,
            Function<Order, T> view,
            ServerHttpRequest request) {
        return orders.collectList().map(found -> {
            List<Order> page = found.size() > limit ? found.subList(0, limit) : found;
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
            if (found.size() > limit) {
                Order last = page.get(limit - 1);
                String next = UriComponentsBuilder.fromPath(request.getPath().value())
                        .query(request.getURI().getRawQuery())
                        .replaceQueryParam("cursor", new PageCursor(sortedBy.apply(last), last.orderId()).encode())
                        .build()
                        .toUriString();
                answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            }
            return answer.body(page.stream().map(view).toList());
        });
    }
}
