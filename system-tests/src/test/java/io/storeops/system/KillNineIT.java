package io.storeops.system;

import static io.storeops.system.StandaloneSystem.json;
import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Every webhook the standalone answered 200 survives {@code kill -9} right after the last answer
 * and flows on exactly once: each order is stored, shipped, in the refund ledger and counted once.
 */
class KillNineIT {

    private static final int ORDERS = 300;
    private static final int AT_ONCE = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    void everyAcknowledgedOrderSurvivesKillNineAndFlowsOnExactlyOnce() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        var orders = system.uri(system.orderPort(), "/");
        List<Integer> answers;
        ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Integer>> sent = senders.invokeAll(IntStream.range(0, ORDERS)
                    .<Callable<Integer>>mapToObj(n -> () -> status(system.send(Storefronts.nativeOrderPaid(
                            orders, "kill-" + run + "-" + n, paidOrder(number(run, n)), Storefronts.TMALL_SECRET))))
                    .toList());
            answers = new ArrayList<>();
            for (Future<Integer> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            senders.shutdownNow();
        }
        system.kill();
        assertThat(answers)
                .as("every webhook was answered 200 before the kill")
                .hasSize(ORDERS)
                .containsOnly(200);

        system.start();

        String manager = system.token("MANAGER");
        String warehouse = system.token("WAREHOUSE");
        List<String> acknowledged = IntStream.range(0, ORDERS)
                .mapToObj(n -> "tmall-flagship:" + number(run, n))
                .toList();
        assertThat(missing(acknowledged, orderId -> system.get(system.orderPort(), "/api/orders/" + orderId, manager)))
                .as("orders answered 200 but gone after kill -9")
                .isEmpty();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(missing(
                                acknowledged,
                                orderId -> system.get(
                                        system.fulfillmentPort(), "/api/shipments/shp-" + orderId, warehouse)))
                        .as("orders without a shipment")
                        .isEmpty());
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(missing(
                                acknowledged,
                                orderId -> system.get(system.refundPort(), "/api/refund-ledgers/" + orderId, manager)))
                        .as("orders without a refund ledger")
                        .isEmpty());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String sales =
                "/api/analytics/sales?storeId=tmall-flagship&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(paidOrders(system.get(system.analyticsPort(), sales, manager)))
                        .as("paid orders counted once each")
                        .isEqualTo(ORDERS));
        HttpResponse<String> listed =
                system.get(system.orderPort(), "/api/orders?storeId=tmall-flagship&limit=500", manager);
        assertThat(json(listed).get("orders")).as("no order doubled").hasSize(ORDERS);
    }

    private static List<String> missing(List<String> orderIds, Function<String, HttpResponse<String>> lookup) {
        return orderIds.stream()
                .filter(orderId -> status(lookup.apply(orderId)) != 200)
                .toList();
    }

    private static long paidOrders(HttpResponse<String> response) {
        if (status(response) != 200) {
            return -1;
        }
        long count = 0;
        for (JsonNode currency : json(response).get("currencies")) {
            count += currency.get("paidOrders").asLong();
        }
        return count;
    }

    private static String number(String run, int n) {
        return "K" + run + "-" + n;
    }

    private static String paidOrder(String number) {
        return Storefronts.nativeOrder(number)
                .replace("\"paidAt\":\"2026-11-28T02:11:30Z\"", "\"paidAt\":\"" + Instant.now() + "\"")
                .replace("\"buyerNote\":\"请发顺丰\",", "");
    }
}
