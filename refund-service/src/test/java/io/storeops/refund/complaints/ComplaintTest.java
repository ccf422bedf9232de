package io.storeops.refund.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.events.refund.ComplaintOpened;
import io.storeops.contracts.events.refund.ComplaintResolved;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintTest {

    private static final Instant NOON = Instant.parse("2026-12-01T04:00:00Z");
    private static final String ORDER = "tmall-flagship:T1";
    private static final Complaint.Opening LATE = new Complaint.Opening(
            ORDER, ContactChannel.CHAT, ComplaintCategory.LOGISTICS, "parcel three days late", "茶友小王");

    private static final Complaint OPEN = Complaint.open(
                    Optional.empty(), "cp-1", "tmall-flagship", LATE, "cs.mei", NOON)
            .state();

    @Test
    void aComplaintIsOpenedOnceAndAnnounced() {
        var opened = Complaint.open(Optional.empty(), "cp-1", "tmall-flagship", LATE, "cs.mei", NOON);

        assertThat(opened.events())
                .singleElement()
                .isEqualTo(new ComplaintOpened(ORDER, "tmall-flagship", "cp-1", "CHAT", "LOGISTICS", "cs.mei", NOON));
        assertThat(opened.state().state()).isEqualTo(ComplaintState.OPEN);
        assertThat(opened.state().buyerNick()).isEqualTo("茶友小王");
        assertThat(opened.state().timeline())
                .singleElement()
                .isEqualTo(new Entry(NOON, "OPENED", "cs.mei", "CHAT · LOGISTICS: parcel three days late"));
        assertThat(opened.state().lastStepAt()).isEqualTo(NOON);
        assertThat(Complaint.open(Optional.of(OPEN), "cp-1", "tmall-flagship", LATE, "cs.mei", NOON.plusSeconds(5))
                        .isNone())
                .as("a retried entry")
                .isTrue();
    }

    @Test
    void anIdOfAnotherOrdersComplaintIsRefused() {
        Complaint.Opening other = new Complaint.Opening(
                "tmall-flagship:T2", ContactChannel.PHONE, ComplaintCategory.QUALITY, "cracked", null);

        assertThatThrownBy(() -> Complaint.open(Optional.of(OPEN), "cp-1", "tmall-flagship", other, "cs.mei", NOON))
                .isInstanceOfSatisfying(
                        StepConflict.class,
                        conflict -> assertThat(conflict.kind()).isEqualTo("complaint-id"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "no channel       | null  | QUALITY | cracked | channel is required",
                "no category      | PHONE | null    | cracked | category is required",
                "no description   | PHONE | QUALITY | '  '    | description is required",
            })
    void anOpeningWithoutWhatItNeedsIsRefused(
            String why, ContactChannel channel, ComplaintCategory category, String description, String message) {
        Complaint.Opening opening = new Complaint.Opening(ORDER, channel, category, description, null);

        assertThatThrownBy(() -> Complaint.open(Optional.empty(), "cp-2", "tmall-flagship", opening, "cs.mei", NOON))
                .as(why)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aLongDescriptionIsRefused() {
        Complaint.Opening opening =
                new Complaint.Opening(ORDER, ContactChannel.PHONE, ComplaintCategory.QUALITY, "x".repeat(501), null);

        assertThatThrownBy(() -> Complaint.open(Optional.empty(), "cp-2", "tmall-flagship", opening, "cs.mei", NOON))
                .hasMessage("description is at most 500 characters.");
    }

    @Test
    void contactsPutItInProgressAndGoOnTheTimeline() {
        Complaint talked = OPEN.contact(new Contact(
                        ContactChannel.PHONE, " apologised, a coupon ", "accepts", "cs.li", NOON.plusSeconds(60)))
                .state();

        assertThat(talked.state()).isEqualTo(ComplaintState.IN_PROGRESS);
        assertThat(talked.contacts())
                .singleElement()
                .isEqualTo(new Contact(
                        ContactChannel.PHONE, "apologised, a coupon", "accepts", "cs.li", NOON.plusSeconds(60)));
        assertThat(talked.timeline())
                .last()
                .isEqualTo(new Entry(
                        NOON.plusSeconds(60), "CONTACT", "cs.li", "PHONE: apologised, a coupon; buyer: accepts"));
        assertThat(talked.lastStepAt()).isEqualTo(NOON.plusSeconds(60));
        assertThatThrownBy(() -> OPEN.contact(new Contact(ContactChannel.PHONE, null, "ok", "cs.li", NOON)))
                .hasMessage("offered is required.");
        assertThatThrownBy(() -> OPEN.contact(new Contact(null, "sorry", null, "cs.li", NOON)))
                .hasMessageStartingWith("channel is required");
    }

    @Test
    void aResolutionEndsItAndIsAnnouncedWithItsRefundCase() {
        var resolved = OPEN.resolve(
                ComplaintOutcome.REFUND_CASE, "return opened", " rf-7 ", Set.of("rf-7"), "cs.li", NOON.plusSeconds(90));

        assertThat(resolved.state().state()).isEqualTo(ComplaintState.RESOLVED);
        assertThat(resolved.state().resolution())
                .isEqualTo(new Complaint.Resolution(
                        ComplaintOutcome.REFUND_CASE, "return opened", "rf-7", "cs.li", NOON.plusSeconds(90)));
        assertThat(resolved.events())
                .singleElement()
                .isEqualTo(new ComplaintResolved(
                        ORDER,
                        "tmall-flagship",
                        "cp-1",
                        "LOGISTICS",
                        "REFUND_CASE",
                        "rf-7",
                        "cs.li",
                        NOON.plusSeconds(90)));
        assertThatThrownBy(() ->
                        resolved.state().resolve(ComplaintOutcome.APOLOGY, "again", null, Set.of(), "cs.li", NOON))
                .isInstanceOfSatisfying(
                        StepConflict.class,
                        conflict -> assertThat(conflict.current()).isEqualTo("RESOLVED"));
        assertThatThrownBy(() -> resolved.state().withdraw(null, "cs.li", NOON)).isInstanceOf(StepConflict.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "no outcome                | null        | sorry | null | outcome is required",
                "no note                   | APOLOGY     | ' '   | null | note is required",
                "refund case without case  | REFUND_CASE | done  | null | refundCaseId is required",
                "case with another outcome | APOLOGY     | done  | rf-7 | refundCaseId goes only with",
                "case of another order     | REFUND_CASE | done  | rf-9 | refundCaseId must name a refund case",
            })
    void aResolutionThatDoesNotHoldIsRefused(
            String why, ComplaintOutcome outcome, String note, String caseId, String message) {
        assertThatThrownBy(() -> OPEN.resolve(outcome, note, caseId, Set.of("rf-7"), "cs.li", NOON))
                .as(why)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aWithdrawalEndsItAnnouncedAsWithdrawn() {
        var withdrawn = OPEN.withdraw("parcel arrived", "cs.li", NOON.plusSeconds(30));

        assertThat(withdrawn.state().state()).isEqualTo(ComplaintState.WITHDRAWN);
        assertThat(withdrawn.state().resolution()).isNull();
        assertThat(withdrawn.events())
                .singleElement()
                .isEqualTo(new ComplaintResolved(
                        ORDER,
                        "tmall-flagship",
                        "cp-1",
                        "LOGISTICS",
                        "WITHDRAWN",
                        null,
                        "cs.li",
                        NOON.plusSeconds(30)));
        assertThat(withdrawn.state().timeline()).extracting(Entry::what).containsExactly("OPENED", "WITHDRAW");
    }

    @Test
    void contactsAreBounded() {
        Complaint busy = OPEN;
        for (int contact = 0; contact < Texts.CONTACT_LIMIT; contact++) {
            busy = busy.contact(new Contact(ContactChannel.CHAT, "again", null, "cs.li", NOON))
                    .state();
        }
        Complaint full = busy;

        assertThatThrownBy(() -> full.contact(new Contact(ContactChannel.CHAT, "again", null, "cs.li", NOON)))
                .hasMessage("at most 100 contacts are recorded.");
    }
}
