package io.storeops.console.services;

import io.storeops.console.ConsoleProperties;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
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

    /** {@code service}'s answer to a GET of {@code uri}, as the signed-in person. */
    public <T> Mono<T> get(String service, Function<UriBuilder, URI> uri, Class<T> answer) {
        return as(service).flatMap(client -> client.get().uri(uri).retrieve().bodyToMono(answer));
    }

    /** {@code service}'s list answering a GET of {@code uri}. */
    public <T> Mono<List<T>> list(String service, Function<UriBuilder, URI> uri, Class<T> entry) {
        return as(service)
                .flatMap(client ->
                        client.get().uri(uri).retrieve().bodyToFlux(entry).collectList());
    }

    /** {@code body} sent to {@code service}'s {@code uri} with {@code method} (a POST, a PUT), and its answer. */
    public <T> Mono<T> send(
            String service, HttpMethod method, Function<UriBuilder, URI> uri, Object body, Class<T> answer) {
        return as(service)
                .flatMap(client -> client.method(method)
                        .uri(uri)
                        .bodyValue(body)
                        .retrieve()
                        .bodyToMono(answer));
    }

    /** The staff member's file (spooled by the console as it arrived), passed on to {@code service} as its part {@code file}. */
    public <T> Mono<T> upload(String service, Function<UriBuilder, URI> uri, FilePart file, Class<T> answer) {
        return upload(service, uri, file, Map.of(), answer);
    }

    /** The same, with the form's other {@code fields} (those without a value are left out). */
    public <T> Mono<T> upload(
            String service, Function<UriBuilder, URI> uri, FilePart file, Map<String, String> fields, Class<T> answer) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.asyncPart("file", file.content(), DataBuffer.class)
                .filename(file.filename())
                .contentType(Optional.ofNullable(file.headers().getContentType())
                        .orElse(MediaType.APPLICATION_OCTET_STREAM));
        fields.forEach((name, value) -> {
            if (value != null) {
                parts.part(name, value, MediaType.TEXT_PLAIN);
            }
        });
        return as(service)
                .flatMap(client -> client.post()
                        .uri(uri)
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(BodyInserters.fromMultipartData(parts.build()))
                        .retrieve()
                        .bodyToMono(answer));
    }

    /** A file {@code service} answers at {@code uri} (of the type {@code accept}), streamed through to the browser. */
    public Mono<ResponseEntity<Flux<DataBuffer>>> download(
            String service, Function<UriBuilder, URI> uri, MediaType accept) {
        return as(service)
                .map(client -> client.get().uri(uri).accept(accept).retrieve())
                .flatMap(Services::passThrough);
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
