package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.Scrapes;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.cases.AfterSales;
import io.storeops.refund.cases.CaseState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The desk's figures on the service's Prometheus page: cases waiting by state, how long a
 * supervisor took to decide, and the money paid back per store and currency.
 */
@ServiceTest
class RefundMetricsServiceTest {

    private static final String STORE = "shopify-us";
    private static final String CS = TestTokens.bearer("cs.ann", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.bo", StaffRole.SUPERVISOR, STORE);
    private static final String IN_STORE = "store=\"" + STORE + "\"";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    AfterSales files;

    @Test
    void aDecidedAndPaidCaseIsCountedWaitingThenDecidedThenPaid() {
        DeskSteps steps = new DeskSteps(http, kafka);
        String orderId = steps.paidOrder(
                STORE, List.of(new OrderLine("LAMP-1", "Desk lamp", 1, new Money(4500, "USD"))), 0, 4500, "USD", CS);
        double decisionsBefore = Scrapes.value(http, "storeops_refund_decision_time_seconds_count", IN_STORE);
        double refundedBefore =
                Scrapes.value(http, "storeops_refunds_refunded_minor_total", IN_STORE, "currency=\"USD\"");

        String caseId = steps.post(
                        "/api/refunds",
                        CS,
                        Map.of(
                                "orderId",
                                orderId,
                                "type",
                                "REFUND_ONLY",
                                "reason",
                                "flickers",
                                "lines",
                                List.of(Map.of("lineIndex", 0, "amountMinor", 1250))),
                        201)
                .get("refundCase")
                .get("caseId")
                .asString();
        // gauges are counted on a timer, and a slow round of counts is followed by 20 times its duration
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                Scrapes.value(http, "storeops_refund_cases_open", IN_STORE, "state=\"REQUESTED\""))
                        .isGreaterThanOrEqualTo(1));
        assertThat(files.oldestCaseOpenedIn(STORE, CaseState.REQUESTED).block())
                .as("the oldest case waiting for a supervisor, whose age the dashboard shows")
                .isNotNull()
                .isBeforeOrEqualTo(Instant.now());
        assertThat(files.oldestCaseOpenedIn(STORE, CaseState.AWAITING_RETURN).blockOptional())
                .as("no case of the store waits for a parcel")
                .isEmpty();
        steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of(), 200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(TestHttp.read(http, "/api/refunds/" + caseId, CS)
                                .get("refundCase")
                                .get("state")
                                .asString())
                        .isEqualTo("COMPLETED"));

        assertThat(Scrapes.value(http, "storeops_refund_decision_time_seconds_count", IN_STORE) - decisionsBefore)
                .isGreaterThanOrEqualTo(1);
        assertThat(Scrapes.value(http, "storeops_refunds_refunded_minor_total", IN_STORE, "currency=\"USD\"")
                        - refundedBefore)
                .isGreaterThanOrEqualTo(1250);
        assertThat(Scrapes.value(http, "storeops_refund_deadlines_overdue", IN_STORE))
                .isZero();
    }
}
