package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton through the running standalone system, over HTTP only: a Shopify and a
 * native paid order become orders, shipments, refund ledgers and sales figures; the one with a
 * buyer note waits for customer service review; the warehouse dispatches them and the orders are
 * shipped; after a restart everything is still there, once; a cancelled order's shipment stops;
 * each order's timeline holds every service's step once, and search and export find them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NATIVE_ORDER = "tmall-flagship:T20261128-0001";
    private static final String SHOPIFY_ORDER = "shopify-us:820982911946154500";

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    @Order(0)
    void everyMeterTheReadmeDocumentsExistsBeforeTheFirstEvent() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String metricsSection = readme.substring(
                readme.indexOf("## Metrics"), readme.indexOf("\n## ", readme.indexOf("## Metrics") + 1));
        Set<String> documented = Pattern.compile("storeops_[a-z_]+")
                .matcher(metricsSection)
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
        String exposed = system.servicePorts().stream()
                .map(port -> system.get(port, "/actuator/prometheus", null).body())
                .collect(Collectors.joining("\n"));

        assertThat(documented)
                .hasSizeGreaterThan(10)
                .allSatisfy(meter -> assertThat(exposed)
                        .as("an alert on %s finds it before anything happened", meter)
                        .containsPattern("(?m)^" + meter + "[{ ]"));
    }

    @Test
    @Order(0)
    void theSameCommandStartsTheConsoleWithEveryDevIdentityToSignInAs() {
        HttpResponse<String> signIn = system.get(system.consolePort(), "/sign-in", null);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body())
                .contains("dev-cs-aftersale — After-sale customer service", "dev-store-manager — Store manager")
                .doesNotContain(token("CS_AFTERSALE"));
        assertThat(system.get(system.consolePort(), "/", null).statusCode())
                .as("pages need a sign-in")
                .isEqualTo(302);
    }

    @Test
    @Order(1)
    void signedPaidOrdersFromBothStorefrontsBecomeOrdersOnceAndForgedOnesNothing() {
        var orders = system.uri(system.orderPort(), "/");
        HttpResponse<String> shopify = system.send(
                Storefronts.shopifyOrderPaid(orders, "shopify-evt-1", Storefronts.shopifyOrder(820982911946154500L)));
        HttpResponse<String> again = system.send(
                Storefronts.shopifyOrderPaid(orders, "shopify-evt-1", Storefronts.shopifyOrder(820982911946154500L)));
        HttpResponse<String> nativeOrder = system.send(Storefronts.nativeOrderPaid(
                orders, "evt-0001", Storefronts.nativeOrder("T20261128-0001"), Storefronts.TMALL_SECRET));
        HttpResponse<String> forged = system.send(Storefronts.nativeOrderPaid(
                orders, "evt-0002", Storefronts.nativeOrder("T20261128-0002"), "not-the-secret"));

        assertThat(json(shopify).get("status").asString()).isEqualTo("accepted");
        assertThat(json(again).get("status").asString()).isEqualTo("duplicate");
        assertThat(status(nativeOrder)).isEqualTo(200);
        assertThat(status(forged)).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));

        String clerk = token("ORDER_CLERK");
        assertThat(json(system.get(system.orderPort(), "/api/orders/" + NATIVE_ORDER, clerk))
                        .get("status")
                        .asString())
                .as("the buyer's note puts it into review")
                .isEqualTo("ON_HOLD");
        assertThat(json(system.get(system.orderPort(), "/api/orders/" + SHOPIFY_ORDER, clerk))
                        .get("total")
                        .get("amountMinor")
                        .asLong())
                .isEqualTo(4448);
        assertThat(status(system.get(system.orderPort(), "/api/orders/tmall-flagship:T20261128-0002", clerk)))
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void customerServiceReviewsTheOrderWithABuyerNoteAndReleasesIt() {
        String cs = token("CS_AFTERSALE");
        JsonNode queue = json(system.get(system.orderPort(), "/api/review-queue?storeId=tmall-flagship", cs));
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("orderId").asString()).isEqualTo(NATIVE_ORDER);
        assertThat(queue.get(0).get("holds").get(0).asString()).isEqualTo("BUYER_NOTE");

        HttpResponse<String> released = system.postJson(
                system.orderPort(),
                "/api/orders/" + NATIVE_ORDER + "/release",
                cs,
                "{\"comment\":\"Buyer confirmed SF by phone\"}");

        assertThat(status(released)).as(released.body()).isEqualTo(200);
        assertThat(json(system.get(system.orderPort(), "/api/review-queue?storeId=tmall-flagship", cs)))
                .isEmpty();
        String warehouse = token("WAREHOUSE");
        await().atMost(PATIENCE)
                .until(() -> "READY"
                        .equals(json(system.get(
                                        system.fulfillmentPort(), "/api/shipments/shp-" + NATIVE_ORDER, warehouse))
                                .get("status")
                                .asString()));
    }

    @Test
    @Order(3)
    void theWarehouseDispatchesEachShipmentAndTheOrdersAreShipped() {
        String warehouse = token("WAREHOUSE");
        for (String orderId : new String[] {NATIVE_ORDER, SHOPIFY_ORDER}) {
            String shipmentId = "shp-" + orderId;
            await().atMost(PATIENCE)
                    .until(() -> status(system.get(system.fulfillmentPort(), "/api/shipments/" + shipmentId, warehouse))
                            == 200);

            HttpResponse<String> dispatched = system.postJson(
                    system.fulfillmentPort(),
                    "/api/shipments/" + shipmentId + "/dispatch",
                    warehouse,
                    "{\"carrier\":\"SF\",\"trackingNumber\":\""
                            + String.format("SF%013d", Math.abs((long) orderId.hashCode()))
                            + "\",\"accessoriesChecked\":true}");

            assertThat(status(dispatched)).as(dispatched.body()).isEqualTo(200);
            assertThat(json(dispatched).get("dispatchedBy").asString()).isEqualTo("dev-warehouse");
            await().atMost(PATIENCE)
                    .until(() -> "SHIPPED"
                            .equals(json(system.get(system.orderPort(), "/api/orders/" + orderId, warehouse))
                                    .get("status")
                                    .asString()));
        }
    }

    @Test
    @Order(4)
    void refundLedgersKeepWhatWasPaidAndAnalyticsCountsEachOrderOnce() {
        String manager = token("MANAGER");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(json(system.get(system.refundPort(), "/api/refund-ledgers/" + NATIVE_ORDER, manager))
                            .get("refundable")
                            .get("amountMinor")
                            .asLong())
                    .isEqualTo(29500);
            assertThat(json(system.get(system.refundPort(), "/api/refund-ledgers/" + SHOPIFY_ORDER, manager))
                            .get("paid")
                            .get("amountMinor")
                            .asLong())
                    .isEqualTo(4448);
        });
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertSales(manager, "tmall-flagship", "CNY", 1, 29500);
            assertSales(manager, "shopify-us", "USD", 1, 4448);
        });
    }

    @Test
    @Order(5)
    void coreMetricsAreExported() {
        String orders =
                system.get(system.orderPort(), "/actuator/prometheus", null).body();
        String fulfillment = system.get(system.fulfillmentPort(), "/actuator/prometheus", null)
                .body();
        String refunds =
                system.get(system.refundPort(), "/actuator/prometheus", null).body();

        assertThat(orders)
                .contains("storeops_orders_paid_total{application=\"order-service\",store=\"shopify-us\"} 1.0")
                .contains("storeops_orders_paid_total{application=\"order-service\",store=\"tmall-flagship\"} 1.0")
                .contains(
                        "storeops_webhooks_received_total{application=\"order-service\",outcome=\"accepted\",source=\"shopify\",topic=\"orders/paid\"} 1.0")
                .contains(
                        "storeops_webhooks_received_total{application=\"order-service\",outcome=\"duplicate\",source=\"shopify\",topic=\"orders/paid\"} 1.0")
                .contains(
                        "storeops_webhooks_received_total{application=\"order-service\",outcome=\"rejected\",source=\"storefront\",topic=\"unverified\"} 1.0")
                .contains("storeops_outbox_pending{application=\"order-service\",service=\"order-service\"}");
        assertThat(fulfillment)
                .contains(
                        "storeops_shipments_dispatched_total{application=\"fulfillment-service\",store=\"shopify-us\"} 1.0")
                .containsPattern(
                        "storeops_events_consumed_total\\{application=\"fulfillment-service\",outcome=\"applied\",service=\"fulfillment-service\",type=\"OrderPaid\"} 2.0")
                .contains(
                        "storeops_stock_shortages_total{application=\"fulfillment-service\",store=\"tmall-flagship\"}",
                        "storeops_shipments_in_warehouse{application=\"fulfillment-service\",status=\"READY\",store=\"tmall-flagship\"}",
                        "storeops_dispatch_batch_open_age_seconds{application=\"fulfillment-service\",store=\"tmall-flagship\"}",
                        "storeops_shipment_exceptions_open{application=\"fulfillment-service\",store=\"shopify-us\"}",
                        "storeops_documents_generated_total{application=\"fulfillment-service\",kind=\"waybills\",store=\"tmall-flagship\"} 0.0");
        assertThat(refunds)
                .contains(
                        "storeops_refunds_completed_total{application=\"refund-service\",store=\"tmall-flagship\"} 0.0");
    }

    @Test
    @Order(6)
    void afterARestartEverythingIsThereAndNothingIsCountedTwice() throws Exception {
        system.stop();
        assertThat(system.exitValue()).as("a clean stop").isIn(0, 130, 143);
        system.start();

        String manager = token("MANAGER");
        assertThat(json(system.get(system.orderPort(), "/api/orders/" + NATIVE_ORDER, manager))
                        .get("status")
                        .asString())
                .isEqualTo("SHIPPED");
        HttpResponse<String> redelivered = system.send(Storefronts.nativeOrderPaid(
                system.uri(system.orderPort(), "/"),
                "evt-0001",
                Storefronts.nativeOrder("T20261128-0001"),
                Storefronts.TMALL_SECRET));
        assertThat(json(redelivered).get("status").asString()).isEqualTo("duplicate");
        assertSales(manager, "tmall-flagship", "CNY", 1, 29500);
        assertSales(manager, "shopify-us", "USD", 1, 4448);
        assertThat(system.starts()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void anOrderCancelledBeforeDispatchStopsItsShipment() {
        var orders = system.uri(system.orderPort(), "/");
        system.send(Storefronts.nativeOrderPaid(
                orders, "evt-0100", Storefronts.nativeOrder("T20261128-0100"), Storefronts.TMALL_SECRET));
        String orderId = "tmall-flagship:T20261128-0100";
        String warehouse = token("WAREHOUSE");
        await().atMost(PATIENCE)
                .until(() -> status(system.get(system.fulfillmentPort(), "/api/shipments/shp-" + orderId, warehouse))
                        == 200);

        HttpResponse<String> cancelled = system.postJson(
                system.orderPort(),
                "/api/orders/" + orderId + "/cancel",
                token("CS_AFTERSALE"),
                "{\"reason\":\"Buyer ordered twice\"}");

        assertThat(json(cancelled).get("status").asString())
                .as(cancelled.body())
                .isEqualTo("CANCELLED");
        await().atMost(PATIENCE)
                .until(() -> "CANCELLED"
                        .equals(json(system.get(system.fulfillmentPort(), "/api/shipments/shp-" + orderId, warehouse))
                                .get("status")
                                .asString()));
        HttpResponse<String> dispatch = system.postJson(
                system.fulfillmentPort(),
                "/api/shipments/shp-" + orderId + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF1000100010001\",\"accessoriesChecked\":true}");
        assertThat(status(dispatch)).isEqualTo(409);
    }

    @Test
    @Order(8)
    void eachOrdersTimelineHoldsEveryServicesStepOnceAndSearchFindsThem() {
        String cs = token("CS_AFTERSALE");
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(timeline("tmall-flagship:T20261128-0100", cs))
                        .as("the shipment may be created before or after the cancellation reaches the order; "
                                + "refund-service pays the cancelled order back")
                        .containsExactlyInAnyOrder(
                                "PLACED",
                                "PAID",
                                "HELD",
                                "SHIPMENT_CREATED",
                                "CANCELLED",
                                "SHIPMENT_CANCELLED",
                                "REFUNDED"));
        assertThat(timeline(NATIVE_ORDER, cs))
                .as("across a restart, nothing twice")
                .containsExactlyInAnyOrder("PLACED", "PAID", "HELD", "RELEASED", "SHIPMENT_CREATED", "DISPATCHED");

        JsonNode shipped =
                json(system.get(system.orderPort(), "/api/orders?storeId=tmall-flagship&status=SHIPPED", cs));
        assertThat(shipped.get("orders")).hasSize(1);
        assertThat(shipped.get("orders").get(0).get("orderId").asString()).isEqualTo(NATIVE_ORDER);
        assertThat(shipped.get("orders").get(0).get("carrier").asString()).isEqualTo("SF");
        String csv = system.get(system.orderPort(), "/api/orders/export?storeId=tmall-flagship", cs)
                .body();
        assertThat(csv.lines()).hasSize(3).element(0).asString().contains("order_id,storefront_order,status");
    }

    private static List<String> timeline(String orderId, String token) {
        List<String> kinds = new ArrayList<>();
        json(system.get(system.orderPort(), "/api/orders/" + orderId + "/timeline", token))
                .forEach(entry -> kinds.add(entry.get("what").asString()));
        return kinds;
    }

    @Test
    @Order(9)
    void aPayPerClickReportIsImportedAndTheWeeklyReportTellsTheWeekAlsoAsAPdf() throws IOException {
        String promotion = token("PROMOTION");
        HttpResponse<String> queued = system.postFile(
                system.analyticsPort(),
                "/api/analytics/promotion/imports?storeId=tmall-flagship",
                promotion,
                "ztc-keywords-2026-11.csv",
                Files.readAllBytes(Path.of("..", "docs", "samples", "ztc-keywords-2026-11.csv")));
        assertThat(status(queued)).isEqualTo(202);
        String job = "/api/analytics/promotion/imports/"
                + json(queued).get("importId").asString();
        await().atMost(PATIENCE)
                .until(() -> json(system.get(system.analyticsPort(), job, promotion))
                        .get("status")
                        .asString()
                        .equals("COMPLETED"));
        assertThat(json(system.get(system.analyticsPort(), job, promotion))
                        .get("rowsAccepted")
                        .asLong())
                .isEqualTo(24);
        JsonNode longjing = json(system.get(
                        system.analyticsPort(),
                        "/api/analytics/promotion/figures?storeId=tmall-flagship&from=2026-11-20&to=2026-11-22&by=keyword",
                        promotion))
                .get("rows")
                .get(0);
        assertThat(longjing.get("label").asString()).isEqualTo("龙井茶");
        assertThat(longjing.get("spendMinor").asLong()).isEqualTo(151_153);

        String manager = token("MANAGER");
        JsonNode week = json(system.get(
                system.analyticsPort(),
                "/api/analytics/reports/weekly?storeId=tmall-flagship&period=2026-W48",
                manager));
        assertThat(week.get("figures").get("paidOrders").asLong()).isPositive();
        assertThat(week.get("figures").get("gmvMinor").asLong()).isGreaterThanOrEqualTo(29_500);
        assertThat(week.get("previous").get("adSpendMinor").asLong())
                .as("the report's days are the week before")
                .isEqualTo(464_381);
        HttpResponse<String> pdf = system.get(
                system.analyticsPort(),
                "/api/analytics/reports/weekly/pdf?storeId=tmall-flagship&period=2026-W48",
                manager);
        assertThat(status(pdf)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    private static void assertSales(String token, String store, String currency, long orders, long gmvMinor) {
        JsonNode sales = json(system.get(
                system.analyticsPort(),
                "/api/analytics/sales?storeId=" + store + "&from=2026-11-01&to=2026-11-30",
                token));
        assertThat(sales.get("currencies")).hasSize(1);
        assertThat(sales.get("currencies").get(0).get("currency").asString()).isEqualTo(currency);
        assertThat(sales.get("currencies").get(0).get("paidOrders").asLong()).isEqualTo(orders);
        assertThat(sales.get("currencies").get(0).get("gmvMinor").asLong()).isEqualTo(gmvMinor);
    }

    private static String token(String role) {
        try {
            return system.token(role);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
