package io.storeops.platform.web;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.platform.trace.Spans;
import io.storeops.platform.trace.Traceparent;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Continues the caller's W3C trace (or starts one) so that events written by the request carry it,
 * and tells the caller the request's traceparent.
 */
public class TraceparentWebFilter implements WebFilter {

    private final Spans spans;

    public TraceparentWebFilter(Spans spans) {
        this.spans = spans;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(request -> {
            String traceparent = spans.ofRequest(
                    request, exchange.getRequest().getHeaders().getFirst(CloudEventHeaders.TRACEPARENT));
            exchange.getResponse().getHeaders().set(CloudEventHeaders.TRACEPARENT, traceparent);
            return chain.filter(exchange).contextWrite(context -> context.put(Traceparent.CONTEXT_KEY, traceparent));
        });
    }
}
