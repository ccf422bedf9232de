package io.storeops.standalone;

import io.storeops.contracts.Money;
import io.storeops.platform.webhook.WebhookSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storefront traffic for demos: signed paid-order webhooks for both demo stores, alternating, at a
 * chosen rate: several lines, some buyer notes, CNY on the native storefront ({@code order.paid})
 * and USD on Shopify ({@code orders/create} of an order paid at checkout, as most Shopify orders are).
 * It sends only to the local order-service.
 */
final class StorefrontSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StorefrontSimulator.class);

    private record Product(String sku, String title, long priceMinor) {}

    private static final List<Product> TEA_SHOP = List.of(
            new Product("TEA-LJ-250", "西湖龙井 250g", 12800), new Product("TEA-PE-357", "普洱茶饼 357g", 26800),
            new Product("CUP-GL-01", "玻璃杯", 3900), new Product("SET-GF-01", "礼盒套装", 49900));
    private static final List<Product> US_SHOP = List.of(
            new Product("MUG-1", "Stoneware mug", 1999),
            new Product("TEA-SAMPLER", "Tea sampler", 2450),
            new Product("KETTLE-GS", "Gooseneck kettle", 6900));
    private static final List<String> NOTES =
            List.of("请发顺丰", "周末不在家，请放快递柜", "送人的，不要放发票", "Please leave at the back door", "Gift wrap please");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "storefront-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong sent = new AtomicLong();
    private final String orderServiceUrl;

    StorefrontSimulator(String orderServiceUrl) {
        this.orderServiceUrl = orderServiceUrl;
    }

    void start(double ordersPerSecond) {
        long periodMicros = Math.max(1_000, (long) (1_000_000 / ordersPerSecond));
        timer.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void sendOne() {
        try {
            long n = sent.incrementAndGet();
            HttpRequest request = n % 2 == 0 ? shopifyOrder(n) : storefrontOrder(n);
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                log.warn("Simulated order {} was answered {}: {}", n, response.statusCode(), response.body());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failure) {
            log.warn("Simulated order could not be sent: {}", failure.toString());
        }
    }

    /** A random basket: its lines as JSON, each written by {@code line}, and its value in minor units. */
    private record Basket(String linesJson, long totalMinor) {

        static Basket of(List<Product> catalog, int maxQuantity, LineFormat line) {
            StringBuilder lines = new StringBuilder();
            long total = 0;
            for (Product product : pick(catalog)) {
                int quantity = 1 + ThreadLocalRandom.current().nextInt(maxQuantity);
                total += product.priceMinor() * quantity;
                lines.append(lines.isEmpty() ? "" : ",").append(line.format(product, quantity));
            }
            return new Basket(lines.toString(), total);
        }
    }

    private interface LineFormat {
        String format(Product product, int quantity);
    }

    private HttpRequest storefrontOrder(long n) {
        Basket basket = Basket.of(TEA_SHOP, 3, (product, quantity) ->
                """
                {"sku":"%s","title":"%s","quantity":%d,"unitPriceMinor":%d}""".formatted(product.sku(), product.title(), quantity, product.priceMinor()));
        String body =
                """
                {"orderId":"SIM-%d-%s","currency":"CNY","paidAt":"%s","shippingFeeMinor":0,"totalMinor":%d,"lines":[%s],%s
                 "requestedCarrier":"SF","shippingAddress":{"name":"王芳","phone":"13800138000","country":"CN","province":"浙江省",
                 "city":"杭州市","district":"西湖区","line1":"文三路 90 号","postalCode":"310012"}}
                """.formatted(n, shortId(), Instant.now(), basket.totalMinor(), basket.linesJson(), note("buyerNote"));
        return tmallOrderPaid(orderServiceUrl, body);
    }

    /** A native {@code order.paid} for the demo Tmall store, signed as its storefront signs it, under a new event id. */
    static HttpRequest tmallOrderPaid(String orderServiceUrl, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        return HttpRequest.newBuilder(URI.create(orderServiceUrl + "/webhooks/storefront/" + DemoStores.TMALL))
                .header("Content-Type", "application/json")
                .header("X-StoreOps-Topic", "order.paid")
                .header("X-StoreOps-Event-Id", eventId)
                .header(
                        "X-StoreOps-Signature",
                        WebhookSignatures.signNative(
                                bytes,
                                "order.paid",
                                eventId,
                                DemoStores.TMALL_SECRET,
                                Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private HttpRequest shopifyOrder(long n) {
        Basket basket = Basket.of(US_SHOP, 2, (product, quantity) -> """
                {"sku":"%s","title":"%s","quantity":%d,"price":"%s"}""".formatted(
                        product.sku(), product.title(), quantity, new Money(product.priceMinor(), "USD").toDecimal()));
        long shippingMinor = 500;
        long id = 9_000_000_000L + n;
        String body = """
                {"id":%d,"name":"#SIM%d","currency":"USD","financial_status":"paid","total_price":"%s","processed_at":"%s",%s
                 "line_items":[%s],"shipping_lines":[{"title":"Standard","code":"STD","price":"%s"}],
                 "shipping_address":{"name":"Ann Lee","phone":"+1 212 555 0100","address1":"1 Main St","city":"New York",
                 "province":"NY","zip":"10001","country_code":"US"}}
                """.formatted(
                        id,
                        n,
                        new Money(basket.totalMinor() + shippingMinor, "USD").toDecimal(),
                        Instant.now(),
                        note("note"),
                        basket.linesJson(),
                        new Money(shippingMinor, "USD").toDecimal());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(orderServiceUrl + "/webhooks/shopify"))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Shop-Domain", DemoStores.SHOPIFY_DOMAIN)
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .header("X-Shopify-Hmac-Sha256", WebhookSignatures.signShopify(bytes, DemoStores.SHOPIFY_SECRET))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
    }

    private static List<Product> pick(List<Product> catalog) {
        List<Product> shuffled = new ArrayList<>(catalog);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return shuffled.subList(0, 1 + ThreadLocalRandom.current().nextInt(shuffled.size()));
    }

    private static String note(String field) {
        return ThreadLocalRandom.current().nextInt(10) < 3
                ? "\"" + field + "\":\"" + NOTES.get(ThreadLocalRandom.current().nextInt(NOTES.size())) + "\","
                : "";
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
