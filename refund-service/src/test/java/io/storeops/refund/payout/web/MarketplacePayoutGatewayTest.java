package io.storeops.refund.payout.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.storeops.refund.partner.web.MarketplaceStub.APP_KEY;
import static io.storeops.refund.partner.web.MarketplaceStub.asked;
import static io.storeops.refund.partner.web.MarketplaceStub.failedWith;
import static io.storeops.refund.partner.web.MarketplaceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.contracts.Money;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.refund.partner.web.MarketplaceStub;
import io.storeops.refund.payout.web.PayoutGateway.PayoutOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The native marketplace's payout adapter against a stub of its refund call on a real port: the
 * key in header and body, a conflict that is the same refund remembered, and failures to retry.
 */
class MarketplacePayoutGatewayTest {

    @RegisterExtension
    static WireMockExtension marketplace = MarketplaceStub.server();

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REFUNDS = "/api/v1/refunds";
    private static final String KEY = "tmall-flagship:T1001/rf-3";
    private static final PayoutOrder PAYOUT =
            new PayoutOrder(KEY, "tmall-flagship:T1001", "tmall-flagship", new Money(12800, "CNY"), "T1001");

    private MarketplacePayoutGateway gateway;

    @BeforeEach
    void connect() {
        gateway = new MarketplacePayoutGateway(MarketplaceStub.api(marketplace));
    }

    @Test
    void aRefundIsAskedWithTheKeyAndItsIdIsTheReceipt() {
        marketplace.stubFor(refund().willReturn(json(201, "{\"refundId\": \"MR-5001\", \"status\": \"SUCCESS\"}")));

        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("MR-5001"))
                .verifyComplete();

        List<LoggedRequest> calls = MarketplaceStub.calls(marketplace, REFUNDS);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo(KEY);
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer " + APP_KEY);
        JsonNode sent = JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(sent.get("refundRequestId").asString()).isEqualTo(KEY);
        assertThat(sent.get("orderId").asString())
                .as("the marketplace's order id")
                .isEqualTo("T1001");
        assertThat(sent.get("amountMinor").asLong()).isEqualTo(12800);
        assertThat(sent.get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void aConflictNamingTheSameRequestIsTheRefundMadeBefore() {
        marketplace.stubFor(refund().willReturn(json(
                409,
                "{\"error\": \"ALREADY_REFUNDED\", \"refundId\": \"MR-5001\", \"refundRequestId\": \"" + KEY + "\"}")));

        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("MR-5001"))
                .verifyComplete();
    }

    @Test
    void aConflictOverAnotherRequestIsNeverTakenForThePayment() {
        marketplace.stubFor(refund().willReturn(json(
                409,
                "{\"error\": \"ALREADY_REFUNDED\", \"refundId\": \"MR-4000\","
                        + " \"refundRequestId\": \"tmall-flagship:T1001/rf-1\"}")));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> failedWith(failure, true, "conflict"))
                .verify(PATIENCE);
    }

    @Test
    void aServerErrorFailsAndTheRetryAsksWithTheSameKey() {
        marketplace.stubFor(refund().willReturn(aResponse().withStatus(503)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> failedWith(failure, false, "503"))
                .verify(PATIENCE);

        marketplace.stubFor(refund().atPriority(1).willReturn(json(200, "{\"refundId\": \"MR-5001\"}")));
        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("MR-5001"))
                .verifyComplete();
        assertThat(MarketplaceStub.keysSent(marketplace, REFUNDS)).containsExactly(KEY, KEY);
    }

    @Test
    void anAnswerThatComesTooLateIsATimeoutAndTheRetryAsksWithTheSameKey() {
        marketplace.stubFor(refund().willReturn(
                        json(201, "{\"refundId\": \"MR-5001\"}").withFixedDelay(MarketplaceStub.LATE_MILLIS)));

        StepVerifier.create(gateway.pay(PAYOUT))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(6));

        marketplace.stubFor(refund().atPriority(1)
                .willReturn(json(
                        409,
                        "{\"error\": \"ALREADY_REFUNDED\", \"refundId\": \"MR-5001\", \"refundRequestId\": \"" + KEY
                                + "\"}")));
        StepVerifier.create(gateway.pay(PAYOUT))
                .assertNext(receipt -> assertThat(receipt.reference()).isEqualTo("MR-5001"))
                .verifyComplete();

        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(MarketplaceStub.calls(marketplace, REFUNDS)).hasSize(2));
        assertThat(MarketplaceStub.keysSent(marketplace, REFUNDS)).containsExactly(KEY, KEY);
    }

    @Test
    void aKeyAHeaderCannotCarryIsSentAsItsStableHash() {
        assertThat(MarketplaceApi.requestId(KEY)).isEqualTo(KEY);
        String unsafe = "tmall-flagship:订单 1/rf-3";
        assertThat(MarketplaceApi.requestId(unsafe))
                .isEqualTo(MarketplaceApi.requestId(unsafe))
                .startsWith("sha256:")
                .hasSize("sha256:".length() + 64);
    }

    private static MappingBuilder refund() {
        return asked(REFUNDS, KEY);
    }
}
