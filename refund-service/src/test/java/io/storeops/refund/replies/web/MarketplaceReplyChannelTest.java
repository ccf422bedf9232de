package io.storeops.refund.replies.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.storeops.refund.partner.web.MarketplaceStub.APP_KEY;
import static io.storeops.refund.partner.web.MarketplaceStub.asked;
import static io.storeops.refund.partner.web.MarketplaceStub.failedWith;
import static io.storeops.refund.partner.web.MarketplaceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.storeops.platform.partner.MarketplaceApi;
import io.storeops.refund.partner.web.MarketplaceStub;
import io.storeops.refund.replies.web.ReviewReplyChannel.ReplyPost;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * The native marketplace's reply adapter against a stub of its review call on a real port: the
 * review's key in the header, a conflict that is the same reply remembered, refusals, and failures
 * to retry with the same key.
 */
class MarketplaceReplyChannelTest {

    @RegisterExtension
    static WireMockExtension marketplace = MarketplaceStub.server();

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String REPLIES = "/api/v1/reviews/RV-9001/replies";
    private static final String KEY = "tmall-flagship:RV-9001";
    private static final ReplyPost REPLY = new ReplyPost(KEY, "tmall-flagship", "RV-9001", "亲，非常抱歉，已为您办理退货退款。");
    private static final String POSTED_BEFORE =
            "{\"error\": \"ALREADY_REPLIED\", \"replyId\": \"MR-R-77\", \"idempotencyKey\": \"" + KEY + "\"}";

    private MarketplaceReplyChannel channel;

    @BeforeEach
    void connect() {
        channel = new MarketplaceReplyChannel(MarketplaceStub.api(marketplace));
    }

    @Test
    void aReplyIsPostedWithTheKeyAndItsIdIsTheReference() {
        marketplace.stubFor(reply().willReturn(json(201, "{\"replyId\": \"MR-R-77\"}")));

        StepVerifier.create(channel.post(REPLY))
                .assertNext(posted -> assertThat(posted.reference()).isEqualTo("MR-R-77"))
                .verifyComplete();

        List<LoggedRequest> calls = MarketplaceStub.calls(marketplace, REPLIES);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo(KEY);
        assertThat(calls.get(0).getHeader("Authorization")).isEqualTo("Bearer " + APP_KEY);
        marketplace.verify(postRequestedFor(urlPathEqualTo(REPLIES))
                .withRequestBody(equalToJson("{\"text\": \"亲，非常抱歉，已为您办理退货退款。\"}")));
    }

    @Test
    void aPostWhoseAnswerNamesNoReplyIsReferencedByItsKey() {
        marketplace.stubFor(reply().willReturn(aResponse().withStatus(204)));

        StepVerifier.create(channel.post(REPLY))
                .assertNext(posted -> assertThat(posted.reference()).isEqualTo(KEY))
                .verifyComplete();
    }

    @Test
    void aConflictNamingTheSameKeyIsTheReplyPostedBefore() {
        marketplace.stubFor(reply().willReturn(json(409, POSTED_BEFORE)));

        StepVerifier.create(channel.post(REPLY))
                .assertNext(posted -> assertThat(posted.reference()).isEqualTo("MR-R-77"))
                .verifyComplete();
    }

    @Test
    void aConflictOverAnotherReplyIsARefusalNeverTakenForThePost() {
        marketplace.stubFor(reply().willReturn(json(
                409,
                "{\"error\": \"ALREADY_REPLIED\", \"replyId\": \"MR-R-1\", \"idempotencyKey\": \"back-office\"}")));

        StepVerifier.create(channel.post(REPLY))
                .expectErrorSatisfies(failure -> failedWith(failure, true, "conflict"))
                .verify(PATIENCE);
    }

    @Test
    void anotherClientErrorIsARefusalForGoodThatSaysWhy() {
        marketplace.stubFor(
                reply().willReturn(json(422, "{\"error\": \"REPLY_REJECTED\", \"message\": \"contact details\"}")));

        StepVerifier.create(channel.post(REPLY))
                .expectErrorSatisfies(failure -> {
                    failedWith(failure, true, "refused the reply: 422");
                    assertThat(failure).hasMessageContaining("contact details");
                })
                .verify(PATIENCE);
    }

    @Test
    void aServerErrorOrAnAnswerTooLateFailsAndTheRetryAsksWithTheSameKey() {
        marketplace.stubFor(reply().willReturn(aResponse().withStatus(503)));
        StepVerifier.create(channel.post(REPLY))
                .expectErrorSatisfies(failure -> failedWith(failure, false, "503"))
                .verify(PATIENCE);

        marketplace.stubFor(reply().atPriority(2)
                .willReturn(json(201, "{\"replyId\": \"MR-R-77\"}").withFixedDelay(MarketplaceStub.LATE_MILLIS)));
        StepVerifier.create(channel.post(REPLY))
                .expectErrorSatisfies(failure -> assertThat(failure).isInstanceOf(TimeoutException.class))
                .verify(Duration.ofSeconds(6));

        marketplace.stubFor(reply().atPriority(1).willReturn(json(409, POSTED_BEFORE)));
        StepVerifier.create(channel.post(REPLY))
                .assertNext(posted -> assertThat(posted.reference()).isEqualTo("MR-R-77"))
                .verifyComplete();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(MarketplaceStub.keysSent(marketplace, REPLIES))
                        .containsExactly(KEY, KEY, KEY));
    }

    @Test
    void aReviewIdFromTheStorefrontStaysOneSegmentOfThePath() {
        String path = "/api/v1/reviews/RV%2F9%20%E5%A5%BD/replies";
        marketplace.stubFor(post(urlPathEqualTo(path)).willReturn(json(201, "{\"replyId\": \"MR-R-78\"}")));

        StepVerifier.create(channel.post(new ReplyPost("tmall-flagship:RV/9 好", "tmall-flagship", "RV/9 好", "亲")))
                .assertNext(posted -> assertThat(posted.reference()).isEqualTo("MR-R-78"))
                .verifyComplete();

        assertThat(MarketplaceStub.keysSent(marketplace, path))
                .as("a key a header cannot carry goes as its stable hash")
                .containsExactly(MarketplaceApi.requestId("tmall-flagship:RV/9 好"))
                .allSatisfy(key -> assertThat(key).startsWith("sha256:"));
    }

    private static MappingBuilder reply() {
        return asked(REPLIES, KEY);
    }
}
