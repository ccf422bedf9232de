package io.storeops.platform.web;

import io.storeops.contracts.CloudEventHeaders;
import io.storeops.platform.trace.Traceparent;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Continues the caller's W3C trace (or starts one) so that events written by the request carry it. */
public class TraceparentWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent =
                Traceparent.childOf(exchange.getRequest().getHeaders().getFirst(CloudEventHeaders.TRACEPARENT));
        exchange.getResponse().getHeaders().set(CloudEventHeaders.TRACEPARENT, traceparent);
        return chain.filter(exchange).contextWrite(context -> context.put(Traceparent.CONTEXT_KEY, traceparent));
    }
}
