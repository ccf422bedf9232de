package io.storeops.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * How the fault test reaches a service's instances, as a load balancer in front of them would:
 * requests go round-robin over the instances; one that is refused, times out or answers
 * 502/503/504 is sent again, rebuilt (a fresh signature), to the next instance after a short
 * pause, until {@code patience} is spent. Storefronts retry webhooks the same way, so a request
 * whose answer was lost may arrive twice; every receiver must take that.
 */
final class Route {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    /** How long a storefront waits for a webhook's answer before it counts the delivery as failed (Shopify's 5 s). */
    static final Duration STOREFRONT_PATIENCE = Duration.ofSeconds(5);

    private static final long MAX_PAUSE_MILLIS = 1000;

    private final List<URI> instances;
    private final HttpClient http;
    private final Duration patience;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService twins = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "twin-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong slowAnswers = new AtomicLong();

    Route(List<URI> instances, HttpClient http, Duration patience) {
        this.instances = List.copyOf(instances);
        this.http = http;
        this.patience = patience;
    }

    /**
     * The first answer other than 502/503/504 to {@code request} (built for an instance's base URI);
     * when the patience is spent, the last 502/503/504 (a service unavailable that long is a failure),
     * or {@code null} when no answer came at all: whether it took effect is unknown.
     */
    HttpResponse<String> send(Function<URI, HttpRequest> request) throws InterruptedException {
        return send(request, next.getAndIncrement());
    }

    /**
     * {@code request} to every instance at the same moment, each retried as {@link #send} retries,
     * beginning with its own instance: a delivery a storefront's senders made twice at once, which
     * two instances take side by side. The answers, in the instances' order.
     */
    List<HttpResponse<String>> sendToEach(Function<URI, HttpRequest> request) throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int instance = 0; instance < instances.size(); instance++) {
            int first = instance;
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return send(request, first);
                        } catch (InterruptedException stopping) {
                            Thread.currentThread().interrupt();
                            throw new CompletionException(stopping);
                        }
                    },
                    twins));
        }
        List<HttpResponse<String>> answered = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            try {
                answered.add(answer.get());
            } catch (ExecutionException failed) {
                throw new IllegalStateException("a twin delivery failed in the generator", failed.getCause());
            }
        }
        return answered;
    }

    private HttpResponse<String> send(Function<URI, HttpRequest> request, int first) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 50;
        HttpResponse<String> unavailable = null;
        // each attempt goes to the instance after the last one tried, whatever other senders take meanwhile
        for (int attempt = 0; ; attempt++) {
            URI instance = instances.get(Math.floorMod(first + attempt, instances.size()));
            try {
                long sent = System.nanoTime();
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(request.apply(instance), (name, value) -> true)
                                .timeout(ANSWER_TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status != 502 && status != 503 && status != 504) {
                    if (System.nanoTime() - sent > STOREFRONT_PATIENCE.toNanos()) {
                        slowAnswers.incrementAndGet();
                    }
                    return answer;
                }
                unavailable = answer;
            } catch (IOException refusedOrTimedOut) {
                // the next instance gets it
            }
            if (System.nanoTime() > deadline) {
                return unavailable;
            }
            retries.incrementAndGet();
            Thread.sleep(pause);
            pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
        }
    }

    long retries() {
        return retries.get();
    }

    /**
     * Answers (not 502/503/504, which are tried again) that came later than a storefront waits
     * ({@link #STOREFRONT_PATIENCE}): taken as given here, which lets the audit hold StoreOps to
     * them, but a storefront would have sent those deliveries again.
     */
    long slowAnswers() {
        return slowAnswers.get();
    }
}
