package io.storeops.refund.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The steps a person is offered on a complaint or a review: whether their role handles them, and
 * what the record's lifecycle takes where it stands; the names are the routes'.
 */
class DeskStepTest {

    private static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    private static final String STORE = "tmall-flagship";
    private static final Contact TALKED = new Contact(ContactChannel.PHONE, "apologised", "ok", "cs.mei", NOON);

    private static final Complaint OPEN = Complaint.open(
                    Optional.empty(),
                    "cp-1",
                    STORE,
                    new Complaint.Opening(
                            "tmall-flagship:T1",
                            ContactChannel.CHAT,
                            ComplaintCategory.LOGISTICS,
                            "parcel three days late",
                            null),
                    "cs.mei",
                    NOON)
            .state();

    private static Review received(int rating) {
        return Review.received(
                        Optional.empty(),
                        STORE,
                        new Review.Posted("RV-" + rating, "T1", "茶友", rating, "…", List.of(), null),
                        3,
                        NOON)
                .state();
    }

    @Test
    void customerServiceIsOfferedEveryStepOfAComplaintUntilItEnds() {
        Complaint inProgress = OPEN.contact(TALKED).state();
        Complaint resolved = inProgress
                .resolve(ComplaintOutcome.APOLOGY, "said sorry", null, Set.of(), "cs.mei", NOON)
                .state();
        Complaint withdrawn = OPEN.withdraw(null, "cs.mei", NOON).state();

        assertThat(DeskStep.offered(OPEN, true)).containsExactly("contacts", "resolution", "withdrawal");
        assertThat(DeskStep.offered(inProgress, true)).containsExactly("contacts", "resolution", "withdrawal");
        assertThat(DeskStep.offered(resolved, true)).as("ended").isEmpty();
        assertThat(DeskStep.offered(withdrawn, true)).as("ended").isEmpty();
        assertThat(DeskStep.offered(OPEN, false))
                .as("a supervisor or the store manager looks on")
                .isEmpty();
    }

    @Test
    void aReviewIsContactedAboutAndRepliedToOnceLowOrNot() {
        Review low = received(2);
        Review noted = received(5);
        Review contacted = low.contact(TALKED).state();
        Review replied = contacted.reply("亲，抱歉。", "cs.mei", NOON, false).state();

        assertThat(List.of(low.state(), noted.state(), contacted.state(), replied.state()))
                .containsExactly(ReviewState.NEW, ReviewState.NOTED, ReviewState.CONTACTED, ReviewState.REPLIED);
        assertThat(DeskStep.offered(low, true)).containsExactly("contacts", "reply");
        assertThat(DeskStep.offered(noted, true)).containsExactly("contacts", "reply");
        assertThat(DeskStep.offered(contacted, true)).containsExactly("contacts", "reply");
        assertThat(DeskStep.offered(replied, true))
                .as("the reply is written once; the buyer may still be contacted")
                .containsExactly("contacts");
        assertThat(DeskStep.offered(low, false)).isEmpty();
    }

    @Test
    void everyCommandOfTheLifecyclesHasItsStep() {
        assertThat(DeskStep.ON_A_COMPLAINT).extracting(DeskStep::command).containsExactly(ComplaintCommand.values());
        assertThat(DeskStep.ON_A_REVIEW).extracting(DeskStep::command).containsExactly(ReviewCommand.values());
    }

    @Test
    void theDesksOpenComplaintsAndUnrepliedReviewsAreThoseNotEndedAndNotReplied() {
        assertThat(ComplaintState.notEnded()).containsExactly(ComplaintState.OPEN, ComplaintState.IN_PROGRESS);
        assertThat(ReviewState.unreplied()).containsExactly(ReviewState.NEW, ReviewState.NOTED, ReviewState.CONTACTED);
    }
}
