package io.storeops.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.storeops.contracts.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A marketplace's refund API as refund-service's {@code marketplace} payout gateway calls it
 * ({@code POST /refunds}, the store's app key as bearer token, {@code Idempotency-Key}), keeping
 * its own record of every payment, outside the processes that get killed. Like the real one it
 * pays a request id once and answers a repeat with a 409 naming the earlier refund; it also
 * answers some calls {@code 503} without paying and some only after the caller gave up (paid,
 * but the answer is lost), the two failures that tempt a payer to pay twice.
 */
final class PaymentRecorder implements AutoCloseable {

    record Payment(String storeId, String externalOrderId, String requestId, long amountMinor, String refundId) {

        String orderId() {
            return storeId + ":" + externalOrderId;
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final Map<String, Payment> byRequestId = new ConcurrentHashMap<>();
    private final double busyShare;
    private final double lateShare;
    private final long lateAnswerMillis;
    private final AtomicLong busyAnswers = new AtomicLong();
    private final AtomicLong lateAnswers = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();

    /**
     * @param busyShare share of first calls answered 503 without paying
     * @param lateShare share of payments answered only after {@code lateAnswerMillis}, longer than the payer waits
     */
    PaymentRecorder(double busyShare, double lateShare, long lateAnswerMillis) throws IOException {
        this.busyShare = busyShare;
        this.lateShare = lateShare;
        this.lateAnswerMillis = lateAnswerMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(handlers);
        server.createContext("/refunds", this::refund);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Payment> payments() {
        return new ArrayList<>(byRequestId.values());
    }

    long busyAnswers() {
        return busyAnswers.get();
    }

    long lateAnswers() {
        return lateAnswers.get();
    }

    long repeats() {
        return repeats.get();
    }

    private void refund(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod())
                    || authorization == null
                    || !authorization.startsWith("Bearer ")) {
                answer(exchange, 401, "{\"error\":\"app key required\"}");
                return;
            }
            String storeId = authorization.substring("Bearer ".length());
            JsonNode request =
                    EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes());
            String requestId = request.path("refundRequestId").asString();
            if (!requestId.equals(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                answer(exchange, 400, "{\"error\":\"Idempotency-Key and refundRequestId differ\"}");
                return;
            }
            Payment earlier = byRequestId.get(requestId);
            if (earlier != null) {
                repeats.incrementAndGet();
                answer(exchange, 409, receipt(earlier));
                return;
            }
            if (ThreadLocalRandom.current().nextDouble() < busyShare) {
                busyAnswers.incrementAndGet();
                answer(exchange, 503, "{\"error\":\"busy\"}");
                return;
            }
            Payment payment = byRequestId.computeIfAbsent(
                    requestId,
                    id -> new Payment(
                            storeId,
                            request.path("orderId").asString(),
                            id,
                            request.path("amountMinor").asLong(),
                            "MP-" + byRequestId.size() + "-" + id.hashCode()));
            if (ThreadLocalRandom.current().nextDouble() < lateShare) {
                lateAnswers.incrementAndGet();
                Thread.sleep(lateAnswerMillis);
            }
            answer(exchange, 200, receipt(payment));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static String receipt(Payment payment) {
        return "{\"refundId\":\"" + payment.refundId() + "\",\"refundRequestId\":\"" + payment.requestId() + "\"}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
