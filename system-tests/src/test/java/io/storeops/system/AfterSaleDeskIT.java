package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The after-sale desk through the running standalone system, over HTTP only and with each role's
 * own token: the buyer's refund request from the storefront approved by the supervisor and paid
 * before dispatch while the parcel still goes; then, once delivered, a cracked cup sent back,
 * received by the warehouse and paid; a tin swapped, its replacement sent as a parcel of its own;
 * and a request nobody answers, approved by the marketplace timer once the demo clock is moved on. The order shows the cases and the money, and the ledger
 * never more than was paid.
 */
class AfterSaleDeskIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NUMBER = "T20261129-0201";
    private static final String ORDER = "tmall-flagship:" + NUMBER;
    private static final String SHIPMENT = "shp-" + ORDER;

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    void aRefundFromTheStorefrontAndAReturnAreDecidedReceivedAndPaidOnce() throws IOException {
        String warehouse = system.token("WAREHOUSE");
        String service = system.token("CS_AFTERSALE");
        String supervisor = system.token("SUPERVISOR");
        int refunds = system.refundPort();
        int fulfillment = system.fulfillmentPort();
        count(fulfillment, warehouse, "tmall-flagship/TEA-LJ-250");
        count(fulfillment, warehouse, "tmall-flagship/CUP-GL-01");
        String paid = Storefronts.nativeOrder(NUMBER).replace("\"buyerNote\":\"请发顺丰\",", "");
        assertThat(status(system.send(Storefronts.nativeOrderPaid(
                        system.uri(system.orderPort(), "/"), "evt-as-1", paid, Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> system.get(fulfillment, "/api/shipments/" + SHIPMENT, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));

        // The buyer asks 20.00 back for the tea on the storefront; the supervisor approves.
        String request = """
                {"refundId":"TB-RF-0201","orderId":"%s","type":"REFUND_ONLY","reason":"发货慢","goodsReceived":false,
                 "lines":[{"lineIndex":0,"amountMinor":2000}]}""".formatted(NUMBER);
        HttpRequest asked = Storefronts.tmallDelivery(
                system.uri(refunds, "/"), "refund.requested", "evt-rf-0201", request, Storefronts.TMALL_SECRET);
        assertThat(status(system.send(asked))).isEqualTo(200);
        assertThat(status(system.send(asked))).as("the same delivery again").isEqualTo(200);
        HttpResponse<String> approved = system.postJson(
                refunds,
                "/api/refunds/tmall-flagship:TB-RF-0201/approval",
                supervisor,
                "{\"note\":\"shipping was late\"}");
        assertThat(status(approved)).as(approved.body()).isEqualTo(200);
        awaitCase(refunds, service, "tmall-flagship:TB-RF-0201", "COMPLETED");

        // The parcel still goes: a partial refund does not stop it.
        assertThat(status(system.postJson(
                        fulfillment, "/api/shipments/" + SHIPMENT + "/inspection", warehouse, "{\"complete\":true}")))
                .isEqualTo(200);
        HttpResponse<String> dispatched = system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2026112900201\"}");
        assertThat(status(dispatched)).as(dispatched.body()).isEqualTo(200);

        // The cup arrives cracked: customer service enters a return, the supervisor approves, the warehouse receives
        // it.
        enteredApprovedAndAwaited("it-cup-0201", """
                {"orderId":"%s","type":"RETURN_AND_REFUND","reason":"DAMAGED","goodsReceived":true,
                 "lines":[{"lineIndex":1,"quantity":1,"amountMinor":3900}],"evidence":["cracked"]}""");
        HttpResponse<String> received = system.postJson(
                fulfillment,
                "/api/shipments/" + SHIPMENT + "/returns/rf-it-cup-0201/receipt",
                warehouse,
                "{\"lines\":[{\"sku\":\"CUP-GL-01\",\"resellable\":0,\"damaged\":1,\"missing\":0}],\"note\":\"cracked\"}");
        assertThat(status(received)).as(received.body()).isEqualTo(200);
        awaitCase(refunds, service, "rf-it-cup-0201", "COMPLETED");

        // The buyer swaps a tin of tea (换货): it comes back, and a replacement parcel goes out without payment.
        enteredApprovedAndAwaited("it-swap-0201", """
                {"orderId":"%s","type":"EXCHANGE","reason":"QUALITY","goodsReceived":true,
                 "lines":[{"lineIndex":0,"quantity":1,"amountMinor":0}]}""");
        assertThat(status(system.postJson(
                        fulfillment,
                        "/api/shipments/" + SHIPMENT + "/returns/rf-it-swap-0201/receipt",
                        warehouse,
                        "{\"lines\":[{\"sku\":\"TEA-LJ-250\",\"resellable\":0,\"damaged\":1,\"missing\":0}]}")))
                .isEqualTo(200);
        String replacement = "shp-r~rf-it-swap-0201";
        await().atMost(PATIENCE)
                .until(() -> system.get(fulfillment, "/api/shipments/" + replacement, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));
        awaitCase(refunds, service, "rf-it-swap-0201", "REPLACING");
        HttpResponse<String> sent = system.postJson(
                fulfillment,
                "/api/shipments/" + replacement + "/dispatch",
                warehouse,
                "{\"carrier\":\"SF\",\"trackingNumber\":\"SF2026112900202\",\"accessoriesChecked\":true}");
        assertThat(status(sent)).as(sent.body()).isEqualTo(200);
        awaitCase(refunds, service, "rf-it-swap-0201", "COMPLETED");

        // Nobody answers the buyer's second request within Tmall's two days: the operator moves
        // refund-service's demo clock on, and the marketplace timer approves it, marked automatic.
        String second = """
                {"refundId":"TB-RF-0202","orderId":"%s","type":"REFUND_ONLY","reason":"包装破损","goodsReceived":true,
                 "lines":[{"lineIndex":0,"amountMinor":1500}]}""".formatted(NUMBER);
        assertThat(status(system.send(Storefronts.tmallDelivery(
                        system.uri(refunds, "/"),
                        "refund.requested",
                        "evt-rf-0202",
                        second,
                        Storefronts.TMALL_SECRET))))
                .isEqualTo(200);
        assertThat(status(system.postJson(refunds, "/api/operations/clock/advance", service, "{\"by\":\"PT49H\"}")))
                .as("only an operator moves the clock")
                .isEqualTo(403);
        HttpResponse<String> moved = system.postJson(
                refunds, "/api/operations/clock/advance", system.token("OPERATOR"), "{\"by\":\"PT49H\"}");
        assertThat(status(moved)).as(moved.body()).isEqualTo(200);
        awaitCase(refunds, service, "tmall-flagship:TB-RF-0202", "COMPLETED");
        JsonNode decided = json(system.get(refunds, "/api/refunds/tmall-flagship:TB-RF-0202", supervisor))
                .get("refundCase")
                .get("decision");
        assertThat(decided.get("by").asString()).isEqualTo("timer");
        assertThat(decided.get("automatic").asBoolean()).isTrue();

        JsonNode ledger = json(system.get(refunds, "/api/refund-ledgers/" + ORDER, supervisor));
        assertThat(ledger.get("refunded").get("amountMinor").asLong())
                .as("the exchange paid nothing back")
                .isEqualTo(7400);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode order = json(system.get(system.orderPort(), "/api/orders/" + ORDER, service));
            assertThat(order.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
            assertThat(order.get("refunded").get("amountMinor").asLong()).isEqualTo(7400);
            assertThat(order.get("afterSaleCases")
                            .valueStream()
                            .map(refund -> refund.get("state").asString()))
                    .containsExactly("COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED");
            assertThat(order.get("parcels").valueStream().map(parcel -> parcel.get("replacementFor")))
                    .extracting(marker -> marker == null || marker.isNull() ? null : marker.asString())
                    .containsExactly(null, "rf-it-swap-0201");
        });
    }

    /**
     * Customer service enters a case of the order with {@code idempotencyKey} ({@code entry} names
     * the order as %s), the supervisor approves it, and the warehouse awaits its parcel.
     */
    private void enteredApprovedAndAwaited(String idempotencyKey, String entry) throws IOException {
        int refunds = system.refundPort();
        String caseId = "rf-" + idempotencyKey;
        HttpResponse<String> entered = system.send(HttpRequest.newBuilder(system.uri(refunds, "/api/refunds"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + system.token("CS_AFTERSALE"))
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(entry.formatted(ORDER)))
                .build());
        assertThat(status(entered)).as(entered.body()).isEqualTo(201);
        assertThat(status(system.postJson(
                        refunds, "/api/refunds/" + caseId + "/approval", system.token("SUPERVISOR"), "{}")))
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> system.get(
                                system.fulfillmentPort(),
                                "/api/returns?storeId=tmall-flagship",
                                system.token("WAREHOUSE"))
                        .body()
                        .contains(caseId));
    }

    private void awaitCase(int refunds, String bearer, String caseId, String state) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(json(system.get(refunds, "/api/refunds/" + caseId, bearer))
                                .get("refundCase")
                                .get("state")
                                .asString())
                        .isEqualTo(state));
    }

    private void count(int fulfillment, String warehouse, String storeAndSku) {
        HttpResponse<String> counted = system.putJson(
                fulfillment, "/api/stock/" + storeAndSku, warehouse, "{\"onHand\":10,\"reason\":\"count\"}");
        assertThat(status(counted)).as(counted.body()).isEqualTo(200);
    }
}
