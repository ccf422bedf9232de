package io.storeops.platform.partner;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A partner on a real port for the plumbing's tests: it answers every request with the answer
 * set last (status, headers, body, after a delay) and keeps what it was asked.
 */
final class StubPartner implements AutoCloseable {

    /** What the partner was asked: the path (with its query), the headers and the body. */
    record Request(String path, Map<String, String> headers, String body) {}

    private record Reply(int status, Map<String, String> headers, String body, Duration delay) {}

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Reply reply = new Reply(200, Map.of(), "{}", Duration.ZERO);
    private final DisposableServer server;

    StubPartner() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                            request.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
                            requests.add(new Request(request.uri(), headers, body));
                            Reply answer = reply;
                            response.status(HttpResponseStatus.valueOf(answer.status()));
                            answer.headers().forEach(response::header);
                            return Mono.delay(answer.delay())
                                    .then(response.header("Content-Type", "application/json")
                                            .sendString(Mono.just(answer.body()))
                                            .then());
                        }))
                .bindNow();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    void answer(int status, String body) {
        answer(status, Map.of(), body, Duration.ZERO);
    }

    void answer(int status, Map<String, String> headers, String body, Duration delay) {
        reply = new Reply(status, headers, body, delay);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
