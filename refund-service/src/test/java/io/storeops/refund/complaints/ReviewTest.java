package io.storeops.refund.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.events.refund.ReviewReplied;
import io.storeops.refund.cases.AfterSalePolicy;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewTest {

    private static final Instant NOON = Instant.parse("2026-12-03T04:00:00Z");
    private static final String STORE = "tmall-flagship";

    private static Review.Posted posted(int rating) {
        return new Review.Posted(
                " RV-1 ",
                "T1",
                "茶友小王",
                rating,
                "杯子裂了",
                List.of("https://img.example/1.jpg"),
                Instant.parse("2026-12-03T03:00:00Z"));
    }

    private static final Review LOW =
            Review.received(Optional.empty(), STORE, posted(2), 3, NOON).state();

    @ParameterizedTest(name = "{0} stars against a low rating of {1}: {2}")
    @CsvSource({"1, 3, NEW", "3, 3, NEW", "4, 3, NOTED", "5, 3, NOTED", "2, 2, NEW", "3, 2, NOTED", "5, 5, NEW"})
    void aReviewAtOrBelowTheStoresLowRatingGoesToCustomerService(int rating, int lowRating, ReviewState state) {
        Review review = Review.received(Optional.empty(), STORE, posted(rating), lowRating, NOON)
                .state();

        assertThat(review.state()).isEqualTo(state);
        assertThat(review.low()).isEqualTo(state == ReviewState.NEW);
    }

    @Test
    void aReviewIsRecordedOnceWithTheBuyerAndTheOrder() {
        var received = Review.received(Optional.empty(), STORE, posted(2), 3, NOON);

        assertThat(received.events()).as("nothing to announce yet").isEmpty();
        Review review = received.state();
        assertThat(review.id()).isEqualTo("tmall-flagship:RV-1");
        assertThat(review.reviewId()).isEqualTo("RV-1");
        assertThat(review.orderId()).isEqualTo("tmall-flagship:T1");
        assertThat(review.buyerNick()).isEqualTo("茶友小王");
        assertThat(review.receivedAt()).isEqualTo(NOON);
        assertThat(review.timeline())
                .singleElement()
                .isEqualTo(new Entry(NOON, "RECEIVED", "buyer", "2 of 5: low, to customer service"));
        assertThat(Review.received(Optional.of(review), STORE, posted(2), 3, NOON.plusSeconds(9))
                        .isNone())
                .as("the same review again")
                .isTrue();
    }

    @Test
    void aReviewIdOfAnotherOrdersReviewIsRefused() {
        Review.Posted other = new Review.Posted("RV-1", "T2", null, 1, null, null, null);

        assertThatThrownBy(() -> Review.received(Optional.of(LOW), STORE, other, 3, NOON))
                .isInstanceOfSatisfying(StepConflict.class, conflict -> {
                    assertThat(conflict.kind()).isEqualTo("review-id");
                    assertThat(conflict).hasMessage("Review RV-1 belongs to order tmall-flagship:T1.");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "no review id | ' ' | T1   | 2    | reviewId is required.",
                "no order     | RV  | null | 2    | orderId is required.",
                "no rating    | RV  | T1   | null | rating must be 1 to 5.",
                "rating 0     | RV  | T1   | 0    | rating must be 1 to 5.",
                "rating 6     | RV  | T1   | 6    | rating must be 1 to 5.",
            })
    void aReviewThatCannotBeIsRefused(String why, String reviewId, String orderId, Integer rating, String message) {
        Review.Posted bad = new Review.Posted(reviewId, orderId, null, rating, null, null, null);

        assertThatThrownBy(() -> Review.received(Optional.empty(), STORE, bad, 3, NOON))
                .as(why)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void tooMuchTextOrTooManyImagesAreRefused() {
        Review.Posted longText = new Review.Posted("RV", "T1", null, 1, "好".repeat(2001), null, null);
        Review.Posted manyImages = new Review.Posted(
                "RV", "T1", null, 1, null, Collections.nCopies(21, "https://img.example/1.jpg"), null);

        assertThatThrownBy(() -> Review.received(Optional.empty(), STORE, longText, 3, NOON))
                .hasMessage("text is at most 2000 characters.");
        assertThatThrownBy(() -> Review.received(Optional.empty(), STORE, manyImages, 3, NOON))
                .hasMessage("images are at most 20 links.");
    }

    @Test
    void theReplyIsWrittenOnceAndAnnouncedForTheStorefront() {
        Review contacted = LOW.contact(new Contact(ContactChannel.CHAT, "sorry, a return?", "yes", "cs.mei", NOON))
                .state();
        var replied = contacted.reply(" 亲，已为您退货退款。 ", "cs.mei", NOON.plusSeconds(60), false);

        assertThat(contacted.state()).isEqualTo(ReviewState.CONTACTED);
        assertThat(replied.state().state()).isEqualTo(ReviewState.REPLIED);
        assertThat(replied.state().reply())
                .isEqualTo(new Review.Reply("亲，已为您退货退款。", "cs.mei", NOON.plusSeconds(60), null));
        assertThat(replied.events())
                .singleElement()
                .isEqualTo(new ReviewReplied(
                        "tmall-flagship:T1", STORE, "RV-1", "亲，已为您退货退款。", "cs.mei", NOON.plusSeconds(60)));
        assertThat(replied.state().timeline()).extracting(Entry::what).containsExactly("RECEIVED", "CONTACT", "REPLY");

        assertThat(replied.state()
                        .reply("亲，已为您退货退款。", "cs.mei", NOON.plusSeconds(90), false)
                        .isNone())
                .as("the same reply again: a retry")
                .isTrue();
        assertThatThrownBy(() -> replied.state().reply("another", "cs.mei", NOON.plusSeconds(90), false))
                .isInstanceOfSatisfying(
                        StepConflict.class,
                        conflict -> assertThat(conflict.current()).isEqualTo("REPLIED"));
        assertThatThrownBy(() -> replied.state().reply("亲，已为您退货退款。", "cs.li", NOON.plusSeconds(90), false))
                .as("the same words by someone else are another reply")
                .isInstanceOf(StepConflict.class);
        assertThat(replied.state()
                        .contact(new Contact(ContactChannel.PHONE, "thanks", null, "cs.mei", NOON.plusSeconds(120)))
                        .state()
                        .state())
                .as("a follow-up after the reply")
                .isEqualTo(ReviewState.REPLIED);
    }

    @Test
    void aReplyNeedsWords() {
        assertThatThrownBy(() -> LOW.reply(" ", "cs.mei", NOON, true)).hasMessage("reply is required.");
        assertThatThrownBy(() -> LOW.reply("好".repeat(501), "cs.mei", NOON, true))
                .hasMessage("reply is at most 500 characters.");
    }

    @Test
    void whereTheStorefrontPostsTheReplyItIsDueAtOnceElseThereIsNothingToPost() {
        Review toPost = LOW.reply("亲，抱歉。", "cs.mei", NOON.plusSeconds(60), true).state();
        Review byHand =
                LOW.reply("亲，抱歉。", "cs.mei", NOON.plusSeconds(60), false).state();

        assertThat(LOW.replyDueAt()).as("no reply yet").isNull();
        assertThat(toPost.reply().posting()).isEqualTo(new Review.ReplyPosting(0, null, null, null, null, null));
        assertThat(toPost.replyDueAt()).as("due when written").isEqualTo(NOON.plusSeconds(60));
        assertThat(byHand.reply().posting())
                .as("staff post it in the back office")
                .isNull();
        assertThat(byHand.replyDueAt()).isNull();
        for (Review nothingToPost : List.of(LOW, byHand)) {
            assertThat(nothingToPost.replyPosted("MR-1", NOON.plusSeconds(90)).isNone())
                    .isTrue();
            assertThat(nothingToPost
                            .replyPostFailed("503", NOON.plusSeconds(120), NOON.plusSeconds(90))
                            .isNone())
                    .isTrue();
            assertThat(nothingToPost.replyRefused("422", NOON.plusSeconds(90)).isNone())
                    .isTrue();
        }
    }

    @Test
    void aPostedReplyIsRecordedOnceWithTheStorefrontsReference() {
        Review toPost = LOW.reply("亲，抱歉。", "cs.mei", NOON, true).state();

        var posted = toPost.replyPosted("MR-REPLY-1", NOON.plusSeconds(5));

        assertThat(posted.events()).as("the reply was announced when written").isEmpty();
        Review review = posted.state();
        assertThat(review.state()).isEqualTo(ReviewState.REPLIED);
        assertThat(review.reply().posting())
                .isEqualTo(new Review.ReplyPosting(0, null, null, "MR-REPLY-1", NOON.plusSeconds(5), null));
        assertThat(review.replyDueAt()).as("nothing more to post").isNull();
        assertThat(review.timeline())
                .last()
                .isEqualTo(new Entry(NOON.plusSeconds(5), "REPLY_POSTED", "storefront", "MR-REPLY-1"));
        assertThat(review.replyPosted("MR-REPLY-1", NOON.plusSeconds(9)).isNone())
                .as("posted twice")
                .isTrue();
        assertThat(review.replyPostFailed("late answer", NOON.plusSeconds(60), NOON.plusSeconds(9))
                        .isNone())
                .isTrue();
        assertThat(review.replyRefused("409", NOON.plusSeconds(9)).isNone()).isTrue();
    }

    @Test
    void aFailedPostIsTriedAgainLaterAndOnlyTheFirstFailureGoesOnTheTimeline() {
        Review toPost = LOW.reply("亲，抱歉。", "cs.mei", NOON, true).state();

        Review failedOnce = toPost.replyPostFailed("503 Service Unavailable", NOON.plusSeconds(30), NOON.plusSeconds(1))
                .state();
        Review failedTwice = failedOnce
                .replyPostFailed("no answer in time", NOON.plusSeconds(90), NOON.plusSeconds(31))
                .state();
        Review posted =
                failedTwice.replyPosted("MR-REPLY-1", NOON.plusSeconds(91)).state();

        assertThat(failedOnce.reply().posting())
                .isEqualTo(
                        new Review.ReplyPosting(1, "503 Service Unavailable", NOON.plusSeconds(30), null, null, null));
        assertThat(failedOnce.replyDueAt()).isEqualTo(NOON.plusSeconds(30));
        assertThat(failedTwice.reply().posting().attempts()).isEqualTo(2);
        assertThat(failedTwice.reply().posting().lastFailure()).isEqualTo("no answer in time");
        assertThat(failedTwice.replyDueAt()).isEqualTo(NOON.plusSeconds(90));
        assertThat(failedTwice.timeline())
                .filteredOn(entry -> entry.what().equals("REPLY_POST_FAILED"))
                .as("an outage cannot grow the review")
                .singleElement()
                .isEqualTo(
                        new Entry(NOON.plusSeconds(1), "REPLY_POST_FAILED", "storefront", "503 Service Unavailable"));
        assertThat(posted.reply().posting())
                .isEqualTo(new Review.ReplyPosting(2, null, null, "MR-REPLY-1", NOON.plusSeconds(91), null));
        assertThat(posted.replyDueAt()).isNull();
        assertThat(toPost.replyPostFailed("x".repeat(900), NOON.plusSeconds(30), NOON)
                        .state()
                        .reply()
                        .posting()
                        .lastFailure())
                .as("what the storefront said, cut")
                .hasSize(500);
    }

    @Test
    void aReplyRefusedForGoodIsNotDueAgainAndShowsWhyWhileTheReviewStaysReplied() {
        Review failed = LOW.reply("亲，加微信 138…", "cs.mei", NOON, true)
                .state()
                .replyPostFailed("503", NOON.plusSeconds(30), NOON)
                .state();

        Review refused = failed.replyRefused("422 the reply names a phone number", NOON.plusSeconds(30))
                .state();

        assertThat(refused.state()).isEqualTo(ReviewState.REPLIED);
        assertThat(refused.reply().posting())
                .isEqualTo(new Review.ReplyPosting(
                        2, "422 the reply names a phone number", null, null, null, NOON.plusSeconds(30)));
        assertThat(refused.replyDueAt()).as("not asked again by itself").isNull();
        assertThat(refused.timeline())
                .last()
                .isEqualTo(new Entry(
                        NOON.plusSeconds(30), "REPLY_REFUSED", "storefront", "422 the reply names a phone number"));
        assertThat(refused.replyRefused("422", NOON.plusSeconds(60)).isNone()).isTrue();
        assertThat(refused.replyPosted("MR-REPLY-1", NOON.plusSeconds(60)).isNone())
                .isTrue();
    }

    @Test
    void aStoredReviewFromBeforeThePostsHasNothingToPostWhateverItsDocumentSays() {
        Review replied = LOW.reply("亲，抱歉。", "cs.mei", NOON, false).state();

        Review stored = new Review(
                replied.id(),
                replied.storeId(),
                replied.reviewId(),
                replied.orderId(),
                replied.buyerNick(),
                replied.rating(),
                replied.text(),
                replied.images(),
                replied.createdAt(),
                replied.receivedAt(),
                replied.low(),
                replied.state(),
                replied.contacts(),
                new Review.Reply("亲，抱歉。", "cs.mei", NOON, null),
                replied.timeline(),
                NOON,
                null);

        assertThat(stored.replyDueAt()).as("derived, not read").isNull();
        assertThat(stored.lastStepAt()).isEqualTo(NOON);
    }

    @Test
    void aStoresLowRatingIsOneToFiveStarsAndThreeUnlessSet() {
        assertThat(AfterSalePolicy.NONE.lowRating()).isEqualTo(3);
        assertThat(new AfterSalePolicy(null, null, null, 0, List.of()).lowRating())
                .isEqualTo(3);
        assertThatThrownBy(() -> new AfterSalePolicy(null, null, null, 0, List.of(), 0))
                .hasMessageContaining("low-rating");
        assertThatThrownBy(() -> new AfterSalePolicy(null, null, null, 0, List.of(), 6))
                .hasMessageContaining("low-rating");
    }
}
