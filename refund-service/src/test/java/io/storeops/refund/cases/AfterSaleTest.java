package io.storeops.refund.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.contracts.events.refund.RefundRequested;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AfterSaleTest {

    private static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    /** Two teas at 128.00 and a cup at 30.00, 10.00 shipping, 10.00 off: 286.00 paid. */
    private static final OrderPaid PAID = new OrderPaid(
            "tmall-flagship:T1",
            "tmall-flagship",
            "storefront",
            "T1",
            List.of(
                    new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, "CNY")),
                    new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"))),
            new Money(1000, "CNY"),
            new Money(28600, "CNY"),
            NOON,
            null,
            null,
            null,
            List.of(),
            null);

    private static final AfterSale OPEN = AfterSale.open(Optional.empty(), PAID).state();

    @Test
    void aPaidOrderOpensItsFileOnceWithWhatEachLineCost() {
        assertThat(OPEN.lines()).extracting(AfterSale.PaidLine::paidMinor).containsExactly(25600L, 3000L);
        assertThat(OPEN.refundable()).isEqualTo(new Money(28600, "CNY"));
        assertThat(AfterSale.open(Optional.of(OPEN), PAID).isNone()).isTrue();
    }

    @Test
    void aRequestIsAnnouncedOnceWithItsUnitsAndAmount() {
        var requested = OPEN.request(cupBack("rf-1"), "cs.li", NOON);

        assertThat(requested.events()).singleElement().isInstanceOfSatisfying(RefundRequested.class, event -> {
            assertThat(event.refundId()).isEqualTo("rf-1");
            assertThat(event.type()).isEqualTo("RETURN_AND_REFUND");
            assertThat(event.amount()).isEqualTo(new Money(3000, "CNY"));
            assertThat(event.lines()).containsExactly(new ItemQuantity("CUP-GL-01", 1));
        });
        assertThat(requested.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REQUESTED);
        assertThat(requested.state().request(cupBack("rf-1"), "cs.li", NOON).isNone())
                .as("the same case again")
                .isTrue();
        assertThat(requested.state().refundable())
                .as("a request holds nothing until approved")
                .isEqualTo(new Money(28600, "CNY"));
    }

    @Test
    void neverMoreThanWasPaidPerLineForShippingAndInAll() {
        assertThatThrownBy(() -> OPEN.request(refundOnly("rf-1", new CaseLine(1, 1, 3001)), "cs.li", NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 has CNY 30.00 left to refund: CNY 30.01 asked.");
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1", CaseType.REFUND_ONLY, "late", false, List.of(), 1001, List.of(), "CS"),
                        "cs.li",
                        NOON))
                .hasMessage("shipping has CNY 10.00 left to refund: CNY 10.01 asked.");
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.REFUND_ONLY,
                                "all of it",
                                false,
                                List.of(new CaseLine(0, 2, 25600), new CaseLine(1, 1, 3000)),
                                1000,
                                List.of(),
                                "CS"),
                        "cs.li",
                        NOON))
                .as("the discount: 296.00 of lines and shipping, 286.00 paid")
                .hasMessage("the order has CNY 286.00 left to refund: CNY 296.00 asked.");
        assertThatThrownBy(() -> OPEN.request(refundOnly("rf-1", new CaseLine(2, 1, 100)), "cs.li", NOON))
                .hasMessage("lineIndex must be 0 to 1: the order has 2 line(s).");
        assertThatThrownBy(() -> OPEN.request(refundOnly("rf-1", new CaseLine(0, 3, 100)), "cs.li", NOON))
                .hasMessage("line 0 has 2 unit(s) left: 3 asked.");
        assertThatThrownBy(() -> OPEN.request(refundOnly("rf-1", new CaseLine(0, 0, -1)), "cs.li", NOON))
                .hasMessage("quantity and amountMinor must not be negative.");
        assertThatThrownBy(() -> OPEN.request(
                        refundOnly("rf-1", new CaseLine(0, 1, 100), new CaseLine(0, 1, 100)), "cs.li", NOON))
                .hasMessage("line 0 is listed twice.");
    }

    @Test
    void anApprovedCaseHoldsItsAmountSoThatTwoApprovalsNeverExceedWhatWasPaid() {
        AfterSale twoAsks = OPEN.request(refundOnly("rf-1", new CaseLine(1, 1, 2000)), "cs.li", NOON)
                .state()
                .request(refundOnly("rf-2", new CaseLine(1, 0, 2000)), "cs.wang", NOON)
                .state();

        AfterSale oneApproved =
                twoAsks.approve("rf-1", "sup.chen", false, null, NOON).state();

        assertThat(oneApproved.refundable()).isEqualTo(new Money(26600, "CNY"));
        assertThatThrownBy(() -> oneApproved.approve("rf-2", "sup.chen", false, null, NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 has CNY 10.00 left to refund: CNY 20.00 asked.");
        assertThatThrownBy(() -> oneApproved.approve("rf-1", "sup.zhou", false, null, NOON))
                .as("decided already")
                .isInstanceOf(CaseConflict.class);
    }

    @Test
    void whoOpenedOrNegotiatedACaseMayNotDecideItButATimerMay() {
        AfterSale negotiated = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 500)), "cs.li", NOON)
                .state()
                .reject("rf-1", "sup.chen", "send photos of the crack", NOON)
                .state()
                .negotiate("rf-1", new RefundCase.Contact("PHONE", "5.00 back", "accepts", "cs.wang", NOON))
                .state()
                .revise("rf-1", null, List.of(new CaseLine(1, 0, 500)), 0, "cs.wang", NOON)
                .state();

        assertThatThrownBy(() -> negotiated.approve("rf-1", "cs.li", false, null, NOON))
                .isInstanceOf(FourEyesViolation.class)
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> negotiated.approve("rf-1", "cs.wang", false, null, NOON))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(negotiated
                        .approve("rf-1", "timer", true, "seller did not answer in time", NOON)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundApproved.class,
                        approved -> assertThat(approved.autoApproved()).isTrue());
    }

    @Test
    void aRejectionIsNegotiatedRevisedAndDecidedAgainWithEveryStepOnTheTimeline() {
        var rejected = OPEN.request(refundOnly("rf-1", new CaseLine(0, 1, 12800)), "cs.li", NOON)
                .state()
                .reject("rf-1", "sup.chen", "the tea was opened", NOON);
        assertThat(rejected.events()).singleElement().isInstanceOf(RefundRejected.class);
        assertThatThrownBy(() -> rejected.state().reject("rf-1", "sup.zhou", "again", NOON))
                .isInstanceOf(CaseConflict.class);

        AfterSale negotiating = rejected.state()
                .negotiate("rf-1", new RefundCase.Contact("CHAT", "half back", "wants 80.00", "cs.wang", NOON))
                .state();
        var revised =
                negotiating.revise("rf-1", "opened tea, partly", List.of(new CaseLine(0, 0, 8000)), 0, "cs.wang", NOON);
        assertThat(revised.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundRequested.class,
                        again -> assertThat(again.amount()).isEqualTo(new Money(8000, "CNY")));
        AfterSale approved =
                revised.state().approve("rf-1", "sup.chen", false, "fair", NOON).state();

        RefundCase refund = approved.find("rf-1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.timeline())
                .extracting(RefundCase.Entry::what)
                .containsExactly("REQUESTED", "REJECT", "NEGOTIATE", "REVISE", "APPROVE");
        assertThat(refund.contacts())
                .singleElement()
                .extracting(RefundCase.Contact::buyerAnswer)
                .isEqualTo("wants 80.00");
        assertThat(refund.decision().by()).isEqualTo("sup.chen");
    }

    @Test
    void aReturnWaitsForTheParcelIsPaidOnceReceivedAndCompletesOnce() {
        AfterSale awaiting = OPEN.request(cupBack("rf-1"), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();
        assertThat(awaiting.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(awaiting.paid("rf-1", "PAY-1", "payout", NOON).isNone())
                .as("nothing to pay before the parcel")
                .isTrue();

        AfterSale shipped =
                awaiting.returnShipped("rf-1", "SF1234567890123", "buyer", NOON).state();
        assertThat(shipped.returnShipped("rf-1", "SF1234567890123", "buyer", NOON)
                        .isNone())
                .isTrue();
        AfterSale received = shipped.returnReceived("rf-1", CUP, "CUP-GL-01: 1 resellable", "wh.zhao", NOON)
                .state();
        assertThat(received.returnReceived("rf-1", CUP, "again", "wh.zhao", NOON)
                        .isNone())
                .isTrue();
        assertThat(received.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REFUNDING);

        var paid = received.paid("rf-1", "PAY-1", "payout", NOON);
        assertThat(paid.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundCompleted.class, done -> assertThat(done.amount()).isEqualTo(new Money(3000, "CNY")));
        assertThat(paid.state().refunded()).isEqualTo(new Money(3000, "CNY"));
        assertThat(paid.state().refundable()).isEqualTo(new Money(25600, "CNY"));
        assertThat(paid.state().paid("rf-1", "PAY-1", "payout", NOON).isNone())
                .as("paid once")
                .isTrue();
    }

    @Test
    void anUnshippedReturnOrAWithdrawalClosesTheCaseAndGivesItsAmountBack() {
        AfterSale awaiting = OPEN.request(cupBack("rf-1"), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();

        var expired = awaiting.returnExpired("rf-1", NOON);
        assertThat(expired.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundClosed.class,
                        closed -> assertThat(closed.reason()).isEqualTo("RETURN_NOT_SHIPPED"));
        assertThat(expired.state().refundable()).isEqualTo(new Money(28600, "CNY"));
        assertThatThrownBy(() -> expired.state().withdraw("rf-1", "buyer", NOON))
                .isInstanceOf(CaseConflict.class)
                .hasMessageContaining("open a new case");
        assertThatThrownBy(() -> OPEN.withdraw("rf-9", "buyer", NOON)).isInstanceOf(CaseNotFound.class);
    }

    @Test
    void anOrderCancelledBeforeDispatchIsPaidBackWhatIsLeftAtOnceAndOnce() {
        var cancelled = OPEN.cancelledBeforeDispatch("buyer ordered twice", NOON);

        assertThat(cancelled.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundRequested", "RefundApproved");
        RefundCase refund =
                cancelled.state().find("rf-cancelled-tmall-flagship:T1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.decision().automatic()).isTrue();
        assertThat(refund.amountMinor()).as("what was paid, discount and all").isEqualTo(28600);
        assertThat(refund.lines()).containsExactly(new CaseLine(0, 2, 25600), new CaseLine(1, 1, 2000));
        assertThat(cancelled.state().refundable().amountMinor()).isZero();
        assertThat(cancelled.state().cancelledBeforeDispatch("again", NOON).isNone())
                .isTrue();
    }

    @Test
    void aCancellationAfterAnApprovedPartialRefundPaysBackTheRest() {
        AfterSale partly = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1000)), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();

        RefundCase rest = partly.cancelledBeforeDispatch("out of stock", NOON)
                .state()
                .find("rf-cancelled-tmall-flagship:T1")
                .orElseThrow();

        assertThat(rest.amountMinor()).isEqualTo(27600);
        assertThat(rest.shippingMinor()).isEqualTo(1000);
    }

    @Test
    void aRefundPaidInTheBackOfficeIsConfirmedOnceWithItsReference() {
        AfterSale refunding = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1000)), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();

        var confirmed = refunding.paymentConfirmed("rf-1", "TB-REFUND-1", "cs.wang", false, NOON);

        assertThat(confirmed.events()).singleElement().isInstanceOf(RefundCompleted.class);
        assertThat(confirmed.state().find("rf-1").orElseThrow().payout())
                .isEqualTo(new RefundCase.Payout(0, null, null, "TB-REFUND-1", "cs.wang"));
        assertThat(confirmed
                        .state()
                        .paymentConfirmed("rf-1", "TB-REFUND-1", "cs.wang", false, NOON)
                        .isNone())
                .isTrue();
        assertThatThrownBy(() -> confirmed.state().paymentConfirmed("rf-1", "TB-REFUND-2", "cs.wang", false, NOON))
                .isInstanceOf(CaseConflict.class);
        assertThatThrownBy(() -> refunding.paymentConfirmed("rf-1", "TB-REFUND-1", "cs.wang", true, NOON))
                .as("the store's gateway pays")
                .hasMessageContaining("payout gateway");
        var failed = refunding.payoutFailed("rf-1", "503", NOON.plusSeconds(5), NOON);
        assertThat(failed.state().find("rf-1").orElseThrow().payout().attempts())
                .isEqualTo(1);
        assertThat(failed.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REFUNDING);
    }

    private static final List<ItemQuantity> CUP = List.of(new ItemQuantity("CUP-GL-01", 1));

    @Test
    void aReturnIsPaidOnlyOnceEveryUnitItTakesBackArrivedWhateverTheParcels() {
        AfterSale awaiting = OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.RETURN_AND_REFUND,
                                "wrong colour",
                                true,
                                List.of(new CaseLine(0, 2, 25600)),
                                0,
                                List.of(),
                                "CS"),
                        "cs.li",
                        NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();
        List<ItemQuantity> oneTea = List.of(new ItemQuantity("TEA-LJ-250", 1));

        AfterSale half = awaiting.returnReceived("rf-1", oneTea, "1 resellable", "wh.zhao", NOON)
                .state();
        assertThat(half.find("rf-1").orElseThrow().state())
                .as("one tea still to come")
                .isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(half.returnReceived("rf-1", List.of(), "0 arrived, 1 missing", "wh.zhao", NOON)
                        .state()
                        .find("rf-1")
                        .orElseThrow()
                        .state())
                .as("a short receipt pays nothing")
                .isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(half.returnReceived("rf-1", oneTea, "1 resellable", "wh.zhao", NOON)
                        .state()
                        .find("rf-1")
                        .orElseThrow()
                        .state())
                .isEqualTo(CaseState.REFUNDING);
    }

    @Test
    void theTaxOfATaxExclusiveOrderComesBackWithACancellation() {
        OrderPaid taxed = new OrderPaid(
                "shopify-us:1001",
                "shopify-us",
                "shopify",
                "1001",
                List.of(new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD"))),
                new Money(450, "USD"),
                new Money(4802, "USD"), // 39.98 + 4.50 shipping + 3.54 tax
                NOON,
                null,
                null,
                null,
                List.of(),
                null);

        var cancelled = AfterSale.open(Optional.empty(), taxed).state().cancelledBeforeDispatch("cancelled", NOON);

        assertThat(cancelled
                        .state()
                        .find("rf-cancelled-shopify-us:1001")
                        .orElseThrow()
                        .amountMinor())
                .isEqualTo(4802);
        assertThat(cancelled.state().refundable().amountMinor()).isZero();
    }

    @Test
    void unitsAreGivenBackOnceAcrossCasesAndWhoRevisedACaseMayNotDecideIt() {
        AfterSale oneCupHeld = OPEN.request(refundOnly("rf-1", new CaseLine(1, 1, 1000)), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();
        assertThatThrownBy(() -> oneCupHeld.request(refundOnly("rf-2", new CaseLine(1, 1, 1000)), "cs.li", NOON))
                .hasMessage("line 1 has 0 unit(s) left: 1 asked.");

        AfterSale revised = OPEN.request(refundOnly("rf-3", new CaseLine(0, 0, 500)), "cs.li", NOON)
                .state()
                .revise("rf-3", null, List.of(new CaseLine(0, 0, 9000)), 0, "sup.zhou", NOON)
                .state();
        assertThatThrownBy(() -> revised.approve("rf-3", "sup.zhou", false, null, NOON))
                .isInstanceOf(FourEyesViolation.class);
    }

    @Test
    void exchangesAndEmptyEvidenceAreRefusedWithAReason() {
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.EXCHANGE,
                                "size",
                                true,
                                List.of(new CaseLine(0, 1, 0)),
                                0,
                                List.of(),
                                "CS"),
                        "cs.li",
                        NOON))
                .hasMessageStartingWith("exchanges are not taken yet");
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.REFUND_ONLY,
                                "late",
                                false,
                                List.of(new CaseLine(1, 0, 100)),
                                0,
                                withNull,
                                "CS"),
                        "cs.li",
                        NOON))
                .hasMessage("each evidence item is required.");
    }

    @Test
    void theFileSaysWhenItsEarliestPayoutIsDue() {
        AfterSale refunding = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1000)), "cs.li", NOON)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON)
                .state();

        assertThat(OPEN.payoutDueAt()).as("nothing to pay").isNull();
        assertThat(refunding.payoutDueAt()).as("never tried: due at once").isEqualTo(Instant.EPOCH);
        AfterSale waiting = refunding
                .payoutFailed("rf-1", "503", NOON.plusSeconds(60), NOON)
                .state();
        assertThat(waiting.payoutDueAt()).isEqualTo(NOON.plusSeconds(60));
        assertThat(waiting.paid("rf-1", "PAY-1", "payout", NOON).state().payoutDueAt())
                .isNull();
    }

    private static AfterSale.Request cupBack(String caseId) {
        return new AfterSale.Request(
                caseId,
                CaseType.RETURN_AND_REFUND,
                "cracked on arrival",
                true,
                List.of(new CaseLine(1, 1, 3000)),
                0,
                List.of("https://img.example/crack.jpg"),
                "CS");
    }

    private static AfterSale.Request refundOnly(String caseId, CaseLine... lines) {
        return new AfterSale.Request(
                caseId, CaseType.REFUND_ONLY, "not as described", true, List.of(lines), 0, List.of(), "CS");
    }
}
