package io.storeops.refund;

import static io.storeops.refund.DeskSteps.orderNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.complaints.Review;
import io.storeops.refund.complaints.Reviews;
import io.storeops.refund.replies.ReplyProperties;
import io.storeops.refund.replies.web.ReviewReplies;
import io.storeops.refund.replies.web.ReviewReplyChannels;
import io.storeops.refund.replies.web.SimulatedReplyChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The seller's replies posted on the storefront through the simulated channel, from the store:
 * failures are retried with the same idempotency key, a restart in the middle posts nothing twice,
 * a refusal for good is not asked again, and the review shows how posting went; a store that posts
 * nothing leaves its replies to staff.
 */
@ServiceTest
class ReplyPostServiceTest {

    /** A store whose replies StoreOps posts, through the simulated storefront. */
    private static final String STORE = "taobao-replies";

    private static final String SECRET = "test-taobao-replies-secret";
    private static final String CS = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    SimulatedReplyChannel storefront;

    @Autowired
    ReviewReplyChannels channels;

    @Autowired
    Reviews reviews;

    @Autowired
    ReplyProperties settings;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StoreCatalog stores;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void failuresAreRetriedWithTheSameKeyAndARestartInTheMiddlePostsNothingTwice() {
        String id = lowReview();
        int postsBefore = storefront.posts();
        int callsBefore = storefront.calls();
        double postedBefore = counted("posted");
        double retriedBefore = counted("retried");
        storefront.failNext(2);

        JsonNode written = steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "亲，已为您退货退款。"), 200)
                .get("review");
        // A second process, as after a restart, looks at the same reviews with the same storefront.
        secondPoster().postDue().block();
        await().atMost(DeskSteps.PATIENCE)
                .untilAsserted(
                        () -> assertThat(posting(id).get("postedAt").isNull()).isFalse());

        assertThat(written.get("reply").get("posting").get("attempts").asInt())
                .as("to be posted, from the reply on")
                .isZero();
        assertThat(storefront.posts()).as("one reply posted").isEqualTo(postsBefore + 1);
        assertThat(storefront.calls()).as("two failures, then the post").isGreaterThanOrEqualTo(callsBefore + 3);
        JsonNode review = review(id);
        JsonNode posting = review.get("reply").get("posting");
        assertThat(posting.get("reference").asString())
                .as("asked with the review's key each time")
                .isEqualTo(storefront.postedWith(id).reference());
        assertThat(posting.get("attempts").asInt()).as("two failures").isGreaterThanOrEqualTo(2);
        assertThat(posting.get("lastFailure").isNull()).isTrue();
        assertThat(review.get("replyDueAt").isNull()).as("nothing more to post").isTrue();
        assertThat(review.get("state").asString()).isEqualTo("REPLIED");
        assertThat(steps(review))
                .as("the first failure and the post are on the timeline")
                .containsExactly("RECEIVED", "REPLY", "REPLY_POST_FAILED", "REPLY_POSTED");
        assertThat(counted("posted")).isGreaterThanOrEqualTo(postedBefore + 1);
        assertThat(counted("retried")).isGreaterThanOrEqualTo(retriedBefore + 2);

        int callsWhenPosted = storefront.calls();
        secondPoster().postDue().block();
        assertThat(storefront.calls()).as("a posted reply is not asked again").isEqualTo(callsWhenPosted);
    }

    @Test
    void aReplyRefusedForGoodIsNotAskedAgainAndTheReviewShowsWhy() {
        String id = lowReview();
        storefront.refuseNext(1);

        steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "亲，加我微信聊"), 200);
        await().atMost(DeskSteps.PATIENCE)
                .untilAsserted(
                        () -> assertThat(posting(id).get("refusedAt").isNull()).isFalse());
        int callsWhenRefused = storefront.calls();
        secondPoster().postDue().block();

        assertThat(storefront.calls()).as("a refusal is not asked again").isEqualTo(callsWhenRefused);
        JsonNode review = review(id);
        assertThat(review.get("state").asString()).isEqualTo("REPLIED");
        assertThat(review.get("reply").get("posting").get("lastFailure").asString())
                .contains("phone number");
        assertThat(review.get("replyDueAt").isNull()).isTrue();
        assertThat(steps(review)).containsExactly("RECEIVED", "REPLY", "REPLY_REFUSED");
        assertThat(storefront.postedWith(id)).isNull();
    }

    @Test
    void theLookFindsTheRepliesDueAndNotThoseWaitingAfterAFailure() {
        String id = lowReview();
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        reviews.change(
                        id,
                        review -> review.reply("亲，抱歉。", "cs.mei", Instant.now(), true)
                                .andThen(replied -> replied.replyPostFailed("503", inAnHour, Instant.now())))
                .block();

        assertThat(due(Instant.now())).doesNotContain(id);
        assertThat(due(inAnHour)).contains(id);
    }

    @Test
    void aStoreThatPostsNothingLeavesItsRepliesToStaff() {
        String store = "tmall-flagship";
        String bearer = TestTokens.bearer("cs.far", StaffRole.CS_AFTERSALE, store);
        String id = lowReview(store, "test-storefront-secret", bearer);

        JsonNode replied = steps.post("/api/reviews/" + id + "/reply", bearer, Map.of("reply", "亲，抱歉。"), 200)
                .get("review");

        assertThat(channels.postsReplies(store)).isFalse();
        assertThat(replied.get("reply").get("posting").isNull())
                .as("posted by hand")
                .isTrue();
        assertThat(replied.get("replyDueAt").isNull()).isTrue();
        assertThat(due(Instant.now().plus(Duration.ofDays(1)))).doesNotContain(id);
    }

    private ReviewReplies secondPoster() {
        return new ReviewReplies(reviews, channels, Clock.systemUTC(), settings, meters, stores);
    }

    private List<String> due(Instant at) {
        return reviews.replyDue(at, Set.of(STORE, "tmall-flagship"), 1000)
                .map(Review::id)
                .collectList()
                .block();
    }

    /** A two-star review of a new paid order of the store that posts its replies, received: its id at the desk. */
    private String lowReview() {
        return lowReview(STORE, SECRET, CS);
    }

    /** A two-star review of a new paid order of {@code store}, received: its id at the desk. */
    private String lowReview(String store, String secret, String bearer) {
        String orderId =
                steps.paidOrder(store, new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY")), bearer);
        String reviewId = "RV-" + UUID.randomUUID();
        String body = "{\"reviewId\":\"%s\",\"orderId\":\"%s\",\"buyerNick\":\"茶友\",\"rating\":2,\"text\":\"杯子裂了\"}"
                .formatted(reviewId, orderNumber(orderId));
        SignedWebhooks.storefront(http, store, "review.created", "evt-" + UUID.randomUUID(), body, secret)
                .expectStatus()
                .isOk();
        return store + ":" + reviewId;
    }

    private JsonNode review(String id) {
        return TestHttp.read(http, "/api/reviews/" + id, CS).get("review");
    }

    private JsonNode posting(String id) {
        return review(id).get("reply").get("posting");
    }

    private static List<String> steps(JsonNode review) {
        return review.get("timeline")
                .valueStream()
                .map(entry -> entry.get("what").asString())
                .toList();
    }

    private double counted(String what) {
        return meters.get("storeops.refund.review.replies." + what)
                .tag("store", STORE)
                .counter()
                .count();
    }
}
