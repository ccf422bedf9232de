package io.storeops.refund;

import static io.storeops.refund.DeskSteps.orderNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.contracts.EventJson;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.Topics;
import io.storeops.contracts.events.refund.ReviewReplied;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.SignedWebhooks;
import io.storeops.platform.test.TestEvents;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Buyers' reviews over signed webhooks, HTTP and real Kafka records: a low rating lands in customer
 * service's queue once however often it is delivered, the buyer and the order are found from it,
 * the steps each person is offered are those the routes take, and the seller's reply goes out once
 * (ReviewReplied), whoever races to write it; the low reviews are listed whatever their state, and
 * the desk counts those not yet replied to; bad deliveries and bad steps are problems that change
 * nothing.
 */
@ServiceTest
class ReviewDeskServiceTest {

    /** A store whose reviews of two stars or fewer are low. */
    private static final String STORE = "taobao-cs";

    private static final String SECRET = "test-taobao-cs-secret";
    private static final String CS = TestTokens.bearer("cs.mei", StaffRole.CS_AFTERSALE, STORE);
    private static final String OTHER_CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, STORE);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void aLowReviewComesInOnceFindsItsBuyerAndOrderAndIsRepliedToOnce() {
        String orderId = paidOrder();
        String nick = "茶友-" + UUID.randomUUID();
        String reviewId = "RV-" + UUID.randomUUID();
        String body = review(reviewId, orderNumber(orderId), nick, 2);
        String delivery = "evt-" + UUID.randomUUID();

        webhook(delivery, body, 200);
        webhook(delivery, body, 200);
        webhook("evt-" + UUID.randomUUID(), body, 200);

        JsonNode byBuyer = TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&buyerNick=" + nick, CS);
        assertThat(byBuyer.get("reviews"))
                .as("one review, however often it came")
                .hasSize(1);
        JsonNode listed = byBuyer.get("reviews").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(STORE + ":" + reviewId);
        assertThat(listed.get("orderId").asString()).isEqualTo(orderId);
        assertThat(listed.get("state").asString()).isEqualTo("NEW");
        assertThat(listed.get("low").asBoolean()).isTrue();
        assertThat(ids(TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&state=NEW&orderId=" + orderId, CS)))
                .as("in the low-rating queue")
                .containsExactly(STORE + ":" + reviewId);

        String id = STORE + ":" + reviewId;
        JsonNode found = TestHttp.read(http, "/api/reviews/" + id, CS);
        assertThat(found.get("review").get("buyerNick").asString()).isEqualTo(nick);
        assertThat(found.get("order").get("externalOrderId").asString())
                .as("the order number the marketplace's back office finds the buyer by")
                .isEqualTo(orderNumber(orderId));
        assertThat(found.get("order").get("paid").get("amountMinor").asLong()).isEqualTo(12800);
        assertThat(names(found.get("steps"))).containsExactly("contacts", "reply");
        assertThat(TestHttp.read(http, "/api/reviews/" + id, SUPERVISOR).get("steps"))
                .as("the supervisor looks on")
                .isEmpty();

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            steps.post(
                    "/api/reviews/" + id + "/contacts",
                    CS,
                    Map.of("channel", "CHAT", "offered", "sorry, a return?", "buyerAnswer", "yes please"),
                    200);
            JsonNode replied = steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "亲，已为您退货退款。"), 200);
            steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "亲，已为您退货退款。"), 200);
            JsonNode another = steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "something else"), 409);

            assertThat(replied.get("review").get("state").asString()).isEqualTo("REPLIED");
            assertThat(names(replied.get("steps")))
                    .as("the reply is written once; the buyer may still be contacted")
                    .containsExactly("contacts");
            assertThat(another.get("type").asString()).isEqualTo("urn:storeops:problem:review-state");
            assertThat(another.get("currentState").asString()).isEqualTo("REPLIED");
            List<ConsumerRecord<String, byte[]>> announced =
                    TestEvents.await(events, orderId, "ReviewReplied", 2, Duration.ofSeconds(3));
            assertThat(announced).as("one reply, however often it is sent").hasSize(1);
            assertThat(EventJson.read(announced.get(0).value(), ReviewReplied.class))
                    .satisfies(event -> {
                        assertThat(event.reviewId()).isEqualTo(reviewId);
                        assertThat(event.storeId()).isEqualTo(STORE);
                        assertThat(event.reply()).isEqualTo("亲，已为您退货退款。");
                        assertThat(event.repliedBy()).isEqualTo("cs.mei");
                    });
        }
        assertThat(TestHttp.read(http, "/api/reviews/" + id, CS)
                        .get("review")
                        .get("timeline")
                        .valueStream()
                        .map(entry -> entry.get("what").asString()))
                .containsExactly("RECEIVED", "CONTACT", "REPLY");
        assertThat(ids(TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&state=NEW&orderId=" + orderId, CS)))
                .as("out of the queue")
                .isEmpty();
    }

    @Test
    void aReviewAboveTheStoresLowRatingIsNotedOutOfTheQueue() {
        String orderId = paidOrder();
        String reviewId = "RV-" + UUID.randomUUID();

        webhook("evt-" + UUID.randomUUID(), review(reviewId, orderNumber(orderId), "茶友", 3), 200);

        assertThat(TestHttp.read(http, "/api/reviews/" + STORE + ":" + reviewId, CS)
                        .get("review")
                        .get("state")
                        .asString())
                .isEqualTo("NOTED");
        assertThat(ids(TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&state=NEW&orderId=" + orderId, CS)))
                .isEmpty();
    }

    @Test
    void twoRepliesAtOnceOneIsWrittenTheOtherIsAConflict() {
        String id = lowReview(paidOrder(), "茶友");
        String orderId = TestHttp.read(http, "/api/reviews/" + id, CS)
                .get("review")
                .get("orderId")
                .asString();

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            var first = CompletableFuture.supplyAsync(() -> status("/api/reviews/" + id + "/reply", CS, "亲，抱歉。"));
            var second =
                    CompletableFuture.supplyAsync(() -> status("/api/reviews/" + id + "/reply", OTHER_CS, "亲，非常抱歉。"));

            assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(200, 409);
            assertThat(TestEvents.await(events, orderId, "ReviewReplied", 2, Duration.ofSeconds(3)))
                    .hasSize(1);
        }
        assertThat(TestHttp.read(http, "/api/reviews/" + id, CS).get("review").get("timeline"))
                .filteredOn(entry -> entry.get("what").asString().equals("REPLY"))
                .hasSize(1);
    }

    /** A delivery the desk cannot take: its body, the status it gets. */
    private record BadDelivery(String why, String body, int status) {}

    @Test
    void aDeliveryTheDeskCannotTakeIsAProblemAndStoresNothing() {
        String orderId = paidOrder();
        String nick = "坏-" + UUID.randomUUID();
        String taken = lowReview(paidOrder(), nick);
        String takenId = taken.substring(taken.indexOf(':') + 1);
        String reviewId = "RV-" + UUID.randomUUID();
        List<BadDelivery> table = List.of(
                new BadDelivery("rating 0", review(reviewId, orderNumber(orderId), nick, 0), 422),
                new BadDelivery("rating 6", review(reviewId, orderNumber(orderId), nick, 6), 422),
                new BadDelivery(
                        "half a star",
                        review(reviewId, orderNumber(orderId), nick, 2).replace("\"rating\":2", "\"rating\":2.5"),
                        422),
                new BadDelivery(
                        "no rating",
                        "{\"reviewId\":\"%s\",\"orderId\":\"%s\",\"buyerNick\":\"%s\"}"
                                .formatted(reviewId, orderNumber(orderId), nick),
                        422),
                new BadDelivery("no review id", review(" ", orderNumber(orderId), nick, 1), 422),
                new BadDelivery("an order never paid", review(reviewId, "NO-SUCH-ORDER", nick, 1), 404),
                new BadDelivery("another order's review id", review(takenId, orderNumber(orderId), nick, 1), 409),
                new BadDelivery("not JSON", "{\"reviewId\":", 400));

        for (BadDelivery bad : table) {
            SignedWebhooks.storefront(http, STORE, "review.created", "evt-" + UUID.randomUUID(), bad.body(), SECRET)
                    .expectStatus()
                    .value(status -> assertThat(status).as(bad.why()).isEqualTo(bad.status()));
        }

        assertThat(ids(TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&buyerNick=" + nick, CS)))
                .as("only the review taken before")
                .containsExactly(taken);
        assertThat(TestHttp.read(http, "/api/reviews/" + taken, CS)
                        .get("review")
                        .get("orderId")
                        .asString())
                .isNotEqualTo(orderId);
    }

    /** A staff step the desk refuses: who asks, the route, the body, the answer. */
    private record BadStep(String why, String bearer, String path, String body, int status, String type) {}

    @Test
    void aStepTheDeskRefusesIsAProblemAndChangesNothing() {
        String orderId = paidOrder();
        String id = lowReview(orderId, "茶友");
        String otherStoreReview = otherStoresReview();
        List<BadStep> table = List.of(
                new BadStep("reply without words", CS, "/reply", "{}", 422, "invalid-payload"),
                new BadStep("blank reply", CS, "/reply", "{\"reply\":\"  \"}", 422, "invalid-payload"),
                new BadStep(
                        "reply too long",
                        CS,
                        "/reply",
                        "{\"reply\":\"" + "好".repeat(501) + "\"}",
                        422,
                        "invalid-payload"),
                new BadStep("reply not JSON", CS, "/reply", "{\"reply\":", 400, "malformed-json"),
                new BadStep(
                        "contact without channel", CS, "/contacts", "{\"offered\":\"sorry\"}", 422, "invalid-payload"),
                new BadStep(
                        "contact by fax",
                        CS,
                        "/contacts",
                        "{\"channel\":\"FAX\",\"offered\":\"sorry\"}",
                        422,
                        "invalid-payload"),
                new BadStep(
                        "contact saying nothing", CS, "/contacts", "{\"channel\":\"PHONE\"}", 422, "invalid-payload"),
                new BadStep("reply by a supervisor", SUPERVISOR, "/reply", "{\"reply\":\"亲\"}", 403, "role-required"),
                new BadStep(
                        "reply by another store's staff",
                        TestTokens.bearer("cs.far", StaffRole.CS_AFTERSALE, "tmall-flagship"),
                        "/reply",
                        "{\"reply\":\"亲\"}",
                        404,
                        "not-found"));

        try (Consumer<String, byte[]> events = TestEvents.reader(broker, Topics.REFUND_EVENTS)) {
            for (BadStep bad : table) {
                steps.refused(
                        bad.why(),
                        bad.bearer(),
                        "/api/reviews/" + id + bad.path(),
                        null,
                        bad.body(),
                        bad.status(),
                        bad.type());
            }
            http.post()
                    .uri("/api/reviews/" + otherStoreReview + "/reply")
                    .header(HttpHeaders.AUTHORIZATION, CS)
                    .bodyValue(Map.of("reply", "亲"))
                    .exchange()
                    .expectStatus()
                    .isNotFound();

            assertThat(TestEvents.await(events, orderId, "ReviewReplied", 1, Duration.ofSeconds(2)))
                    .isEmpty();
        }
        JsonNode unchanged = TestHttp.read(http, "/api/reviews/" + id, CS).get("review");
        assertThat(unchanged.get("state").asString()).isEqualTo("NEW");
        assertThat(unchanged.get("contacts")).isEmpty();
        assertThat(unchanged.get("timeline")).hasSize(1);
    }

    @Test
    void theQueueIsWorkedFromTheLongestWaitingPageAfterPage() {
        String nick = "排队-" + UUID.randomUUID();
        String first = lowReview(paidOrder(), nick);
        String second = lowReview(paidOrder(), nick);
        String third = lowReview(paidOrder(), nick);
        String queue = "/api/reviews?storeId=" + STORE + "&state=NEW,CONTACTED&buyerNick=" + nick + "&limit=2";

        JsonNode firstPage = TestHttp.read(http, queue, CS);
        JsonNode secondPage = TestHttp.read(
                http, queue + "&cursor=" + firstPage.get("nextCursor").asString(), CS);

        assertThat(ids(firstPage)).containsExactly(first, second);
        assertThat(ids(secondPage)).containsExactly(third);
        assertThat(secondPage.get("nextCursor").isNull()).as("the last page").isTrue();
        assertThat(steps.problemDetail("/api/reviews?storeId=" + STORE + "&state=LOST", CS, 400))
                .contains("state must be one of");
        assertThat(steps.problemDetail("/api/reviews?storeId=" + STORE + "&cursor=not-ours", CS, 400))
                .contains("cursor");
        assertThat(steps.problemDetail("/api/reviews?storeId=" + STORE + "&limit=0", CS, 400))
                .contains("limit");
        assertThat(steps.problemDetail("/api/reviews", CS, 400)).contains("storeId");
        assertThat(steps.problemDetail("/api/reviews?storeId=tmall-flagship", CS, 403))
                .contains("tmall-flagship");
    }

    @Test
    void theLowReviewsWaitingForTheirReplyAreAGaugePerStore() {
        assertThat(meters.find("storeops.reviews.low.waiting")
                        .tag("store", "tmall-flagship")
                        .gauge())
                .as("every store's, from the start")
                .isNotNull();
        double before = lowWaiting();

        String id = lowReview(paidOrder(), "茶友");
        await().atMost(DeskSteps.GAUGE_PATIENCE).until(() -> lowWaiting() == before + 1);
        steps.post("/api/reviews/" + id + "/contacts", CS, Map.of("channel", "PHONE", "offered", "sorry"), 200);
        webhook("evt-" + UUID.randomUUID(), review("RV-" + UUID.randomUUID(), orderNumber(paidOrder()), "好评", 5), 200);
        await().during(Duration.ofMillis(500)).atMost(DeskSteps.GAUGE_PATIENCE).until(() -> lowWaiting() == before + 1);
        steps.post("/api/reviews/" + id + "/reply", CS, Map.of("reply", "亲，抱歉"), 200);
        await().atMost(DeskSteps.GAUGE_PATIENCE).until(() -> lowWaiting() == before);
    }

    @Test
    void lowReviewsAreListedWhateverTheirStateAndTheDeskCountsThoseNotYetReplied() {
        String nick = "低分-" + UUID.randomUUID();
        long before = deskLowReviews();
        String waiting = lowReview(paidOrder(), nick);
        String contacted = lowReview(paidOrder(), nick);
        String replied = lowReview(paidOrder(), nick);
        String noted = review(paidOrder(), nick, 4);
        String notedAndContacted = review(paidOrder(), nick, 5);
        for (String id : List.of(contacted, notedAndContacted)) {
            steps.post("/api/reviews/" + id + "/contacts", CS, Map.of("channel", "CHAT", "offered", "sorry"), 200);
        }
        steps.post("/api/reviews/" + replied + "/reply", CS, Map.of("reply", "亲，抱歉。"), 200);
        String byBuyer = "/api/reviews?storeId=" + STORE + "&buyerNick=" + nick;

        assertThat(ids(TestHttp.read(http, byBuyer + "&low=true", CS)))
                .as("low, whatever their state")
                .containsExactlyInAnyOrder(waiting, contacted, replied);
        assertThat(ids(TestHttp.read(http, byBuyer + "&low=true&state=CONTACTED", CS)))
                .as("the low-review tab of those contacted")
                .containsExactly(contacted);
        assertThat(ids(TestHttp.read(http, byBuyer + "&state=CONTACTED", CS)))
                .as("without low=true, a contacted review that is not low too")
                .containsExactlyInAnyOrder(contacted, notedAndContacted);
        assertThat(ids(TestHttp.read(http, byBuyer + "&low=false", CS)))
                .as("low=false filters nothing")
                .containsExactlyInAnyOrder(waiting, contacted, replied, noted, notedAndContacted);

        assertThat(deskLowReviews())
                .as("the new and the contacted low review; not the replied one, nor those not low")
                .isEqualTo(before + 2);
        JsonNode listed =
                TestHttp.read(http, "/api/reviews?storeId=" + STORE + "&low=true&state=NEW,CONTACTED&limit=500", CS);
        assertThat(listed.get("nextCursor").isNull()).isTrue();
        assertThat((long) listed.get("reviews").size())
                .as("the desk counts what the low-review tabs list")
                .isEqualTo(deskLowReviews());
        assertThat(steps.problemDetail("/api/reviews?storeId=" + STORE + "&low=maybe", CS, 400))
                .contains("low");
    }

    private long deskLowReviews() {
        return TestHttp.read(http, "/api/after-sale-desk", CS)
                .get("stores")
                .get(0)
                .get("queues")
                .get("lowReviews")
                .asLong();
    }

    private double lowWaiting() {
        return meters.get("storeops.reviews.low.waiting")
                .tag("store", STORE)
                .gauge()
                .value();
    }

    private String paidOrder() {
        return steps.paidOrder(STORE, new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY")), CS);
    }

    /** A two-star review of {@code orderId} by {@code nick}, received: its id at the desk. */
    private String lowReview(String orderId, String nick) {
        return review(orderId, nick, 2);
    }

    /** A review of {@code orderId} by {@code nick} with {@code rating} stars, received: its id at the desk. */
    private String review(String orderId, String nick, int rating) {
        String reviewId = "RV-" + UUID.randomUUID();
        webhook("evt-" + UUID.randomUUID(), review(reviewId, orderNumber(orderId), nick, rating), 200);
        return STORE + ":" + reviewId;
    }

    /** A one-star review in tmall-flagship, which the tests' customer service cannot see. */
    private String otherStoresReview() {
        String other = "tmall-flagship";
        String bearer = TestTokens.bearer("cs.far", StaffRole.CS_AFTERSALE, other);
        String orderId =
                steps.paidOrder(other, new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY")), bearer);
        String reviewId = "RV-" + UUID.randomUUID();
        SignedWebhooks.storefront(
                        http,
                        other,
                        "review.created",
                        "evt-" + UUID.randomUUID(),
                        review(reviewId, orderNumber(orderId), "远方", 1),
                        "test-storefront-secret")
                .expectStatus()
                .isOk();
        return other + ":" + reviewId;
    }

    private void webhook(String eventId, String body, int status) {
        SignedWebhooks.storefront(http, STORE, "review.created", eventId, body, SECRET)
                .expectStatus()
                .isEqualTo(status);
    }

    private static String review(String reviewId, String orderNumber, String nick, int rating) {
        return """
                {"reviewId":"%s","orderId":"%s","buyerNick":"%s","rating":%d,"text":"杯子裂了，客服不理人",
                 "images":["https://img.example/crack.jpg"],"createdAt":"2026-12-03T07:12:00Z"}""".formatted(reviewId, orderNumber, nick, rating).replace("\n", "");
    }

    private int status(String uri, String bearer, String reply) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(Map.of("reply", reply))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
    }

    private static List<String> names(JsonNode list) {
        return list.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> ids(JsonNode page) {
        return DeskSteps.listed(page, "reviews", "id");
    }
}
