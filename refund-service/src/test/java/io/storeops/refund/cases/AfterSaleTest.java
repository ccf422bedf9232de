package io.storeops.refund.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.LineAmount;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.refund.RefundApproved;
import io.storeops.contracts.events.refund.RefundClosed;
import io.storeops.contracts.events.refund.RefundCompleted;
import io.storeops.contracts.events.refund.RefundRejected;
import io.storeops.contracts.events.refund.RefundRequested;
import io.storeops.contracts.events.refund.ReplacementRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AfterSaleTest {

    private static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");

    /** Two teas at 128.00 and a cup at 30.00, 10.00 shipping, 10.00 off: 286.00 paid. */
    private static final OrderPaid PAID = paid(
            "tmall-flagship:T1",
            List.of(
                    new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, "CNY")),
                    new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"))),
            new Money(1000, "CNY"),
            new Money(28600, "CNY"));

    private static final AfterSale OPEN = AfterSale.open(Optional.empty(), PAID).state();

    /** A Shopify order whose lines carry Shopify's line item ids: two mugs and a T-shirt. */
    private static final AfterSale SHOPIFY_WITH_LINE_IDS = AfterSale.open(
                    Optional.empty(),
                    paid(
                            "shopify-us:1001",
                            List.of(
                                    new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD"), "466157049"),
                                    new OrderLine("TEE-M", "T-shirt M", 1, new Money(2500, "USD"), "466157050")),
                            Money.zero("USD"),
                            new Money(6498, "USD")))
            .state();

    @Test
    void aPaidOrderOpensItsFileOnceWithWhatEachLineCost() {
        assertThat(OPEN.lines()).extracting(AfterSale.PaidLine::paidMinor).containsExactly(25600L, 3000L);
        assertThat(OPEN.refundable()).isEqualTo(new Money(28600, "CNY"));
        assertThat(AfterSale.open(Optional.of(OPEN), PAID).isNone()).isTrue();
    }

    @Test
    void aRequestIsAnnouncedOnceWithItsUnitsAndAmount() {
        var requested = OPEN.request(cupBack("rf-1"), "cs.li", NOON, AfterSalePolicy.NONE);

        assertThat(requested.events()).singleElement().isInstanceOfSatisfying(RefundRequested.class, event -> {
            assertThat(event.refundId()).isEqualTo("rf-1");
            assertThat(event.type()).isEqualTo("RETURN_AND_REFUND");
            assertThat(event.amount()).isEqualTo(new Money(3000, "CNY"));
            assertThat(event.lines()).containsExactly(new ItemQuantity("CUP-GL-01", 1));
        });
        assertThat(requested.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REQUESTED);
        assertThat(requested
                        .state()
                        .request(cupBack("rf-1"), "cs.li", NOON, AfterSalePolicy.NONE)
                        .isNone())
                .as("the same case again")
                .isTrue();
        assertThat(requested.state().refundable())
                .as("a request holds nothing until approved")
                .isEqualTo(new Money(28600, "CNY"));
    }

    @Test
    void aCaseIdUsedAgainForAnotherEntryIsRefusedAndTheSameEntryChangesNothingEvenAfterARevision() {
        AfterSale requested = OPEN.request(cupBack("rf-1"), "cs.li", NOON, AfterSalePolicy.NONE)
                .state();
        AfterSale.Request otherLine = new AfterSale.Request(
                "rf-1",
                CaseType.RETURN_AND_REFUND,
                "cracked on arrival",
                true,
                List.of(new CaseLine(0, 1, 12800)),
                0,
                List.of("https://img.example/crack.jpg"),
                "CS");

        assertThatThrownBy(() -> requested.request(otherLine, "cs.li", NOON, AfterSalePolicy.NONE))
                .isInstanceOf(EntryReused.class);
        AfterSale revised = requested
                .revise("rf-1", null, List.of(new CaseLine(1, 1, 1500)), 0, "cs.li", NOON, AfterSalePolicy.NONE)
                .state();
        assertThat(revised.request(cupBack("rf-1"), "cs.li", NOON, AfterSalePolicy.NONE)
                        .isNone())
                .as("a retry of the first entry, after the case moved on")
                .isTrue();
    }

    @Test
    void anApprovalSaysWhetherItGivesUpTheGoodsSoThatEvenAParcelNotYetSeenPaidStops() {
        var full = OPEN.request(
                        refundOnly("rf-1", new CaseLine(0, 2, 25600), new CaseLine(1, 1, 3000)),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, AfterSalePolicy.NONE);
        var goodwill = OPEN.request(refundOnly("rf-2", new CaseLine(1, 0, 1000)), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .approve("rf-2", "sup.chen", false, null, NOON, AfterSalePolicy.NONE);
        var allTheMoney = OPEN.request(
                        new AfterSale.Request(
                                "rf-3", CaseType.REFUND_ONLY, "late", false, List.of(), 1000, List.of(), "CS"),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-3", "sup.chen", false, null, NOON, AfterSalePolicy.NONE);

        assertThat(full.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundApproved.class,
                        event -> assertThat(event.coversTheGoods()).isTrue());
        assertThat(goodwill.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundApproved.class,
                        event -> assertThat(event.coversTheGoods())
                                .as("a price difference lets the parcel go")
                                .isFalse());
        assertThat(allTheMoney.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundApproved.class,
                        event -> assertThat(event.coversTheGoods())
                                .as("shipping alone")
                                .isFalse());
    }

    @Test
    void theBuyerModifyingAnOpenRequestOnTheStorefrontRevisesItOnceItIsDecidedItIsRefused() {
        AfterSale.Request asked = new AfterSale.Request(
                "tmall-flagship:TB-1",
                CaseType.REFUND_ONLY,
                "发货慢",
                false,
                List.of(new CaseLine(1, 0, 1000)),
                0,
                List.of(),
                AfterSale.STOREFRONT);
        AfterSale requested =
                OPEN.requestedInStorefront(asked, NOON, AfterSalePolicy.NONE).state();
        assertThat(requested
                        .requestedInStorefront(asked, NOON, AfterSalePolicy.NONE)
                        .isNone())
                .as("the same request again")
                .isTrue();
        AfterSale.Request more = new AfterSale.Request(
                asked.caseId(),
                asked.type(),
                asked.reason(),
                false,
                List.of(new CaseLine(1, 0, 1500)),
                0,
                List.of(),
                AfterSale.STOREFRONT);

        var modified = requested.requestedInStorefront(more, NOON, AfterSalePolicy.NONE);

        RefundCase revised = modified.state().find(asked.caseId()).orElseThrow();
        assertThat(revised.lines()).containsExactly(new CaseLine(1, 0, 1500));
        assertThat(revised.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("REVISE");
            assertThat(entry.by()).isEqualTo(AfterSale.BUYER);
        });
        assertThat(modified.events()).singleElement().isInstanceOf(RefundRequested.class);
        AfterSale decided = modified.state()
                .approve(asked.caseId(), "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state();
        assertThatThrownBy(() -> decided.requestedInStorefront(asked, NOON, AfterSalePolicy.NONE))
                .isInstanceOf(EntryReused.class);
    }

    @Test
    void neverMoreThanWasPaidPerLineForShippingAndInAll() {
        assertThatThrownBy(() ->
                        OPEN.request(refundOnly("rf-1", new CaseLine(1, 1, 3001)), "cs.li", NOON, AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 has CNY 30.00 left to refund: CNY 30.01 asked.");
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1", CaseType.REFUND_ONLY, "late", false, List.of(), 1001, List.of(), "CS"),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE))
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
                        NOON,
                        AfterSalePolicy.NONE))
                .as("the discount: 296.00 of lines and shipping, 286.00 paid")
                .hasMessage("the order has CNY 286.00 left to refund: CNY 296.00 asked.");
        assertThatThrownBy(() ->
                        OPEN.request(refundOnly("rf-1", new CaseLine(2, 1, 100)), "cs.li", NOON, AfterSalePolicy.NONE))
                .hasMessage("lineIndex must be 0 to 1: the order has 2 line(s).");
        assertThatThrownBy(() ->
                        OPEN.request(refundOnly("rf-1", new CaseLine(0, 3, 100)), "cs.li", NOON, AfterSalePolicy.NONE))
                .hasMessage("line 0 has 2 unit(s) left: 3 asked.");
        assertThatThrownBy(() ->
                        OPEN.request(refundOnly("rf-1", new CaseLine(0, 0, -1)), "cs.li", NOON, AfterSalePolicy.NONE))
                .hasMessage("quantity and amountMinor must not be negative.");
        assertThatThrownBy(() -> OPEN.request(
                        refundOnly("rf-1", new CaseLine(0, 1, 100), new CaseLine(0, 1, 100)),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE))
                .hasMessage("line 0 is listed twice.");
    }

    @Test
    void anApprovedCaseHoldsItsAmountSoThatTwoApprovalsNeverExceedWhatWasPaid() {
        AfterSale twoAsks = OPEN.request(
                        refundOnly("rf-1", new CaseLine(1, 1, 2000)), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .request(refundOnly("rf-2", new CaseLine(1, 0, 2000)), "cs.wang", NOON, AfterSalePolicy.NONE)
                .state();

        AfterSale oneApproved = twoAsks.approve("rf-1", "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state();

        assertThat(oneApproved.refundable()).isEqualTo(new Money(26600, "CNY"));
        assertThatThrownBy(() -> oneApproved.approve("rf-2", "sup.chen", false, null, NOON, AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 has CNY 10.00 left to refund: CNY 20.00 asked.");
        assertThatThrownBy(() -> oneApproved.approve("rf-1", "sup.zhou", false, null, NOON, AfterSalePolicy.NONE))
                .as("decided already")
                .isInstanceOf(CaseConflict.class);
    }

    @Test
    void whoOpenedOrNegotiatedACaseMayNotDecideItButATimerMay() {
        AfterSale negotiated = OPEN.request(
                        refundOnly("rf-1", new CaseLine(1, 0, 500)), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .reject("rf-1", "sup.chen", "send photos of the crack", NOON)
                .state()
                .negotiate("rf-1", new RefundCase.Contact("PHONE", "5.00 back", "accepts", "cs.wang", NOON))
                .state()
                .revise("rf-1", null, List.of(new CaseLine(1, 0, 500)), 0, "cs.wang", NOON, AfterSalePolicy.NONE)
                .state();

        assertThatThrownBy(() -> negotiated.approve("rf-1", "cs.li", false, null, NOON, AfterSalePolicy.NONE))
                .isInstanceOf(FourEyesViolation.class)
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> negotiated.approve("rf-1", "cs.wang", false, null, NOON, AfterSalePolicy.NONE))
                .isInstanceOf(FourEyesViolation.class);
        assertThat(negotiated
                        .approve("rf-1", "timer", true, "seller did not answer in time", NOON, AfterSalePolicy.NONE)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundApproved.class,
                        approved -> assertThat(approved.autoApproved()).isTrue());
    }

    @Test
    void aRejectionIsNegotiatedRevisedAndDecidedAgainWithEveryStepOnTheTimeline() {
        var rejected = OPEN.request(refundOnly("rf-1", new CaseLine(0, 1, 12800)), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .reject("rf-1", "sup.chen", "the tea was opened", NOON);
        assertThat(rejected.events()).singleElement().isInstanceOf(RefundRejected.class);
        assertThatThrownBy(() -> rejected.state().reject("rf-1", "sup.zhou", "again", NOON))
                .isInstanceOf(CaseConflict.class);

        AfterSale negotiating = rejected.state()
                .negotiate("rf-1", new RefundCase.Contact("CHAT", "half back", "wants 80.00", "cs.wang", NOON))
                .state();
        var revised = negotiating.revise(
                "rf-1",
                "opened tea, partly",
                List.of(new CaseLine(0, 0, 8000)),
                0,
                "cs.wang",
                NOON,
                AfterSalePolicy.NONE);
        assertThat(revised.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundRequested.class,
                        again -> assertThat(again.amount()).isEqualTo(new Money(8000, "CNY")));
        AfterSale approved = revised.state()
                .approve("rf-1", "sup.chen", false, "fair", NOON, AfterSalePolicy.NONE)
                .state();

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
        AfterSale awaiting = approved(OPEN, cupBack("rf-1"));
        assertThat(awaiting.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(awaiting.paid("rf-1", "PAY-1", "payout", NOON).isNone())
                .as("nothing to pay before the parcel")
                .isTrue();

        AfterSale shipped = awaiting.returnShipped("rf-1", "SF1234567890123", "buyer", NOON, AfterSalePolicy.NONE)
                .state();
        assertThat(shipped.returnShipped("rf-1", "SF1234567890123", "buyer", NOON, AfterSalePolicy.NONE)
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
        AfterSale awaiting = OPEN.request(cupBack("rf-1"), "cs.li", NOON, TMALL_TERMS)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, TMALL_TERMS)
                .state();

        var expired = awaiting.deadlinesPassed(NOON.plus(Duration.ofDays(7)), TMALL_TERMS);
        assertThat(expired.state().find("rf-1").orElseThrow().timeline())
                .last()
                .extracting(RefundCase.Entry::what, RefundCase.Entry::by)
                .containsExactly("EXPIRE", "timer");
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
    void anOrderCancelledBeforeDispatchIsPaidBackWhatIsLeftOnceTheWarehouseStoppedItsParcel() {
        AfterSale inWarehouse =
                OPEN.parcelMoved("shp-T1", Parcel.Status.IN_WAREHOUSE, NOON).state();

        var cancelled = inWarehouse.cancelledBeforeDispatch("buyer ordered twice", NOON);

        assertThat(cancelled.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundRequested");
        RefundCase waiting =
                cancelled.state().find("rf-cancelled-tmall-flagship:T1").orElseThrow();
        assertThat(waiting.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(waiting.timeline()).last().extracting(RefundCase.Entry::what).isEqualTo("WAITING_FOR_WAREHOUSE");

        var stopped = cancelled.state().parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON);

        assertThat(stopped.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundApproved");
        RefundCase refund =
                stopped.state().find("rf-cancelled-tmall-flagship:T1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.decision().automatic()).isTrue();
        assertThat(refund.amountMinor()).as("what was paid, discount and all").isEqualTo(28600);
        assertThat(refund.lines()).containsExactly(new CaseLine(0, 2, 25600), new CaseLine(1, 1, 2000));
        assertThat(stopped.state().refundable().amountMinor()).isZero();
        assertThat(stopped.state().cancelledBeforeDispatch("again", NOON).isNone())
                .isTrue();
        assertThat(stopped.state()
                        .parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                        .isNone())
                .as("the same report again")
                .isTrue();
    }

    @Test
    void aParcelStoppedBeforeTheCancellationArrivedLetsItBePaidAtOnce() {
        var cancelled = OPEN.parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                .state()
                .cancelledBeforeDispatch("buyer ordered twice", NOON);

        assertThat(cancelled
                        .state()
                        .find("rf-cancelled-tmall-flagship:T1")
                        .orElseThrow()
                        .state())
                .isEqualTo(CaseState.REFUNDING);
    }

    @Test
    void aParcelThatLeftBeforeTheCancellationReachedTheWarehouseLeavesTheRefundToASupervisor() {
        AfterSale cancelled = OPEN.parcelMoved("shp-T1", Parcel.Status.IN_WAREHOUSE, NOON)
                .state()
                .cancelledBeforeDispatch("buyer ordered twice", NOON)
                .state();

        var left = cancelled.parcelMoved("shp-T1", Parcel.Status.DISPATCHED, NOON.plusSeconds(5));

        assertThat(left.events()).isEmpty();
        RefundCase refund = left.state().find("rf-cancelled-tmall-flagship:T1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(refund.timeline()).last().extracting(RefundCase.Entry::what).isEqualTo("PARCEL_LEFT");
        assertThat(left.state()
                        .parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                        .isNone())
                .as("a parcel that left is not stopped afterwards")
                .isTrue();
        assertThat(left.state()
                        .approve(
                                "rf-cancelled-tmall-flagship:T1",
                                "sup.chen",
                                false,
                                "intercepted",
                                NOON,
                                AfterSalePolicy.NONE)
                        .state()
                        .find("rf-cancelled-tmall-flagship:T1")
                        .orElseThrow()
                        .state())
                .isEqualTo(CaseState.REFUNDING);
    }

    @Test
    void parcelsReportedBeforeThePaymentStayOnTheFileSoThatACancellationIsPaidBackAtOnce() {
        AfterSale awaiting = AfterSale.awaitingPayment("tmall-flagship:T1", "tmall-flagship")
                .parcelMade("shp-T1", null, NOON)
                .state()
                .parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                .state();
        assertThat(awaiting.isPaid()).isFalse();

        AfterSale opened = AfterSale.open(Optional.of(awaiting), PAID).state();

        assertThat(opened.isPaid()).isTrue();
        assertThat(opened.parcels()).containsExactly(new Parcel("shp-T1", Parcel.Status.STOPPED, null));
        assertThat(opened.refundable()).isEqualTo(new Money(28600, "CNY"));
        assertThat(AfterSale.open(Optional.of(opened), PAID).isNone())
                .as("the payment again")
                .isTrue();
        var cancelled = opened.cancelledBeforeDispatch("buyer ordered twice", NOON);
        assertThat(cancelled.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundRequested", "RefundApproved");
        RefundCase refund =
                cancelled.state().find("rf-cancelled-tmall-flagship:T1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.decision().automatic()).isTrue();
        assertThat(refund.amountMinor()).isEqualTo(28600);
    }

    @Test
    void aParcelThatLeftBeforeThePaymentArrivedLeavesTheCancellationToASupervisor() {
        AfterSale awaiting = AfterSale.awaitingPayment("tmall-flagship:T1", "tmall-flagship")
                .parcelMoved("shp-T1", Parcel.Status.DISPATCHED, NOON)
                .state();

        RefundCase refund = AfterSale.open(Optional.of(awaiting), PAID)
                .state()
                .cancelledBeforeDispatch("buyer ordered twice", NOON)
                .state()
                .find("rf-cancelled-tmall-flagship:T1")
                .orElseThrow();

        assertThat(refund.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(refund.timeline()).last().extracting(RefundCase.Entry::what).isEqualTo("PARCEL_LEFT");
    }

    @Test
    void anOrderWithoutGoodsToShipIsPaidBackAtOnceWhenCancelled() {
        OrderPaid giftCard = paid(
                "tmall-flagship:G1",
                List.of(new OrderLine(null, "Gift card 100", 1, new Money(10000, "CNY"))),
                Money.zero("CNY"),
                new Money(10000, "CNY"));

        var cancelled = AfterSale.open(Optional.empty(), giftCard).state().cancelledBeforeDispatch("unwanted", NOON);

        assertThat(cancelled
                        .state()
                        .find("rf-cancelled-tmall-flagship:G1")
                        .orElseThrow()
                        .state())
                .isEqualTo(CaseState.REFUNDING);
    }

    @Test
    void anApprovedReturnWhoseGoodsNeverLeftIsPaidWithoutAParcelBack() {
        AfterSale awaiting = OPEN.parcelMoved("shp-T1", Parcel.Status.IN_WAREHOUSE, NOON)
                .state()
                .request(cupBack("rf-1"), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state();

        RefundCase refund = awaiting.parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                .state()
                .find("rf-1")
                .orElseThrow();

        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("RECEIVE");
            assertThat(entry.detail()).contains("never left the warehouse");
        });
    }

    @Test
    void aCancellationAfterAnApprovedPartialRefundPaysBackTheRest() {
        AfterSale partly = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 1000)));

        RefundCase rest = partly.cancelledBeforeDispatch("out of stock", NOON)
                .state()
                .find("rf-cancelled-tmall-flagship:T1")
                .orElseThrow();

        assertThat(rest.amountMinor()).isEqualTo(27600);
        assertThat(rest.shippingMinor()).isEqualTo(1000);
    }

    @Test
    void aCancellationAfterAUnitWasRefundedTakesTheOtherUnitsAndIsNotRefused() {
        AfterSale oneTeaBack = approved(OPEN, refundOnly("rf-1", new CaseLine(0, 1, 12800)));

        RefundCase rest = oneTeaBack
                .parcelMoved("shp-T1", Parcel.Status.STOPPED, NOON)
                .state()
                .cancelledBeforeDispatch("out of stock", NOON)
                .state()
                .find("rf-cancelled-tmall-flagship:T1")
                .orElseThrow();

        assertThat(rest.lines()).first().isEqualTo(new CaseLine(0, 1, 12800));
        assertThat(rest.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(rest.amountMinor()).as("the rest of what was paid").isEqualTo(28600 - 12800);
    }

    @Test
    void aCompletedRefundSaysWhatWentBackPerSkuAndLeavesShippingToTheOrder() {
        AfterSale refunding = approved(
                OPEN,
                new AfterSale.Request(
                        "rf-1",
                        CaseType.REFUND_ONLY,
                        "not as described",
                        true,
                        List.of(new CaseLine(0, 1, 12800), new CaseLine(1, 0, 1000)),
                        500,
                        List.of(),
                        "CS"));

        var confirmed = refunding.paymentConfirmed("rf-1", "TB-REFUND-1", "cs.wang", false, NOON);

        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(RefundCompleted.class, done -> {
            assertThat(done.amount()).isEqualTo(new Money(14300, "CNY"));
            assertThat(done.lines())
                    .containsExactly(
                            new LineAmount("TEA-LJ-250", 1, new Money(12800, "CNY")),
                            new LineAmount("CUP-GL-01", 0, new Money(1000, "CNY")));
        });
    }

    @Test
    void aRefundPaidInTheBackOfficeIsConfirmedOnceWithItsReference() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 1000)));

        var confirmed = refunding.paymentConfirmed("rf-1", "TB-REFUND-1", "cs.wang", false, NOON);

        assertThat(confirmed.events()).singleElement().isInstanceOf(RefundCompleted.class);
        assertThat(confirmed.state().find("rf-1").orElseThrow().payout())
                .isEqualTo(new RefundCase.Payout(0, null, null, "TB-REFUND-1", "cs.wang", 0, false));
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
        AfterSale awaiting = approved(
                OPEN,
                new AfterSale.Request(
                        "rf-1",
                        CaseType.RETURN_AND_REFUND,
                        "wrong colour",
                        true,
                        List.of(new CaseLine(0, 2, 25600)),
                        0,
                        List.of(),
                        "CS"));
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
        // 39.98 + 4.50 shipping + 3.54 tax on top
        OrderPaid taxed = paid(
                "shopify-us:1001",
                List.of(new OrderLine("MUG-1", "Stoneware mug", 2, new Money(1999, "USD"))),
                new Money(450, "USD"),
                new Money(4802, "USD"));

        var cancelled = AfterSale.open(Optional.empty(), taxed)
                .state()
                .parcelMoved("shp-shopify-us:1001", Parcel.Status.STOPPED, NOON)
                .state()
                .cancelledBeforeDispatch("cancelled", NOON);

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
        AfterSale oneCupHeld = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 1, 1000)));
        assertThatThrownBy(() -> oneCupHeld.request(
                        refundOnly("rf-2", new CaseLine(1, 1, 1000)), "cs.li", NOON, AfterSalePolicy.NONE))
                .hasMessage("line 1 has 0 unit(s) left: 1 asked.");

        AfterSale revised = OPEN.request(
                        refundOnly("rf-3", new CaseLine(0, 0, 500)), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .revise("rf-3", null, List.of(new CaseLine(0, 0, 9000)), 0, "sup.zhou", NOON, AfterSalePolicy.NONE)
                .state();
        assertThatThrownBy(() -> revised.approve("rf-3", "sup.zhou", false, null, NOON, AfterSalePolicy.NONE))
                .isInstanceOf(FourEyesViolation.class);
    }

    /** The order's goods left the warehouse: what an exchange needs. */
    private static final AfterSale DISPATCHED = OPEN.parcelMade("shp-T1", null, NOON)
            .state()
            .parcelMoved("shp-T1", Parcel.Status.DISPATCHED, NOON)
            .state();

    private static AfterSale.Request cupExchanged(String caseId, long amountMinor) {
        return new AfterSale.Request(
                caseId, CaseType.EXCHANGE, "size", true, List.of(new CaseLine(1, 1, amountMinor)), 0, List.of(), "CS");
    }

    @Test
    void anExchangeNeedsGoodsThatLeftAndAsksForNoMoney() {
        assertThatThrownBy(() -> OPEN.request(cupExchanged("rf-1", 0), "cs.li", NOON, AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the goods have not left the warehouse: change the order's items instead of exchanging "
                        + "them.");
        assertThatThrownBy(() -> DISPATCHED.request(cupExchanged("rf-1", 3000), "cs.li", NOON, AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an exchange sends the same units again and pays nothing back");
        AfterSale requested = DISPATCHED
                .request(cupExchanged("rf-1", 0), "cs.li", NOON, AfterSalePolicy.NONE)
                .state();
        assertThatThrownBy(() -> requested.revise(
                        "rf-1", null, List.of(new CaseLine(1, 1, 0)), 1000, "cs.li", NOON, AfterSalePolicy.NONE))
                .hasMessageStartingWith("an exchange sends the same units again and pays nothing back");
    }

    @Test
    void anExchangeAsksForItsReplacementOnceTheReturnIsInAndEndsWhenTheReplacementLeaves() {
        var approved = DISPATCHED
                .request(cupExchanged("rf-1", 0), "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, AfterSalePolicy.NONE);
        assertThat(approved.events()).singleElement().isInstanceOfSatisfying(RefundApproved.class, event -> {
            assertThat(event.type()).isEqualTo("EXCHANGE");
            assertThat(event.amount()).isEqualTo(new Money(0, "CNY"));
            assertThat(event.lines()).isEqualTo(CUP);
        });
        assertThat(approved.state().lineStandings().get(1).unitsLeft())
                .as("the cup is held by the exchange")
                .isZero();

        var received = approved.state().returnReceived("rf-1", CUP, "CUP-GL-01: 1 resellable", "wh.zhao", NOON);
        assertThat(received.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REPLACING);
        assertThat(received.events())
                .singleElement()
                .isEqualTo(new ReplacementRequested("tmall-flagship:T1", "tmall-flagship", "rf-1", CUP, NOON));
        assertThat(received.state().payoutDueAt()).as("nothing to pay").isNull();

        AfterSale made = received.state().parcelMade("shp-x~rf-1", "rf-1", NOON).state();
        assertThat(made.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REPLACING);
        var sent = made.parcelMoved("shp-x~rf-1", Parcel.Status.DISPATCHED, NOON.plusSeconds(60));

        RefundCase exchanged = sent.state().find("rf-1").orElseThrow();
        assertThat(exchanged.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(exchanged.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("REPLACEMENT_SENT");
            assertThat(entry.detail()).isEqualTo("shp-x~rf-1");
        });
        assertThat(sent.events()).as("no money moved: no RefundCompleted").isEmpty();
        assertThat(sent.state().refunded()).isEqualTo(new Money(0, "CNY"));
        assertThat(sent.state().lineStandings().get(1).unitsLeft())
                .as("the buyer has a cup again, which may be refunded later")
                .isEqualTo(1);
        assertThat(sent.state()
                        .parcelMoved("shp-x~rf-1", Parcel.Status.DISPATCHED, NOON)
                        .isNone())
                .isTrue();
    }

    @Test
    void aSettledExchangeIsReplacedAndOneThatCannotBeReplacedIsClosedByTheSupervisor() {
        AfterSale awaiting = approved(DISPATCHED, cupExchanged("rf-1", 0));
        var settled = awaiting.returnSettled(
                "rf-1", List.of(new CaseLine(1, 1, 0)), 0, "sup.chen", "courier photo shows it sent", NOON);
        assertThat(settled.events()).singleElement().isInstanceOf(ReplacementRequested.class);

        AfterSale waiting =
                settled.state().parcelMade("shp-x~rf-1", "rf-1", NOON).state();
        assertThat(waiting.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REPLACING);

        var closed = waiting.closeForGood("rf-1", "sup.chen", "out of stock for good: refund instead", NOON);
        assertThat(closed.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundClosed.class, event -> assertThat(event.reason()).isEqualTo("REPLACEMENT_NOT_SENT"));
        assertThat(closed.state().lineStandings().get(1).unitsLeft()).isEqualTo(1);
        assertThat(closed.state()
                        .parcelMoved("shp-x~rf-1", Parcel.Status.STOPPED, NOON)
                        .state()
                        .find("rf-1")
                        .orElseThrow()
                        .state())
                .as("fulfilment's cancellation of the replacement follows")
                .isEqualTo(CaseState.CLOSED);
        AfterSale crossed = closed.state()
                .parcelMoved("shp-x~rf-1", Parcel.Status.DISPATCHED, NOON)
                .state();
        assertThat(crossed.find("rf-1").orElseThrow().timeline())
                .last()
                .extracting(RefundCase.Entry::what)
                .as("the replacement left as the exchange closed: the supervisor is told")
                .isEqualTo("REPLACEMENT_SENT_AFTER_CLOSURE");
    }

    @Test
    void aReplacementParcelNeitherStopsNorSendsTheOrdersGoods() {
        AfterSale replacing = approved(DISPATCHED, cupExchanged("rf-1", 0))
                .returnReceived("rf-1", CUP, "ok", "wh.zhao", NOON)
                .state()
                .parcelMade("shp-x~rf-1", "rf-1", NOON)
                .state()
                .parcelMoved("shp-x~rf-1", Parcel.Status.STOPPED, NOON)
                .state();

        assertThatThrownBy(() -> replacing.request(cupBack("rf-2"), "cs.li", NOON, AfterSalePolicy.NONE))
                .as("the cup is still the exchange's")
                .hasMessage("line 1 has 0 unit(s) left: 1 asked.");
        AfterSale teaBack = approved(
                replacing,
                new AfterSale.Request(
                        "rf-3",
                        CaseType.RETURN_AND_REFUND,
                        "broken",
                        true,
                        List.of(new CaseLine(0, 1, 12800)),
                        0,
                        List.of(),
                        "CS"));
        assertThat(teaBack.find("rf-3").orElseThrow().state())
                .as("the stopped replacement does not make the order's goods count as never sent")
                .isEqualTo(CaseState.AWAITING_RETURN);
    }

    @Test
    void emptyEvidenceIsRefusedWithAReason() {
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
                        NOON,
                        AfterSalePolicy.NONE))
                .hasMessage("each evidence item is required.");
    }

    @Test
    void aRetryAfterARoundThatMayHavePaidAsksWithThatRoundsKeyAndAPaymentAfterClosureIsToldOnce() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 1000)));
        String firstKey = refunding.find("rf-1").orElseThrow().payoutKey(PAID.orderId());

        AfterSale retried = refunding
                .payoutFailed("rf-1", "no answer in time", NOON.plusSeconds(5), NOON)
                .state()
                .payoutRefused("rf-1", "401 app key revoked", NOON.plusSeconds(5))
                .state()
                .payoutRetried("rf-1", "sup.chen", "app key renewed", NOON.plusSeconds(60))
                .state();

        assertThat(retried.find("rf-1").orElseThrow().payoutKey(PAID.orderId()))
                .as("the unanswered attempt may have paid: the gateway finds it under its key")
                .isEqualTo(firstKey);
        assertThat(RefundCase.caseOfPayoutKey(firstKey)).contains("rf-1");
        assertThat(RefundCase.caseOfPayoutKey(firstKey + "#2")).contains("rf-1");
        assertThat(RefundCase.caseOfPayoutKey("no-slash")).isEmpty();

        AfterSale closed = refunding
                .payoutRefused("rf-1", "422 refused", NOON)
                .state()
                .closeForGood("rf-1", "sup.chen", "store credit instead", NOON)
                .state();
        var told = closed.paid("rf-1", "SIM-9", "payout", NOON.plusSeconds(1));
        assertThat(told.events()).as("no RefundCompleted for a closed case").isEmpty();
        assertThat(told.state().find("rf-1").orElseThrow().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("PAID_AFTER_CLOSURE");
            assertThat(entry.detail()).contains("SIM-9");
        });
        assertThat(told.state()
                        .paid("rf-1", "SIM-9", "payout", NOON.plusSeconds(2))
                        .isNone())
                .as("told once")
                .isTrue();
    }

    @Test
    void aReturnOfTwoLinesOfOneSkuIsPaidOnlyOnceEveryUnitOfTheSkuIsIn() {
        OrderPaid split = paid(
                "tmall-flagship:T9",
                List.of(
                        new OrderLine("TEA-LJ-250", "西湖龙井 250g", 1, new Money(12800, "CNY")),
                        new OrderLine("TEA-LJ-250", "西湖龙井 250g (gift)", 1, new Money(0, "CNY"))),
                Money.zero("CNY"),
                new Money(12800, "CNY"));
        AfterSale awaiting = AfterSale.open(Optional.empty(), split)
                .state()
                .request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.RETURN_AND_REFUND,
                                "stale",
                                true,
                                List.of(new CaseLine(0, 1, 12800), new CaseLine(1, 1, 0)),
                                0,
                                List.of(),
                                "CS"),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state();

        RefundCase half = awaiting.returnReceived(
                        "rf-1", List.of(new ItemQuantity("TEA-LJ-250", 1)), "1 came, 1 missing", "wh", NOON)
                .state()
                .find("rf-1")
                .orElseThrow();

        assertThat(half.state()).as("one tin of two").isEqualTo(CaseState.AWAITING_RETURN);
    }

    @Test
    void anEmptyReturnParcelEndsTheTimersAndWaitsForTheSupervisor() {
        AfterSale shipped = OPEN.request(cupBack("rf-1"), "cs.li", NOON, TMALL_TERMS)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, TMALL_TERMS)
                .state()
                .returnShipped("rf-1", "SF1234567890123", "buyer", NOON, TMALL_TERMS)
                .state();
        assertThat(shipped.find("rf-1").orElseThrow().deadline()).isNotNull();

        AfterSale empty = shipped.returnReceived(
                        "rf-1", List.of(), "CUP-GL-01: 0 resellable, 0 damaged, 1 missing", "wh", NOON)
                .state();

        RefundCase waiting = empty.find("rf-1").orElseThrow();
        assertThat(waiting.state()).isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(waiting.deadline()).as("no timer pays for an empty box").isNull();
        assertThat(empty.deadlinesPassed(NOON.plus(Duration.ofDays(30)), TMALL_TERMS)
                        .isNone())
                .isTrue();
    }

    @Test
    void anExchangeSettlesUnitsNotMoney() {
        AfterSale awaiting = approved(DISPATCHED, cupExchanged("rf-1", 0));

        assertThatThrownBy(() -> awaiting.returnSettled(
                        "rf-1", List.of(new CaseLine(1, 0, 3000)), 0, "sup.chen", "pay the cup instead", NOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> awaiting.returnSettled(
                        "rf-1", List.of(new CaseLine(1, 1, 3000)), 0, "sup.chen", "and some money", NOON))
                .hasMessageStartingWith("an exchange sends the same units again and pays nothing back");
    }

    @Test
    void aStorefrontRefundOfNothingIsNotRecordedAndOneLineRefundedTwiceIsOneLine() {
        assertThat(OPEN.refundedInStorefront("shopify-us:9007", List.of(), 0, null, AfterSale.SHOPIFY, NOON)
                        .isNone())
                .as("a restock alone")
                .isTrue();

        RefundCase twice = OPEN.refundedInStorefront(
                        "shopify-us:9008",
                        List.of(
                                new AfterSale.StorefrontLine(null, "TEA-LJ-250", "西湖龙井 250g", 1, 12800),
                                new AfterSale.StorefrontLine(null, "TEA-LJ-250", "西湖龙井 250g", 1, 12800)),
                        25600,
                        "x".repeat(600),
                        AfterSale.SHOPIFY,
                        NOON)
                .state()
                .find("shopify-us:9008")
                .orElseThrow();
        assertThat(twice.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(twice.lines()).containsExactly(new CaseLine(0, 2, 25600));
        assertThat(twice.reason())
                .as("Shopify's note, shortened, never refused")
                .hasSize(500);
    }

    @Test
    void aRefusedPayoutWaitsForASupervisorAndItsRetryAsksWithANewKey() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 1000)));
        String firstKey = refunding.find("rf-1").orElseThrow().payoutKey(PAID.orderId());

        AfterSale refused =
                refunding.payoutRefused("rf-1", "422 card expired", NOON).state();
        RefundCase waiting = refused.find("rf-1").orElseThrow();
        assertThat(waiting.state()).isEqualTo(CaseState.PAYOUT_REFUSED);
        assertThat(waiting.payout().lastFailure()).isEqualTo("422 card expired");
        assertThat(refused.payoutDueAt()).as("not tried again by itself").isNull();
        assertThat(refused.refundable()).as("still held: it may yet be paid").isEqualTo(refunding.refundable());
        assertThat(refused.payoutRefused("rf-1", "again", NOON).isNone()).isTrue();
        assertThatThrownBy(() -> refunding.payoutRetried("rf-1", "sup.chen", null, NOON))
                .isInstanceOf(CaseConflict.class);

        AfterSale retried = refused.payoutRetried("rf-1", "sup.chen", "card re-linked", NOON)
                .state();
        assertThat(retried.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REFUNDING);
        assertThat(retried.payoutDueAt()).as("due at once").isEqualTo(Instant.EPOCH);
        assertThat(firstKey).isEqualTo(PAID.orderId() + "/rf-1");
        assertThat(retried.find("rf-1").orElseThrow().payoutKey(PAID.orderId()))
                .as("the refused round paid nothing: the retry is a payment of its own")
                .isEqualTo(PAID.orderId() + "/rf-1#2");

        assertThat(refused.paymentConfirmed("rf-1", "BO-1", "cs.li", true, NOON)
                        .state()
                        .find("rf-1")
                        .orElseThrow()
                        .state())
                .as("paid in the back office although a gateway pays: it refused")
                .isEqualTo(CaseState.COMPLETED);
        assertThat(refused.closeForGood("rf-1", "sup.chen", "store credit instead", NOON)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundClosed.class, event -> assertThat(event.reason()).isEqualTo("PAYOUT_REFUSED"));
    }

    @Test
    void theFileSaysWhenItsEarliestPayoutIsDue() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 1000)));

        assertThat(OPEN.payoutDueAt()).as("nothing to pay").isNull();
        assertThat(refunding.payoutDueAt()).as("never tried: due at once").isEqualTo(Instant.EPOCH);
        AfterSale waiting = refunding
                .payoutFailed("rf-1", "503", NOON.plusSeconds(60), NOON)
                .state();
        assertThat(waiting.payoutDueAt()).isEqualTo(NOON.plusSeconds(60));
        assertThat(waiting.paid("rf-1", "PAY-1", "payout", NOON).state().payoutDueAt())
                .isNull();
    }

    /** The seller answers in two days, the buyer ships a return in seven, the seller confirms it in ten. */
    private static final AfterSalePolicy TMALL_TERMS =
            new AfterSalePolicy(Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(10), 0, List.of());

    @Test
    void anUnansweredRequestIsApprovedWhenTheSellersTimeRunsOutOnceAndMarkedAutomatic() {
        AfterSale requested =
                OPEN.request(cupBack("rf-1"), "cs.li", NOON, TMALL_TERMS).state();
        Instant answerBy = NOON.plus(Duration.ofDays(2));
        assertThat(requested.find("rf-1").orElseThrow().deadline())
                .isEqualTo(new Deadline(Deadline.Kind.ANSWER, answerBy));
        assertThat(requested.deadlineDueAt()).isEqualTo(answerBy);
        assertThat(requested
                        .deadlinesPassed(answerBy.minusMillis(1), TMALL_TERMS)
                        .isNone())
                .as("not yet")
                .isTrue();

        var fired = requested.deadlinesPassed(answerBy, TMALL_TERMS);

        assertThat(fired.events()).singleElement().isInstanceOfSatisfying(RefundApproved.class, approved -> {
            assertThat(approved.autoApproved()).isTrue();
            assertThat(approved.decidedBy()).isEqualTo("timer");
        });
        RefundCase approved = fired.state().find("rf-1").orElseThrow();
        assertThat(approved.decision().automatic()).isTrue();
        assertThat(approved.deadline())
                .as("now the buyer's time to ship the return runs")
                .isEqualTo(new Deadline(Deadline.Kind.SHIP_RETURN, answerBy.plus(Duration.ofDays(7))));
        assertThat(fired.state().deadlinesPassed(answerBy, TMALL_TERMS).isNone())
                .as("fires once")
                .isTrue();
    }

    @Test
    void aShippedReturnWhoseReceiptTheSellerDoesNotConfirmInTimeIsPaidBack() {
        AfterSale shipped = OPEN.request(cupBack("rf-1"), "cs.li", NOON, TMALL_TERMS)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, TMALL_TERMS)
                .state()
                .returnShipped("rf-1", "SF1234567890123", "cs.li", NOON.plusSeconds(60), TMALL_TERMS)
                .state();
        Instant confirmBy = NOON.plusSeconds(60).plus(Duration.ofDays(10));
        assertThat(shipped.find("rf-1").orElseThrow().deadline())
                .isEqualTo(new Deadline(Deadline.Kind.CONFIRM_RECEIPT, confirmBy));

        AfterSale paying = shipped.deadlinesPassed(confirmBy, TMALL_TERMS).state();

        RefundCase refund = paying.find("rf-1").orElseThrow();
        assertThat(refund.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(refund.deadline()).isNull();
        assertThat(paying.deadlineDueAt()).isNull();
        assertThat(paying.payoutDueAt()).as("due for payout at once").isEqualTo(Instant.EPOCH);
    }

    @Test
    void aDecisionEndsTheSellersTimeAndARevisedRequestStartsItAgain() {
        AfterSale rejected = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1500)), "cs.li", NOON, TMALL_TERMS)
                .state()
                .reject("rf-1", "sup.chen", "photos do not show it", NOON.plusSeconds(60))
                .state();
        assertThat(rejected.find("rf-1").orElseThrow().deadline()).isNull();
        assertThat(rejected.deadlineDueAt()).isNull();

        Instant revisedAt = NOON.plus(Duration.ofDays(1));
        AfterSale revised = rejected.negotiate(
                        "rf-1", new RefundCase.Contact("PHONE", "10.00", "yes", "cs.wang", revisedAt))
                .state()
                .revise("rf-1", null, List.of(new CaseLine(1, 0, 1000)), 0, "cs.wang", revisedAt, TMALL_TERMS)
                .state();

        assertThat(revised.find("rf-1").orElseThrow().deadline())
                .isEqualTo(new Deadline(Deadline.Kind.ANSWER, revisedAt.plus(Duration.ofDays(2))));
        assertThat(OPEN.request(refundOnly("rf-2", new CaseLine(1, 0, 1500)), "cs.li", NOON, AfterSalePolicy.NONE)
                        .state()
                        .deadlineDueAt())
                .as("a store without timers")
                .isNull();
    }

    @Test
    void aTimerApprovalThatNoLongerFitsWhatIsLeftIsLeftToTheSupervisor() {
        AfterSale twoAsks = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 3000)), "cs.li", NOON, TMALL_TERMS)
                .state()
                .request(
                        refundOnly("rf-2", new CaseLine(1, 0, 3000)),
                        "cs.li",
                        NOON.plusSeconds(1),
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-2", "sup.chen", false, null, NOON.plusSeconds(2), AfterSalePolicy.NONE)
                .state();

        var fired = twoAsks.deadlinesPassed(NOON.plus(Duration.ofDays(2)), TMALL_TERMS);

        assertThat(fired.events()).isEmpty();
        RefundCase left = fired.state().find("rf-1").orElseThrow();
        assertThat(left.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(left.deadline()).isNull();
        assertThat(left.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo("NOT_APPROVED_AUTOMATICALLY");
            assertThat(entry.detail()).contains("line 1 has CNY 0.00 left");
        });
    }

    @Test
    void theStorePolicyApprovesSmallRefundOnlyRequestsAtOnceMarkedAutomatic() {
        AfterSalePolicy belowTwenty = new AfterSalePolicy(null, null, null, 2000, List.of());

        var small = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1999)), "cs.li", NOON, belowTwenty);
        var atTheLimit = OPEN.request(refundOnly("rf-2", new CaseLine(1, 0, 2000)), "cs.li", NOON, belowTwenty);
        var aReturn =
                OPEN.request(cupBack("rf-3"), "cs.li", NOON, new AfterSalePolicy(null, null, null, 5000, List.of()));

        assertThat(small.events()).hasSize(2).last().isInstanceOfSatisfying(RefundApproved.class, approved -> {
            assertThat(approved.autoApproved()).isTrue();
            assertThat(approved.decidedBy()).isEqualTo("store-policy");
        });
        assertThat(small.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REFUNDING);
        assertThat(atTheLimit.state().find("rf-2").orElseThrow().state()).isEqualTo(CaseState.REQUESTED);
        assertThat(aReturn.state().find("rf-3").orElseThrow().state())
                .as("goods coming back are always looked at")
                .isEqualTo(CaseState.REQUESTED);
    }

    @Test
    void customerServicePicksOneOfTheStoresReasonsWhileAStorefrontsOwnAreTaken() {
        AfterSalePolicy reasons = new AfterSalePolicy(null, null, null, 0, List.of("QUALITY", "WRONG_ITEM"));
        AfterSale.Request freeText = refundOnly("rf-1", new CaseLine(1, 0, 1000));

        assertThatThrownBy(() -> OPEN.request(freeText, "cs.li", NOON, reasons))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUALITY, WRONG_ITEM");
        AfterSale.Request fromTheStorefront = new AfterSale.Request(
                "rf-2",
                CaseType.REFUND_ONLY,
                "not as described",
                true,
                List.of(new CaseLine(1, 0, 1000)),
                0,
                null,
                "STOREFRONT");
        assertThat(OPEN.request(fromTheStorefront, "buyer", NOON, reasons)
                        .state()
                        .find("rf-2"))
                .isPresent();
    }

    @Test
    void aStoresTermsRefuseTimersThatAreNotAFutureTime() {
        assertThatThrownBy(() -> new AfterSalePolicy(Duration.ZERO, null, null, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answer-within");
        assertThatThrownBy(() -> new AfterSalePolicy(null, Duration.ofDays(-1), null, 0, List.of()))
                .hasMessageContaining("ship-return-within");
        assertThatThrownBy(() -> new AfterSalePolicy(null, null, null, -1, List.of()))
                .hasMessageContaining("auto-approve-below-minor");
    }

    @Test
    void aRefundMadeInTheStorefrontIsRecordedCompletedOnceWithWhatItPaidBeyondTheLinesAsShipping() {
        var refunded = OPEN.refundedInStorefront(
                "shopify-us:9001",
                List.of(new AfterSale.StorefrontLine(null, "CUP-GL-01", "Glass cup", 1, 3000)),
                3500,
                "damaged",
                AfterSale.SHOPIFY,
                NOON);

        RefundCase recorded = refunded.state().find("shopify-us:9001").orElseThrow();
        assertThat(recorded.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(recorded.lines()).containsExactly(new CaseLine(1, 1, 3000));
        assertThat(recorded.shippingMinor())
                .as("shipping and taxes beyond the line")
                .isEqualTo(500);
        assertThat(recorded.decision().automatic()).isTrue();
        assertThat(refunded.state().refunded()).isEqualTo(new Money(3500, "CNY"));
        assertThat(refunded.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundRequested", "RefundApproved", "RefundCompleted");
        assertThat(refunded.state()
                        .refundedInStorefront("shopify-us:9001", List.of(), 3500, null, AfterSale.SHOPIFY, NOON)
                        .isNone())
                .as("the same refund again")
                .isTrue();
    }

    @Test
    void aStorefrontRefundPayingLessThanItsLinesIsCutToWhatItPaidAndAnUnknownLineIsRefused() {
        RefundCase partial = OPEN.refundedInStorefront(
                        "shopify-us:9002",
                        List.of(new AfterSale.StorefrontLine(null, null, "Glass cup", 1, 3000)),
                        1200,
                        null,
                        AfterSale.SHOPIFY,
                        NOON)
                .state()
                .find("shopify-us:9002")
                .orElseThrow();
        assertThat(partial.lines()).containsExactly(new CaseLine(1, 1, 1200));
        assertThat(partial.shippingMinor()).isZero();

        assertThatThrownBy(() -> OPEN.refundedInStorefront(
                        "shopify-us:9003",
                        List.of(new AfterSale.StorefrontLine(null, "MUG-9", "Mug", 1, 100)),
                        100,
                        null,
                        AfterSale.SHOPIFY,
                        NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MUG-9");
    }

    @Test
    void aStorefrontRefundOfWhatACaseBeingPaidBackAsksPaysThatCaseOnce() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(1, 0, 3000)));

        var paidThere = refunding.refundedInStorefront(
                "shopify-us:9004",
                List.of(new AfterSale.StorefrontLine(null, "CUP-GL-01", "Glass cup", 1, 3000)),
                3000,
                null,
                AfterSale.SHOPIFY,
                NOON);

        RefundCase paid = paidThere.state().find("rf-1").orElseThrow();
        assertThat(paid.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(paid.payout().reference()).isEqualTo("shopify-us:9004");
        assertThat(paidThere.state().cases())
                .as("no second case for the same money")
                .hasSize(1);
        assertThat(paidThere.events()).singleElement().isInstanceOf(RefundCompleted.class);
        assertThat(paidThere
                        .state()
                        .refundedInStorefront("shopify-us:9004", List.of(), 3000, null, AfterSale.SHOPIFY, NOON)
                        .isNone())
                .as("the same refund again")
                .isTrue();
    }

    @Test
    void aStorefrontRefundBeyondWhatIsLeftIsKeptForTheSupervisorAndStopsThePayoutsThatMightPayTwice() {
        AfterSale refunding = approved(OPEN, refundOnly("rf-1", new CaseLine(0, 0, 25600), new CaseLine(1, 0, 3000)));

        AfterSale kept = refunding
                .refundedInStorefront(
                        "shopify-us:9005",
                        List.of(new AfterSale.StorefrontLine(null, "CUP-GL-01", "Glass cup", 1, 3000)),
                        3000,
                        "refunded by phone",
                        AfterSale.SHOPIFY,
                        NOON)
                .state();

        RefundCase recorded = kept.find("shopify-us:9005").orElseThrow();
        assertThat(recorded.state()).isEqualTo(CaseState.REQUESTED);
        assertThat(recorded.timeline())
                .extracting(RefundCase.Entry::what)
                .containsExactly("REQUESTED", "PAID_BEYOND_WHAT_WAS_LEFT");
        assertThat(kept.find("rf-1").orElseThrow().state())
                .as("not paid by the gateway until the supervisor looked")
                .isEqualTo(CaseState.PAYOUT_REFUSED);
        assertThat(kept.refundable()).isEqualTo(refunding.refundable());
        assertThatThrownBy(() -> kept.withdraw("shopify-us:9005", "cs.li", NOON))
                .as("the money went: it is not withdrawn, revised or rejected")
                .isInstanceOf(CaseConflict.class);
        assertThatThrownBy(() -> kept.reject("shopify-us:9005", "sup.chen", "no", NOON))
                .isInstanceOf(CaseConflict.class);
        assertThat(CaseStep.offered(
                        kept.find("shopify-us:9005").orElseThrow(), new CaseStep.Viewer(true, true, "sup.chen", true)))
                .containsExactly(CaseStep.APPROVAL, CaseStep.CONTACTS);

        var reconciled = kept.closeForGood("rf-1", "sup.chen", "the cup was refunded by phone", NOON)
                .state()
                .approve("shopify-us:9005", "sup.chen", false, null, NOON, AfterSalePolicy.NONE);
        assertThat(reconciled.state().find("shopify-us:9005").orElseThrow().state())
                .as("approving records what the storefront paid, no gateway asked")
                .isEqualTo(CaseState.COMPLETED);
        assertThat(reconciled.state().refunded()).isEqualTo(new Money(3000, "CNY"));
    }

    @Test
    void aStorefrontRefundFindsItsLineByTheStorefrontsIdEvenAfterAnItemChange() {
        AfterSale changed = SHOPIFY_WITH_LINE_IDS
                .itemChanged(1, "TEE-L", "T-shirt L", Money.zero("USD"), NOON)
                .state();

        RefundCase recorded = changed.refundedInStorefront(
                        "shopify-us:9006",
                        List.of(new AfterSale.StorefrontLine("466157050", "TEE-M", "T-shirt M", 1, 2500)),
                        2500,
                        null,
                        AfterSale.SHOPIFY,
                        NOON)
                .state()
                .find("shopify-us:9006")
                .orElseThrow();
        assertThat(recorded.lines()).containsExactly(new CaseLine(1, 1, 2500));
    }

    @Test
    void aReturnRequestedOnTheStorefrontAsksWhatItsUnitsCostAndNamesLinesByTheStorefrontsIds() {
        AfterSale open = SHOPIFY_WITH_LINE_IDS;

        RefundCase requested = open.returnRequestedInStorefront(
                        "shopify-us:return-7",
                        List.of(new AfterSale.StorefrontReturnLine("466157050", 1)),
                        "SIZE_TOO_SMALL",
                        List.of("too tight"),
                        AfterSale.SHOPIFY,
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .find("shopify-us:return-7")
                .orElseThrow();

        assertThat(requested.type()).isEqualTo(CaseType.RETURN_AND_REFUND);
        assertThat(requested.lines()).containsExactly(new CaseLine(1, 1, 2500));
        assertThat(requested.openedBy()).isEqualTo("buyer");
        assertThatThrownBy(() -> open.returnRequestedInStorefront(
                        "shopify-us:return-8",
                        List.of(new AfterSale.StorefrontReturnLine("1", 1)),
                        null,
                        List.of(),
                        AfterSale.SHOPIFY,
                        NOON,
                        AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no line 1");
    }

    @Test
    void smallRequestsOneAfterAnotherAreApprovedAtOnceOnlyWithinTheLimitTogether() {
        AfterSalePolicy belowTwenty = new AfterSalePolicy(null, null, null, 2000, List.of());

        AfterSale first = OPEN.request(refundOnly("rf-1", new CaseLine(1, 0, 1500)), "cs.li", NOON, belowTwenty)
                .state();
        AfterSale second = first.request(refundOnly("rf-2", new CaseLine(1, 0, 1500)), "cs.li", NOON, belowTwenty)
                .state();

        assertThat(first.find("rf-1").orElseThrow().state()).isEqualTo(CaseState.REFUNDING);
        assertThat(second.find("rf-2").orElseThrow().state())
                .as("15.00 and 15.00 are 30.00: a supervisor decides")
                .isEqualTo(CaseState.REQUESTED);
    }

    @Test
    void aReturnNamesItsUnitsAndARevisionByCustomerServiceKeepsToTheStoresReasons() {
        assertThatThrownBy(() -> OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                CaseType.RETURN_AND_REFUND,
                                "cracked",
                                true,
                                List.of(new CaseLine(1, 0, 3000)),
                                0,
                                List.of(),
                                AfterSale.CUSTOMER_SERVICE),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each line needs a quantity");
        AfterSalePolicy reasons = new AfterSalePolicy(null, null, null, 0, List.of("QUALITY", "WRONG_ITEM"));
        AfterSale requested = OPEN.request(
                        new AfterSale.Request(
                                "rf-2",
                                CaseType.REFUND_ONLY,
                                "QUALITY",
                                true,
                                List.of(new CaseLine(1, 0, 1000)),
                                0,
                                List.of(),
                                AfterSale.CUSTOMER_SERVICE),
                        "cs.li",
                        NOON,
                        reasons)
                .state();

        assertThatThrownBy(() -> requested.revise(
                        "rf-2", "felt like it", List.of(new CaseLine(1, 0, 500)), 0, "cs.li", NOON, reasons))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUALITY, WRONG_ITEM");
    }

    @Test
    void aShortReturnEndsTheTimersAndTheSupervisorSettlesWhatIsPaidBackOrClosesIt() {
        AfterSale.Request twoTeasBack = new AfterSale.Request(
                "rf-1",
                CaseType.RETURN_AND_REFUND,
                "wrong tea",
                true,
                List.of(new CaseLine(0, 2, 25600)),
                0,
                List.of(),
                AfterSale.CUSTOMER_SERVICE);
        AfterSale shipped = OPEN.request(twoTeasBack, "cs.li", NOON, TMALL_TERMS)
                .state()
                .approve("rf-1", "sup.chen", false, null, NOON, TMALL_TERMS)
                .state()
                .returnShipped("rf-1", "SF1234567890123", "cs.li", NOON, TMALL_TERMS)
                .state();

        AfterSale half = shipped.returnReceived(
                        "rf-1", List.of(new ItemQuantity("TEA-LJ-250", 1)), "1 arrived, 1 missing", "wh.zhao", NOON)
                .state();

        RefundCase waiting = half.find("rf-1").orElseThrow();
        assertThat(waiting.state()).isEqualTo(CaseState.AWAITING_RETURN);
        assertThat(waiting.deadline())
                .as("the goods are here: no timer pays or closes it")
                .isNull();
        assertThatThrownBy(
                        () -> half.returnSettled("rf-1", List.of(new CaseLine(0, 1, 12800)), 0, "cs.li", "half", NOON))
                .isInstanceOf(FourEyesViolation.class);

        RefundCase settled = half.returnSettled(
                        "rf-1", List.of(new CaseLine(0, 1, 12800)), 0, "sup.zhou", "one tea came back", NOON)
                .state()
                .find("rf-1")
                .orElseThrow();
        assertThat(settled.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(settled.amountMinor()).isEqualTo(12800);
        assertThat(settled.decision().by()).isEqualTo("sup.zhou");

        var closed = half.closeForGood("rf-1", "sup.zhou", "the tea came back opened", NOON);
        assertThat(closed.state().find("rf-1").orElseThrow().state()).isEqualTo(CaseState.CLOSED);
        assertThat(closed.events()).singleElement().isInstanceOf(RefundClosed.class);
        assertThatThrownBy(() -> OPEN.request(twoTeasBack, "cs.li", NOON, TMALL_TERMS)
                        .state()
                        .returnSettled("rf-1", List.of(new CaseLine(0, 1, 12800)), 0, "sup.zhou", "early", NOON))
                .as("nothing to settle before the approval")
                .isInstanceOf(CaseConflict.class);
    }

    @Test
    void aChangedItemRenamesItsLineForReturnsAndACheaperOneIsPaidBackAtOnce() {
        var cheaper = OPEN.itemChanged(1, "CUP-GL-02", "Glass cup, small", new Money(-500, "CNY"), NOON);

        AfterSale changed = cheaper.state();
        assertThat(changed.lines().get(1).sku()).isEqualTo("CUP-GL-02");
        assertThat(changed.lines().get(1).paidMinor()).as("what was paid stays").isEqualTo(3000);
        assertThat(cheaper.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("RefundRequested", "RefundApproved");
        RefundCase difference = changed.cases().get(0);
        assertThat(difference.state()).isEqualTo(CaseState.REFUNDING);
        assertThat(difference.amountMinor()).isEqualTo(500);
        assertThat(difference.decision().automatic()).isTrue();
        AfterSale.Request smallCupBack = new AfterSale.Request(
                "rf-9",
                CaseType.RETURN_AND_REFUND,
                "cracked",
                true,
                List.of(new CaseLine(1, 1, 2500)),
                0,
                List.of(),
                AfterSale.CUSTOMER_SERVICE);
        assertThat(changed.request(smallCupBack, "cs.li", NOON, AfterSalePolicy.NONE)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        RefundRequested.class,
                        requested -> assertThat(requested.lines())
                                .as("a return names the item the buyer has")
                                .containsExactly(new ItemQuantity("CUP-GL-02", 1)));

        var dearer = OPEN.itemChanged(1, "CUP-GL-03", "Glass cup, large", new Money(500, "CNY"), NOON);
        assertThat(dearer.events()).as("the buyer owes it: nothing to pay back").isEmpty();
        assertThat(dearer.state().cases()).isEmpty();
    }

    /** A payment of {@code orderId} (its store before the ':', its number after) at noon. */
    private static OrderPaid paid(String orderId, List<OrderLine> lines, Money shipping, Money total) {
        return new OrderPaid(
                orderId,
                orderId.substring(0, orderId.indexOf(':')),
                "storefront",
                orderId.substring(orderId.indexOf(':') + 1),
                lines,
                shipping,
                total,
                NOON,
                null,
                null,
                null,
                List.of(),
                null);
    }

    /** {@code file} with {@code request} entered by customer service and approved by a supervisor. */
    private static AfterSale approved(AfterSale file, AfterSale.Request request) {
        return file.request(request, "cs.li", NOON, AfterSalePolicy.NONE)
                .state()
                .approve(request.caseId(), "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state();
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
