package io.storeops.console.services;

import io.storeops.console.ConsoleProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The services' public APIs, each called with the signed-in person's access token (which never
 * leaves the server). A refusal becomes a {@link ServiceProblem}; the services stay the authority
 * on who may do what.
 */
@Component
public class Services {

    private final ConsoleProperties console;
    private final WebClient.Builder clients;
    private final AccessTokens tokens;

    Services(ConsoleProperties console, WebClient.Builder clients, AccessTokens tokens) {
        this.console = console;
        this.clients = clients;
        this.tokens = tokens;
    }

    /** A client for {@code service} (order, fulfillment, refund, analytics) acting as the signed-in person. */
    public Mono<WebClient> as(String service) {
        URI base = console.services().get(service);
        if (base == null) {
            return Mono.error(new IllegalStateException("storeops.console.services." + service + " is not configured"));
        }
        return tokens.current()
                .map(token -> clients.clone()
                        .baseUrl(base.toString())
                        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE, "application/problem+json")
                        .defaultStatusHandler(status -> status.isError(), Services::problem)
                        .build());
    }

    /** A file a service answers, streamed through to the browser with its type and file name. */
    public static Mono<ResponseEntity<Flux<DataBuffer>>> passThrough(WebClient.ResponseSpec answer) {
        return answer.toEntityFlux(DataBuffer.class)
                .map(file -> ResponseEntity.ok()
                        .contentType(file.getHeaders().getContentType())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                        .body(file.getBody()));
    }

    @SuppressWarnings("unchecked")
    private static Mono<? extends Throwable> problem(ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(Map.class)
                .map(body -> {
                    Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) body);
                    Object type = properties.remove("type");
                    Object detail = properties.remove("detail");
                    properties.keySet().removeAll(List.of("title", "status", "instance"));
                    return new ServiceProblem(
                            status,
                            type == null ? null : type.toString(),
                            detail == null ? "" : detail.toString(),
                            properties);
                })
                .onErrorResume(notAProblem -> Mono.empty())
                .defaultIfEmpty(
                        new ServiceProblem(status, null, response.statusCode().toString(), Map.of()));
    }
}
