package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warehouse day through the running standalone system, over HTTP only and with each role's own
 * token: a paid order's stock reserved, the clerk's batch with its documents printed and stamped,
 * the parcel checked and dispatched against a format-checked tracking number, the batch closed, a
 * carrier's push delivering the parcel (which the order desk sees), and the manager's receipt of the
 * daily report.
 */
class WarehouseDayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ORDER = "tmall-flagship:T20261129-0001";
    private static final String SHIPMENT = "shp-" + ORDER;

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    void aPaidOrderGoesThroughTheBatchTheDocumentsTheCheckAndTheCarrierToTheBuyer() throws IOException {
        String warehouse = system.token("WAREHOUSE");
        String clerk = system.token("ORDER_CLERK");
        int fulfillment = system.fulfillmentPort();
        count(fulfillment, warehouse, "tmall-flagship/TEA-LJ-250", 10);

        String paid = Storefronts.nativeOrder("T20261129-0001").replace("\"buyerNote\":\"请发顺丰\",", "");
        assertThat(status(system.send(Storefronts.nativeOrderPaid(
                        system.uri(system.orderPort(), "/"), "evt-day-1", paid, Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> system.get(fulfillment, "/api/shipments/" + SHIPMENT, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));
        assertThat(system.get(fulfillment, "/api/stock/tmall-flagship/TEA-LJ-250", warehouse)
                        .body())
                .as("the paid order's units are reserved before its shipment is written")
                .contains("\"reservedUnits\":2");

        HttpResponse<String> cutOff =
                system.postJson(fulfillment, "/api/dispatch-batches", clerk, "{\"storeId\":\"tmall-flagship\"}");
        assertThat(status(cutOff)).as(cutOff.body()).isEqualTo(201);
        String batch = json(cutOff).get("batchId").asString();
        assertThat(json(cutOff).get("shipments").get(0).get("shipmentId").asString())
                .isEqualTo(SHIPMENT);

        HttpResponse<String> report = system.get(fulfillment, "/api/dispatch-batches/" + batch + "/documents", clerk);
        assertThat(status(report)).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(status(system.postJson(fulfillment, "/api/dispatch-batches/" + batch + "/printed", clerk, "{}")))
                .isEqualTo(200);

        assertThat(status(system.postJson(
                        fulfillment, "/api/shipments/" + SHIPMENT + "/inspection", warehouse, "{\"complete\":true}")))
                .isEqualTo(200);
        HttpResponse<String> misread = system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF12345\"}");
        assertThat(status(misread)).isEqualTo(422);
        HttpResponse<String> dispatched = system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2026112900001\"}");
        assertThat(status(dispatched)).as(dispatched.body()).isEqualTo(200);
        assertThat(json(dispatched).get("batchId").asString()).isEqualTo(batch);
        HttpResponse<String> closed =
                system.postJson(fulfillment, "/api/dispatch-batches/" + batch + "/close", warehouse, "{}");
        assertThat(json(closed).get("status").asString()).isEqualTo("CLOSED");
        await().atMost(PATIENCE)
                .until(() -> system.get(fulfillment, "/api/stock/tmall-flagship/TEA-LJ-250", warehouse)
                        .body()
                        .contains("\"onHand\":8"));

        HttpResponse<String> pushed =
                system.send(Storefronts.carrierPush(system.uri(fulfillment, "/"), "sf", "trk-day-1", """
                {"trackingNumber":"SF2026112900001","status":"DELIVERED","at":"2026-11-30T06:00:00Z","detail":"已签收"}"""));
        assertThat(status(pushed)).as(pushed.body()).isEqualTo(200);
        String service = system.token("CS_AFTERSALE");
        await().atMost(PATIENCE)
                .until(() -> json(system.get(system.orderPort(), "/api/orders/" + ORDER, service))
                        .get("status")
                        .asString()
                        .equals("DELIVERED"));

        HttpResponse<String> acknowledged = system.postJson(
                fulfillment, "/api/dispatch-batches/" + batch + "/acknowledgement", system.token("MANAGER"), "{}");
        assertThat(status(acknowledged)).isEqualTo(200);
        assertThat(json(acknowledged).get("acknowledged").get("by").asString()).isEqualTo("dev-manager");
    }

    /**
     * The Shopify demo store ships partially: what is in stock leaves at once, the order shows partially
     * shipped, and the short item follows in a second parcel once restocked, after which the order is shipped.
     */
    @Test
    void aSplitOrderShipsWhatIsInStockAndTheRestInASecondParcelAfterTheRestock() throws IOException {
        String warehouse = system.token("WAREHOUSE");
        String service = system.token("CS_AFTERSALE");
        int fulfillment = system.fulfillmentPort();
        count(fulfillment, warehouse, "shopify-us/MUG-1", 5);
        count(fulfillment, warehouse, "shopify-us/POT-1", 0);
        String order = "shopify-us:5550001";
        String paid = Storefronts.shopifyOrder(5550001L)
                .replace("\"total_price\":\"44.48\"", "\"total_price\":\"69.48\"")
                .replace(
                        "\"quantity\":2,\"price\":\"19.99\"}]",
                        "\"quantity\":2,\"price\":\"19.99\"},{\"sku\":\"POT-1\",\"title\":\"Teapot\",\"quantity\":1,"
                                + "\"price\":\"25.00\"}]");
        assertThat(status(system.send(
                        Storefronts.shopifyOrderPaid(system.uri(system.orderPort(), "/"), "evt-split-1", paid))))
                .isEqualTo(200);

        String first = "shp-" + order;
        String second = "shp-2~" + order;
        await().atMost(PATIENCE)
                .until(() -> status(system.get(fulfillment, "/api/shipments/" + second, warehouse)) == 200);
        assertThat(json(system.get(fulfillment, "/api/shipments/" + first, warehouse))
                        .get("status")
                        .asString())
                .isEqualTo("READY");
        assertThat(json(system.get(fulfillment, "/api/shipments/" + second, warehouse))
                        .get("status")
                        .asString())
                .isEqualTo("AWAITING_STOCK");

        dispatch(fulfillment, warehouse, first, "SF2026112900002");
        await().atMost(PATIENCE)
                .until(() -> json(system.get(system.orderPort(), "/api/orders/" + order, service))
                        .get("status")
                        .asString()
                        .equals("PARTIALLY_SHIPPED"));

        HttpResponse<String> restocked = system.postJson(
                fulfillment,
                "/api/stock/shopify-us/POT-1/adjustments",
                warehouse,
                "{\"delta\":1,\"reason\":\"received\"}");
        assertThat(status(restocked)).as(restocked.body()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> json(system.get(fulfillment, "/api/shipments/" + second, warehouse))
                        .get("status")
                        .asString()
                        .equals("READY"));
        dispatch(fulfillment, warehouse, second, "SF2026112900003");
        await().atMost(PATIENCE)
                .until(() -> json(system.get(system.orderPort(), "/api/orders/" + order, service))
                        .get("status")
                        .asString()
                        .equals("SHIPPED"));
        assertThat(json(system.get(system.orderPort(), "/api/orders/" + order, service))
                        .get("parcels"))
                .hasSize(2);
    }

    private void count(int fulfillment, String warehouse, String storeAndSku, int onHand) {
        HttpResponse<String> counted = system.putJson(
                fulfillment,
                "/api/stock/" + storeAndSku,
                warehouse,
                "{\"onHand\":" + onHand + ",\"reason\":\"count\"}");
        assertThat(status(counted)).as(counted.body()).isEqualTo(200);
    }

    private void dispatch(int fulfillment, String warehouse, String shipmentId, String trackingNumber) {
        HttpResponse<String> dispatched = system.postJson(
                fulfillment,
                "/api/shipments/" + shipmentId + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"" + trackingNumber + "\",\"accessoriesChecked\":true}");
        assertThat(status(dispatched)).as(dispatched.body()).isEqualTo(200);
    }
}
