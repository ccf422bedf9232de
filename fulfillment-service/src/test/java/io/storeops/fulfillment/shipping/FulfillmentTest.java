package io.storeops.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Address;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ReturnReceived;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfillmentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final List<ItemQuantity> PAID_LINES =
            List.of(new ItemQuantity("TEA", 2), new ItemQuantity("Gift card", 1));
    private static final OrderPaid PAID = new OrderPaid(
            "tmall-flagship:T1",
            "tmall-flagship",
            "storefront",
            "T1",
            List.of(
                    new OrderLine("TEA", "Tea", 2, new Money(12800, "CNY")),
                    new OrderLine(null, "Gift card", 1, new Money(0, "CNY"))),
            Money.zero("CNY"),
            new Money(25600, "CNY"),
            NOW,
            null,
            null,
            "SF",
            List.of(),
            null);

    @Test
    void aPaidOrderGetsOneReadyShipment() {
        var created = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW);

        assertThat(created.state().status()).isEqualTo(ShipmentStatus.READY);
        assertThat(created.state().shipmentId()).isEqualTo("shp-tmall-flagship:T1");
        assertThat(created.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentCreated.class,
                        event -> assertThat(event.lines()).extracting("sku").containsExactly("TEA", "Gift card"));
        assertThat(Fulfillment.forPaidOrder(Optional.of(created.state()), PAID, List.of(), List.of(), NOW)
                        .isNone())
                .isTrue();
    }

    @Test
    void shipmentIdsLeadBackToTheirOrder() {
        assertThat(Fulfillment.keyOf("shp-tmall-flagship:T1")).contains("tmall-flagship:T1");
        assertThat(Fulfillment.keyOf("tmall-flagship:T1")).isEmpty();
        assertThat(Fulfillment.keyOf("shp-")).isEmpty();
    }

    @Test
    void dispatchRecordsCarrierTrackingAndWhoOnceAndRefusesAChange() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        var dispatched = ready.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW);

        assertThat(dispatched.state().status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(dispatched.events()).singleElement().isInstanceOfSatisfying(ShipmentDispatched.class, event -> {
            assertThat(event.dispatchedBy()).isEqualTo("wh.zhao");
            assertThat(event.trackingNumber()).isEqualTo("SF1234567890123");
        });
        assertThat(dispatched
                        .state()
                        .dispatch("SF", "SF1234567890123", true, "wh.li", NOW)
                        .isNone())
                .isTrue();
        assertThatThrownBy(() -> dispatched.state().dispatch("YTO", "YT9999999999999", true, "wh.li", NOW))
                .isInstanceOfSatisfying(
                        ShipmentConflict.class,
                        conflict -> assertThat(conflict.current()).isEqualTo(ShipmentStatus.DISPATCHED));
    }

    @Test
    void aCancelledOrderStopsItsWaitingShipmentWhichCanThenNotBeDispatched() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        var cancelled = ready.orderCancelled(NOW);

        assertThat(cancelled.state().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(cancelled.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentCancelled.class,
                        event -> assertThat(event.reason()).isEqualTo(Fulfillment.ORDER_CANCELLED));
        assertThat(cancelled.state().orderCancelled(NOW).isNone()).isTrue();
        assertThatThrownBy(() -> cancelled.state().dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW))
                .isInstanceOfSatisfying(
                        ShipmentConflict.class,
                        conflict -> assertThat(conflict.current()).isEqualTo(ShipmentStatus.CANCELLED));
    }

    @Test
    void aDispatchedShipmentIsNotStoppedByALateCancellation() {
        Fulfillment dispatched = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state()
                .dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW)
                .state();

        assertThat(dispatched.orderCancelled(NOW).isNone()).isTrue();
    }

    @Test
    void aHeldOrdersShipmentWaitsForTheReleaseBeforeItMayBeDispatched() {
        OrderPaid heldOrder = paid(PAID.paidAt(), "请发顺丰", List.of("BUYER_NOTE"));
        Fulfillment held = Fulfillment.forPaidOrder(Optional.empty(), heldOrder, List.of(), List.of(), NOW)
                .state();

        assertThat(held.status()).isEqualTo(ShipmentStatus.ON_HOLD);
        assertThatThrownBy(() -> held.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW))
                .isInstanceOfSatisfying(
                        ShipmentConflict.class,
                        conflict -> assertThat(conflict.current()).isEqualTo(ShipmentStatus.ON_HOLD));
        Fulfillment released = held.orderReleased().state();
        assertThat(released.status()).isEqualTo(ShipmentStatus.READY);
        assertThat(released.orderHeld().state().status())
                .as("a manual hold after creation")
                .isEqualTo(ShipmentStatus.ON_HOLD);
        assertThat(released.orderReleased().isNone()).isTrue();
        assertThat(held.orderCancelled(NOW).state().status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void aCorrectedAddressReachesAShipmentStillInTheWarehouseOnly() {
        Address corrected =
                new Address("王芳", "13800138000", "CN", null, "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        assertThat(ready.addressChanged(corrected).state().address()).isEqualTo(corrected);
        assertThat(ready.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW)
                        .state()
                        .addressChanged(corrected)
                        .isNone())
                .isTrue();
    }

    @Test
    void aSellersMemoWrittenBeforePaymentComesWithThePayment() {
        OrderPaid withMemo = new OrderPaid(
                PAID.orderId(),
                PAID.storeId(),
                PAID.channel(),
                PAID.externalOrderId(),
                PAID.lines(),
                PAID.shippingFee(),
                PAID.total(),
                PAID.paidAt(),
                PAID.shippingAddress(),
                PAID.buyerNote(),
                PAID.requestedCarrier(),
                PAID.holds(),
                PAID.attribution(),
                "YTO",
                "周六送达",
                null);

        Fulfillment created = Fulfillment.forPaidOrder(Optional.empty(), withMemo, List.of(), List.of(), NOW)
                .state();

        assertThat(created.sellerMemo()).isEqualTo(new Fulfillment.SellerMemo("YTO", "周六送达"));
        assertThat(created.carrierToUse()).isEqualTo("YTO");
    }

    @Test
    void theSellersMemoReachesAShipmentStillInTheWarehouseAndItsCarrierOutranksTheBuyers() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();
        assertThat(ready.carrierToUse()).isEqualTo(PAID.requestedCarrier());

        Fulfillment withMemo = ready.sellerMemoChanged("YTO", "礼盒包装").state();

        assertThat(withMemo.sellerMemo()).isEqualTo(new Fulfillment.SellerMemo("YTO", "礼盒包装"));
        assertThat(withMemo.carrierToUse()).isEqualTo("YTO");
        assertThat(withMemo.sellerMemoChanged("YTO", "礼盒包装").isNone()).isTrue();
        assertThat(withMemo.sellerMemoChanged(null, "礼盒包装").state().carrierToUse())
                .as("no carrier in the memo: the buyer's request again")
                .isEqualTo(PAID.requestedCarrier());
        assertThat(withMemo.orderHeld().state().sellerMemo())
                .as("kept through review")
                .isEqualTo(withMemo.sellerMemo());
        assertThat(withMemo.dispatch("YTO", "YT1234567890123", true, "wh.zhao", NOW)
                        .state()
                        .sellerMemoChanged("SF", null)
                        .isNone())
                .isTrue();
    }

    @Test
    void aShipmentShortOfUnitsWaitsForThemThroughReviewAndShipsOnceTheyAreReserved() {
        List<ItemQuantity> short2 = List.of(new ItemQuantity(PAID.lines().get(0).sku(), 2));

        var created = Fulfillment.forPaidOrder(Optional.empty(), PAID, short2, List.of(), NOW);
        Fulfillment waiting = created.state();

        assertThat(waiting.status()).isEqualTo(ShipmentStatus.AWAITING_STOCK);
        assertThat(created.events())
                .filteredOn(StockShortage.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    StockShortage shortage = (StockShortage) event;
                    assertThat(shortage.sku()).isEqualTo(PAID.lines().get(0).sku());
                    assertThat(shortage.missingQuantity()).isEqualTo(2);
                });
        assertThatThrownBy(() -> waiting.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("waiting for stock");

        Fulfillment held = waiting.orderHeld().state();
        assertThat(held.status()).isEqualTo(ShipmentStatus.ON_HOLD);
        assertThat(held.orderReleased().state().status()).as("still short").isEqualTo(ShipmentStatus.AWAITING_STOCK);
        Fulfillment served = held.orderReleased()
                .state()
                .stockAllocated(PAID.lines().get(0).sku())
                .state();
        assertThat(served.status()).isEqualTo(ShipmentStatus.READY);
        assertThat(served.shortages()).isEmpty();
        assertThat(served.stockAllocated(PAID.lines().get(0).sku()).isNone()).isTrue();
        assertThat(held.stockAllocated(PAID.lines().get(0).sku()).state().status())
                .as("served during review: it stays held")
                .isEqualTo(ShipmentStatus.ON_HOLD);
    }

    /** Tea (in stock), a cup (short, two lines of it) and a gift card the store keeps no stock of. */
    private static final OrderPaid TEA_AND_CUPS = new OrderPaid(
            "tmall-flagship:T2",
            "tmall-flagship",
            "storefront",
            "T2",
            List.of(
                    new OrderLine("TEA", "Tea", 1, new Money(12800, "CNY")),
                    new OrderLine("CUP", "Cup", 1, new Money(3000, "CNY")),
                    new OrderLine(null, "Gift card", 1, new Money(0, "CNY")),
                    new OrderLine("CUP", "Cup, gift wrapped", 1, new Money(3500, "CNY"))),
            new Money(1000, "CNY"),
            new Money(20300, "CNY"),
            NOW,
            null,
            null,
            "SF",
            List.of(),
            null);

    private static final List<ItemQuantity> CUPS_SHORT = List.of(new ItemQuantity("CUP", 2));

    @Test
    void theShortLinesFollowInASecondParcelOnlyWhereTheStoreSplitsAndSomethingCanGoNow() {
        assertThat(Fulfillment.linesToFollow(TEA_AND_CUPS.lines(), CUPS_SHORT, true))
                .as("both lines of the short SKU")
                .containsExactly(1, 3);
        assertThat(Fulfillment.linesToFollow(TEA_AND_CUPS.lines(), CUPS_SHORT, false))
                .as("the store waits for the whole order")
                .isEmpty();
        assertThat(Fulfillment.linesToFollow(TEA_AND_CUPS.lines(), List.of(), true))
                .as("nothing short")
                .isEmpty();
        assertThat(Fulfillment.linesToFollow(
                        TEA_AND_CUPS.lines(), List.of(new ItemQuantity("TEA", 1), new ItemQuantity("CUP", 2)), true))
                .as("a gift card without a SKU is no parcel on its own: the order waits whole")
                .isEmpty();
        assertThat(Fulfillment.linesToFollow(PAID.lines(), List.of(new ItemQuantity("TEA", 2)), true))
                .isEmpty();
        assertThat(Fulfillment.linesToFollow(
                        List.of(TEA_AND_CUPS.lines().get(1)), List.of(new ItemQuantity("CUP", 1)), true))
                .as("everything short: one parcel waits")
                .isEmpty();
    }

    @Test
    void aSplitOrdersFirstParcelIsReadyWithWhatIsInStockAndRecordsTheSecondWhichWaitsForTheRest() {
        var first = Fulfillment.forPaidOrder(Optional.empty(), TEA_AND_CUPS, CUPS_SHORT, List.of(1, 3), NOW);

        assertThat(first.state().status()).isEqualTo(ShipmentStatus.READY);
        assertThat(first.state().shipmentId()).isEqualTo("shp-tmall-flagship:T2");
        assertThat(first.state().lines()).containsExactly(new ItemQuantity("TEA", 1), new ItemQuantity("Gift card", 1));
        assertThat(first.state().shortages()).isEmpty();
        assertThat(first.state().parcelNumber()).isEqualTo(1);
        assertThat(first.state().otherParcel()).isEqualTo("shp-2~tmall-flagship:T2");
        assertThat(first.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentCreated.class,
                        created -> assertThat(created.lines())
                                .isEqualTo(first.state().lines()));

        var second = Fulfillment.followUpOf(Optional.empty(), first.state(), NOW);

        assertThat(second.state().shipmentId()).isEqualTo("shp-2~tmall-flagship:T2");
        assertThat(second.state().key()).isEqualTo("2~tmall-flagship:T2");
        assertThat(Fulfillment.keyOf(second.state().shipmentId()))
                .contains(second.state().key());
        assertThat(second.state().orderId()).isEqualTo(TEA_AND_CUPS.orderId());
        assertThat(second.state().status()).isEqualTo(ShipmentStatus.AWAITING_STOCK);
        assertThat(second.state().lines()).containsExactly(new ItemQuantity("CUP", 1), new ItemQuantity("CUP", 1));
        assertThat(second.state().isFollowUp()).isTrue();
        assertThat(second.state().parcelNumber()).isEqualTo(2);
        assertThat(second.state().otherParcel()).isEqualTo(first.state().shipmentId());
        assertThat(second.events())
                .extracting(event -> event.getClass().getSimpleName())
                .containsExactly("ShipmentCreated", "StockShortage");
        assertThat(second.events())
                .filteredOn(StockShortage.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(StockShortage.class, shortage -> {
                    assertThat(shortage.shipmentId()).isEqualTo("shp-2~tmall-flagship:T2");
                    assertThat(shortage.missingQuantity()).isEqualTo(2);
                });
        assertThat(Fulfillment.followUpOf(Optional.of(second.state()), first.state(), NOW)
                        .isNone())
                .as("made once")
                .isTrue();
        assertThat(second.state().stockAllocated("CUP").state().status()).isEqualTo(ShipmentStatus.READY);
    }

    @Test
    void anItemChangeFollowsTheLineIntoTheParcelThatCarriesItAndIsTroubleOnlyThereOnceItLeft() {
        Fulfillment first = Fulfillment.forPaidOrder(Optional.empty(), TEA_AND_CUPS, CUPS_SHORT, List.of(1, 3), NOW)
                .state();
        Fulfillment second =
                Fulfillment.followUpOf(Optional.empty(), first, NOW).state();

        Fulfillment changedSecond = second.itemChanged(
                        1,
                        "CUP-BLUE",
                        "Cup, blue",
                        Set.of("CUP", "CUP-BLUE"),
                        List.of(new ItemQuantity("CUP", 1), new ItemQuantity("CUP-BLUE", 1)),
                        NOW)
                .state();
        assertThat(changedSecond.lines()).containsExactly(new ItemQuantity("CUP-BLUE", 1), new ItemQuantity("CUP", 1));
        Fulfillment firstAfter = first.itemChanged(1, "CUP-BLUE", "Cup, blue", Set.of(), List.of(), NOW)
                .state();
        assertThat(firstAfter.lines()).as("not its line").isEqualTo(first.lines());
        assertThat(firstAfter.paid().lines().get(1).sku())
                .as("but it knows the order changed")
                .isEqualTo("CUP-BLUE");

        Fulfillment firstLeft =
                first.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW).state();
        assertThat(firstLeft
                        .itemChanged(1, "CUP-BLUE", "Cup, blue", Set.of(), List.of(), NOW)
                        .isNone())
                .as("the first parcel never carried line 1: no trouble for it")
                .isTrue();
        assertThat(firstLeft
                        .itemChanged(0, "TEA-BIG", null, Set.of(), List.of(), NOW)
                        .events())
                .singleElement()
                .isInstanceOf(ShipmentException.class);
    }

    @Test
    void aRefundNamingTheShortGoodsStopsTheSecondParcelAloneAndAReturnIsAwaitedPerParcelBySku() {
        Fulfillment first = Fulfillment.forPaidOrder(Optional.empty(), TEA_AND_CUPS, CUPS_SHORT, List.of(1, 3), NOW)
                .state();
        Fulfillment second =
                Fulfillment.followUpOf(Optional.empty(), first, NOW).state();
        Money cups = new Money(6500, "CNY");

        assertThat(first.refundApproved("r1", "REFUND_ONLY", cups, CUPS_SHORT, NOW)
                        .isNone())
                .as("the tea goes")
                .isTrue();
        assertThat(second.refundApproved("r1", "REFUND_ONLY", cups, CUPS_SHORT, NOW)
                        .state()
                        .status())
                .isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(second.refundApproved("r1", "REFUND_ONLY", cups, List.of(new ItemQuantity("CUP", 1)), NOW)
                        .isNone())
                .as("one of the two cups given up: the other still goes")
                .isTrue();
        assertThat(second.refundApproved("r1", "REFUND_ONLY", new Money(12800, "CNY"), List.of(), NOW)
                        .isNone())
                .as("an amount as large as the cups names no goods: the tea's price back, say")
                .isTrue();
        assertThat(second.refundApproved("r2", "REFUND_ONLY", new Money(19300, "CNY"), List.of(), NOW)
                        .state()
                        .status())
                .as("all the order's goods")
                .isEqualTo(ShipmentStatus.CANCELLED);

        Fulfillment firstLeft =
                first.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW).state();
        Fulfillment secondLeft = second.stockAllocated("CUP")
                .state()
                .dispatch("SF", "SF1234567890124", true, "wh.zhao", NOW)
                .state();
        List<ItemQuantity> teaBack = List.of(new ItemQuantity("TEA", 1));
        assertThat(firstLeft
                        .refundRequested("r3", Fulfillment.RETURN_AND_REFUND, teaBack, NOW)
                        .state()
                        .returnCase("r3")
                        .expected())
                .isEqualTo(teaBack);
        Fulfillment notConcerned = secondLeft
                .refundRequested("r3", Fulfillment.RETURN_AND_REFUND, teaBack, NOW)
                .state();
        assertThat(notConcerned.returnCase("r3").status())
                .as("no tea in the cups' parcel")
                .isEqualTo(Fulfillment.ReturnStatus.ELSEWHERE);
        assertThat(notConcerned
                        .refundApproved("r3", Fulfillment.RETURN_AND_REFUND, new Money(12800, "CNY"), List.of(), NOW)
                        .isNone())
                .as("its approval does not make the cups' parcel wait for a return")
                .isTrue();
        assertThat(secondLeft
                        .refundApproved("r5", Fulfillment.RETURN_AND_REFUND, new Money(12800, "CNY"), teaBack, NOW)
                        .isNone())
                .as("approved without a request here, for the tea alone")
                .isTrue();
        assertThat(secondLeft
                        .refundRequested("r4", Fulfillment.RETURN_AND_REFUND, List.of(), NOW)
                        .state()
                        .returnCase("r4")
                        .expected())
                .as("everything back: each parcel awaits its own lines")
                .isEqualTo(secondLeft.lines());
    }

    @Test
    void noSecondParcelIsMadeForAnOrderWhoseFirstWasCancelledMeanwhile() {
        Fulfillment first = Fulfillment.forPaidOrder(Optional.empty(), TEA_AND_CUPS, CUPS_SHORT, List.of(1, 3), NOW)
                .state();

        assertThat(Fulfillment.followUpOf(
                                Optional.empty(), first.orderCancelled(NOW).state(), NOW)
                        .isNone())
                .isTrue();
        assertThat(Fulfillment.followUpOf(Optional.empty(), first.orderHeld().state(), NOW)
                        .state()
                        .status())
                .as("held with the first")
                .isEqualTo(ShipmentStatus.ON_HOLD);
    }

    @Test
    void dispatchNeedsACarrierAndATrackingNumberInItsFormat() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        assertThatThrownBy(() -> ready.dispatch(" ", "SF123456", true, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ready.dispatch("SF", "12", true, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ready.dispatch("SF", "SF 123 {$gt}", true, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ready.dispatch("SF", "YT1234567890123", true, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a SF Express tracking number");

        Fulfillment scanned =
                ready.dispatch("sf", "sf 1234 5678 90123", true, "wh", NOW).state();
        assertThat(scanned.carrier()).isEqualTo("SF");
        assertThat(scanned.trackingNumber()).isEqualTo("SF1234567890123");
    }

    @Test
    void aParcelIsCheckedAgainstItsSlipBeforeItLeavesAndAMismatchHoldsItAndTellsCustomerService() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        assertThatThrownBy(() -> ready.dispatch("SF", "SF1234567890123", false, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("has not been checked");
        assertThatThrownBy(() -> ready.inspected(false, " ", "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("note is required");

        var mismatch = ready.inspected(false, "gift box missing", "wh.zhao", NOW);
        assertThat(mismatch.events()).singleElement().isInstanceOfSatisfying(ShipmentException.class, event -> {
            assertThat(event.kind()).isEqualTo(Fulfillment.ACCESSORIES_MISMATCH);
            assertThat(event.detail()).isEqualTo("gift box missing");
        });
        assertThatThrownBy(() -> mismatch.state().dispatch("SF", "SF1234567890123", true, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("failed its check (gift box missing)");

        Fulfillment complete =
                mismatch.state().inspected(true, null, "wh.zhao", NOW).state();
        var dispatched = complete.dispatch("SF", "SF1234567890123", false, "wh.li", NOW);
        assertThat(dispatched.state().status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(dispatched.state().inspection().by()).isEqualTo("wh.zhao");
        assertThatThrownBy(() -> dispatched.state().inspected(true, null, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class);
    }

    @Test
    void checkingAtTheDispatchDeskRecordsTheCheckWithTheDispatch() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        Fulfillment dispatched =
                ready.dispatch("SF", "SF1234567890123", true, "wh.li", NOW).state();

        assertThat(dispatched.inspection()).isEqualTo(new Fulfillment.Inspection(true, null, "wh.li", NOW));
    }

    @Test
    void aShipmentStaysInTheFirstBatchThatTakesItAndRollsOnWhenItDidNotGoOut() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        Fulfillment inBatch = ready.joinBatch("tmall-flagship-2026-11-28").state();
        assertThat(inBatch.batchId()).isEqualTo("tmall-flagship-2026-11-28");
        assertThat(inBatch.joinBatch("tmall-flagship-2026-11-29").isNone()).isTrue();
        assertThat(inBatch.leaveBatch("tmall-flagship-2026-11-27").isNone()).isTrue();
        assertThat(inBatch.leaveBatch("tmall-flagship-2026-11-28").state().batchId())
                .isNull();

        var dispatched = inBatch.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW);
        assertThat(dispatched.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentDispatched.class,
                        event -> assertThat(event.batchId()).isEqualTo("tmall-flagship-2026-11-28"));
        assertThat(dispatched.state().leaveBatch("tmall-flagship-2026-11-28").isNone())
                .isTrue();
    }

    @Test
    void theBatchTakesAShipmentByWhenItsOrderWasPaid() {
        Instant paidAt = Instant.parse("2026-11-28T05:59:59Z");
        OrderPaid paidBeforeTwo = paid(paidAt, "please hurry", List.of());

        Fulfillment shipment = Fulfillment.forPaidOrder(Optional.empty(), paidBeforeTwo, List.of(), List.of(), NOW)
                .state();

        assertThat(shipment.paidAt()).isEqualTo(paidAt);
        assertThat(shipment.paid().buyerNote()).isEqualTo("please hurry");
        assertThat(shipment.paid().lines()).extracting(OrderLine::title).containsExactly("Tea", "Gift card");
    }

    @Test
    void urgesAreRecordedWhileTheParcelIsInTheWarehouse() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        Fulfillment urged = ready.urged("cs.li", NOW, "wedding on Saturday")
                .state()
                .urged("cs.wang", NOW, null)
                .state();

        assertThat(urged.urges()).extracting(Fulfillment.Urge::by).containsExactly("cs.li", "cs.wang");
        Fulfillment dispatched =
                urged.dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW).state();
        assertThatThrownBy(() -> dispatched.urged("cs.li", NOW, "again")).isInstanceOf(ShipmentConflict.class);
    }

    @Test
    void carrierReportsMoveAParcelOnlyForwardAndDeliveryIsTheLastWord() {
        Fulfillment dispatched = dispatched();
        Instant morning = Instant.parse("2026-11-29T01:00:00Z");

        var inTransit = dispatched.tracked(update(TrackingStatus.IN_TRANSIT, morning, "已揽收"));
        assertThat(inTransit.events()).isEmpty();
        Fulfillment moving = inTransit.state();
        assertThat(moving.tracked(update(TrackingStatus.IN_TRANSIT, morning, "已揽收"))
                        .isNone())
                .as("the same report again")
                .isTrue();
        assertThat(moving.tracked(update(TrackingStatus.OUT_FOR_DELIVERY, morning.minusSeconds(60), "派件中"))
                        .isNone())
                .as("a report older than the latest, arriving late")
                .isTrue();

        var delivered = moving.tracked(update(TrackingStatus.DELIVERED, morning.plusSeconds(7200), "已签收"));
        assertThat(delivered.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentDelivered.class,
                        event -> assertThat(event.deliveredAt()).isEqualTo(morning.plusSeconds(7200)));
        assertThat(delivered
                        .state()
                        .tracked(update(TrackingStatus.EXCEPTION, morning.plusSeconds(9000), "lost"))
                        .isNone())
                .as("nothing after delivery")
                .isTrue();
        assertThat(Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                        .state()
                        .tracked(update(TrackingStatus.IN_TRANSIT, morning, "?"))
                        .isNone())
                .as("a parcel not dispatched has no tracking")
                .isTrue();
    }

    @Test
    void aParcelInTroubleIsQueuedByItsFirstReportFollowedUpAndResolvedOrEndsByItselfOnDelivery() {
        Instant first = Instant.parse("2026-11-29T01:00:00Z");
        var failed = dispatched().tracked(update(TrackingStatus.FAILED_ATTEMPT, first, "无人签收"));
        assertThat(failed.events()).singleElement().isInstanceOfSatisfying(ShipmentException.class, event -> {
            assertThat(event.kind()).isEqualTo("FAILED_ATTEMPT");
            assertThat(event.detail()).isEqualTo("无人签收");
        });
        Fulfillment worse = failed.state()
                .tracked(update(TrackingStatus.EXCEPTION, first.plusSeconds(3600), "包裹破损"))
                .state();
        assertThat(worse.trouble().open()).isTrue();
        assertThat(worse.trouble().reportedAt())
                .as("queued by its first report")
                .isEqualTo(first);
        assertThat(worse.trouble().kind()).isEqualTo("EXCEPTION");

        Fulfillment followedUp = worse.troubleNoted("Called SF: parcel at Hangzhou hub", "cs.li", first)
                .state();
        assertThatThrownBy(() -> followedUp.troubleNoted(" ", "cs.li", first))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> followedUp.troubleResolved(Fulfillment.TroubleOutcome.DELIVERED, null, "cs.li", first))
                .isInstanceOf(IllegalArgumentException.class);
        Fulfillment resolved = followedUp
                .troubleResolved(Fulfillment.TroubleOutcome.REDELIVER, "Monday", "cs.li", first)
                .state();
        assertThat(resolved.trouble().open()).isFalse();
        assertThat(resolved.trouble().notes())
                .extracting(Fulfillment.FollowUp::by)
                .containsExactly("cs.li");
        assertThatThrownBy(() -> resolved.troubleNoted("again", "cs.li", first))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("no open trouble");

        Fulfillment deliveredAfterAll = worse.tracked(
                        update(TrackingStatus.DELIVERED, first.plusSeconds(90_000), "已签收"))
                .state();
        assertThat(deliveredAfterAll.trouble().open()).isFalse();
        assertThat(deliveredAfterAll.trouble().resolution().outcome()).isEqualTo(Fulfillment.TroubleOutcome.DELIVERED);
    }

    @Test
    void aFailedCheckIsTroubleUntilACompleteCheck() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        Fulfillment mismatch =
                ready.inspected(false, "gift box missing", "wh.zhao", NOW).state();
        assertThat(mismatch.trouble().kind()).isEqualTo(Fulfillment.ACCESSORIES_MISMATCH);
        assertThat(mismatch.trouble().open()).isTrue();

        Fulfillment rechecked =
                mismatch.inspected(true, "gift box found", "wh.zhao", NOW).state();
        assertThat(rechecked.trouble().open()).isFalse();
        assertThat(rechecked.trouble().resolution().outcome()).isEqualTo(Fulfillment.TroubleOutcome.RECHECKED);
    }

    @Test
    void aFullRefundApprovedBeforeDispatchInterceptsTheParcelAPartialOneLetsItGo() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        assertThat(ready.refundApproved("rf-1", "REFUND_ONLY", new Money(1000, "CNY"), List.of(), NOW)
                        .isNone())
                .as("10 yuan back for a late parcel: it still ships")
                .isTrue();
        var intercepted = ready.refundApproved("rf-2", "REFUND_ONLY", new Money(25600, "CNY"), List.of(), NOW);
        assertThat(intercepted.state().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(intercepted.state().cancellation())
                .isEqualTo(new Fulfillment.Cancellation(Fulfillment.REFUND_APPROVED, "rf-2", NOW));
        assertThat(intercepted.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentCancelled.class,
                        event -> assertThat(event.reason()).isEqualTo("REFUND_APPROVED"));
        assertThatThrownBy(() -> intercepted.state().dispatch("SF", "SF1234567890123", true, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("intercepted by refund rf-2: pull the parcel");
        assertThat(dispatched()
                        .refundApproved("rf-3", "REFUND_ONLY", new Money(25600, "CNY"), List.of(), NOW)
                        .isNone())
                .as("after dispatch a refund of money only changes nothing here")
                .isTrue();
    }

    @Test
    void anApprovedReturnIsAwaitedAndReceivedOnceWithEveryUnitAccountedFor() {
        Fulfillment dispatched = dispatched();
        Fulfillment requested = dispatched
                .refundRequested("rf-9", "RETURN_AND_REFUND", List.of(new ItemQuantity("TEA", 2)), NOW)
                .state();
        assertThat(requested.returnCase("rf-9").status()).isEqualTo(Fulfillment.ReturnStatus.REQUESTED);
        assertThatThrownBy(() -> requested.returnReceived(
                        "rf-9", List.of(new Fulfillment.ReturnedLine("TEA", 2, 0, 0)), null, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("once it is approved");

        Fulfillment approved = requested
                .refundApproved("rf-9", "RETURN_AND_REFUND", new Money(25600, "CNY"), List.of(), NOW)
                .state();
        assertThat(approved.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(approved.returnCase("rf-9").status()).isEqualTo(Fulfillment.ReturnStatus.APPROVED);

        assertThatThrownBy(() -> approved.returnReceived(
                        "rf-9", List.of(new Fulfillment.ReturnedLine("TEA", 1, 0, 0)), null, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 units of TEA are expected");
        assertThatThrownBy(() -> approved.returnReceived(
                        "rf-9", List.of(new Fulfillment.ReturnedLine("CUP", 1, 0, 0)), null, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in this return");
        assertThatThrownBy(() -> approved.returnReceived(
                        "rf-9", List.of(new Fulfillment.ReturnedLine("TEA", 3, -1, 0)), null, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class);

        var received = approved.returnReceived(
                "rf-9", List.of(new Fulfillment.ReturnedLine("TEA", 1, 1, 0)), "one tin dented", "wh.zhao", NOW);
        assertThat(received.events()).singleElement().isInstanceOfSatisfying(ReturnReceived.class, event -> {
            assertThat(event.lines()).containsExactly(new ItemQuantity("TEA", 2));
            assertThat(event.inspection()).isEqualTo("TEA: 1 resellable, 1 damaged, 0 missing — one tin dented");
            assertThat(event.receivedBy()).isEqualTo("wh.zhao");
        });
        assertThatThrownBy(() -> received.state()
                        .returnReceived("rf-9", List.of(new Fulfillment.ReturnedLine("TEA", 2, 0, 0)), null, "wh", NOW))
                .isInstanceOf(ShipmentConflict.class)
                .hasMessageContaining("RECEIVED (by wh.zhao");
        assertThat(received.state().refundClosed("rf-9").isNone()).isTrue();
    }

    @Test
    void aReturnRevisedBeforeTheDecisionIsAwaitedWithTheUnitsDecided() {
        Fulfillment requested = dispatched()
                .refundRequested("rf-9", "RETURN_AND_REFUND", List.of(new ItemQuantity("TEA", 2)), NOW)
                .state();

        Fulfillment revised = requested
                .refundRequested("rf-9", "RETURN_AND_REFUND", List.of(new ItemQuantity("TEA", 1)), NOW.plusSeconds(60))
                .state();
        assertThat(revised.returnCase("rf-9").expected()).containsExactly(new ItemQuantity("TEA", 1));
        assertThat(revised.returnCase("rf-9").requestedAt()).isEqualTo(NOW);
        assertThat(revised.refundRequested("rf-9", "RETURN_AND_REFUND", List.of(new ItemQuantity("TEA", 1)), NOW)
                        .isNone())
                .as("the same request again")
                .isTrue();

        Fulfillment approvedAsDecided = requested
                .refundApproved(
                        "rf-9", "RETURN_AND_REFUND", new Money(12800, "CNY"), List.of(new ItemQuantity("TEA", 1)), NOW)
                .state();
        assertThat(approvedAsDecided.returnCase("rf-9").expected())
                .as("the approval's units, though the revision has not arrived")
                .containsExactly(new ItemQuantity("TEA", 1));
        assertThat(approvedAsDecided
                        .refundRequested("rf-9", "RETURN_AND_REFUND", List.of(new ItemQuantity("TEA", 2)), NOW)
                        .isNone())
                .as("a request after the decision changes nothing")
                .isTrue();
    }

    @Test
    void aReturnApprovedWithoutARequestExpectsTheWholeParcelAndAClosedRefundStopsTheWait() {
        Fulfillment approved = dispatched()
                .refundApproved("rf-5", "RETURN_AND_REFUND", new Money(25600, "CNY"), List.of(), NOW)
                .state();

        assertThat(approved.returnCase("rf-5").expected()).isEqualTo(PAID_LINES);
        assertThat(approved.refundClosed("rf-5").state().returnCase("rf-5").status())
                .isEqualTo(Fulfillment.ReturnStatus.CLOSED);
        assertThat(approved.refundRequested("rf-5", "RETURN_AND_REFUND", List.of(), NOW)
                        .isNone())
                .isTrue();
        assertThat(Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                        .state()
                        .refundRequested("rf-6", "RETURN_AND_REFUND", List.of(), NOW)
                        .isNone())
                .as("nothing to send back before dispatch")
                .isTrue();
    }

    @Test
    void anExchangesGoodsAreAwaitedAndReceivedLikeAReturnAfterDispatch() {
        List<ItemQuantity> oneTea = List.of(new ItemQuantity("TEA", 1));
        Fulfillment requested = dispatched()
                .refundRequested("ex-1", Fulfillment.EXCHANGE, oneTea, NOW)
                .state();
        assertThat(requested.returnCase("ex-1").status()).isEqualTo(Fulfillment.ReturnStatus.REQUESTED);

        Fulfillment approved = requested
                .refundApproved("ex-1", Fulfillment.EXCHANGE, Money.zero("CNY"), oneTea, NOW)
                .state();
        assertThat(approved.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(approved.returnCase("ex-1").status()).isEqualTo(Fulfillment.ReturnStatus.APPROVED);
        assertThat(approved.returnCase("ex-1").expected()).isEqualTo(oneTea);
        assertThat(dispatched()
                        .refundApproved("ex-2", Fulfillment.EXCHANGE, Money.zero("CNY"), oneTea, NOW)
                        .state()
                        .returnCase("ex-2")
                        .status())
                .as("approved without a request")
                .isEqualTo(Fulfillment.ReturnStatus.APPROVED);

        var received = approved.returnReceived(
                "ex-1", List.of(new Fulfillment.ReturnedLine("TEA", 1, 0, 0)), null, "wh.zhao", NOW);
        assertThat(received.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReturnReceived.class, event -> assertThat(event.lines()).isEqualTo(oneTea));
    }

    @Test
    void anExchangeNeverInterceptsAParcelInTheWarehouse() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();

        assertThat(ready.refundApproved("ex-1", Fulfillment.EXCHANGE, Money.zero("CNY"), PAID_LINES, NOW)
                        .isNone())
                .as("its lines name every unit, but to swap them, not to give them up")
                .isTrue();
        assertThat(ready.refundApproved("ex-1", Fulfillment.EXCHANGE, null, List.of(), NOW)
                        .isNone())
                .as("nor does an unknown amount make it a full refund")
                .isTrue();
        assertThat(ready.refundRequested("ex-1", Fulfillment.EXCHANGE, PAID_LINES, NOW)
                        .isNone())
                .isTrue();
    }

    @Test
    void anExchangesReplacementIsANewParcelOfItsLinesSentOnceToTheOrderAsItsFirstParcelKnowsIt() {
        Address corrected =
                new Address("王芳", "13800138000", "CN", null, "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Fulfillment first = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state()
                .addressChanged(corrected)
                .state()
                .sellerMemoChanged("YTO", "礼盒包装")
                .state()
                .dispatch("YTO", "YT1234567890123", true, "wh.zhao", NOW)
                .state();
        List<ItemQuantity> oneTea = List.of(new ItemQuantity("TEA", 1));

        var made = Fulfillment.replacementOf(Optional.empty(), first, "tmall-flagship:RF1", oneTea, List.of(), NOW);

        Fulfillment replacement = made.state();
        assertThat(replacement.shipmentId()).isEqualTo("shp-r~tmall-flagship:RF1");
        assertThat(replacement.key()).isEqualTo("r~tmall-flagship:RF1");
        assertThat(Fulfillment.keyOf(replacement.shipmentId())).contains(replacement.key());
        assertThat(replacement.orderId()).isEqualTo(PAID.orderId());
        assertThat(replacement.status()).isEqualTo(ShipmentStatus.READY);
        assertThat(replacement.lines()).isEqualTo(oneTea);
        assertThat(replacement.address()).isEqualTo(corrected);
        assertThat(replacement.requestedCarrier()).isEqualTo(first.requestedCarrier());
        assertThat(replacement.carrierToUse()).isEqualTo("YTO");
        assertThat(replacement.paid()).as("for the slip's order header").isEqualTo(first.paid());
        assertThat(replacement.paidAt()).isEqualTo(first.paidAt());
        assertThat(replacement.isReplacement()).isTrue();
        assertThat(replacement.replacementFor()).isEqualTo("tmall-flagship:RF1");
        assertThat(replacement.isFollowUp()).isFalse();
        assertThat(replacement.parcelNumber()).isNull();
        assertThat(replacement.otherParcel()).isNull();
        assertThat(first.isReplacement()).isFalse();
        assertThat(made.events()).singleElement().isInstanceOfSatisfying(ShipmentCreated.class, created -> {
            assertThat(created.shipmentId()).isEqualTo(replacement.shipmentId());
            assertThat(created.lines()).isEqualTo(oneTea);
            assertThat(created.replacementFor()).isEqualTo("tmall-flagship:RF1");
        });
        assertThat(Fulfillment.replacementOf(
                                Optional.of(replacement), first, "tmall-flagship:RF1", oneTea, List.of(), NOW)
                        .isNone())
                .as("one per case")
                .isTrue();
        assertThat(Fulfillment.replacementOf(Optional.empty(), first, "tmall-flagship:RF2", List.of(), List.of(), NOW)
                        .isNone())
                .as("nothing to send")
                .isTrue();
        assertThat(replacement
                        .dispatch("YTO", "YT1234567890124", true, "wh.zhao", NOW)
                        .events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ShipmentDispatched.class,
                        dispatched -> assertThat(dispatched.shipmentId()).isEqualTo(replacement.shipmentId()));
    }

    @Test
    void aClosedExchangeCancelsItsReplacementOnlyWhileItIsInTheWarehouse() {
        Fulfillment first = dispatched();
        Fulfillment replacement = Fulfillment.replacementOf(
                        Optional.empty(),
                        first,
                        "tmall-flagship:RF1",
                        List.of(new ItemQuantity("TEA", 1)),
                        List.of(),
                        NOW)
                .state();

        var closed = replacement.exchangeClosed(NOW);

        assertThat(closed.state().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(closed.events()).singleElement().isInstanceOfSatisfying(ShipmentCancelled.class, cancelled -> {
            assertThat(cancelled.shipmentId()).isEqualTo("shp-r~tmall-flagship:RF1");
            assertThat(cancelled.reason()).isEqualTo(Fulfillment.EXCHANGE_CLOSED);
        });
        assertThat(closed.state().exchangeClosed(NOW).isNone()).as("once").isTrue();
        assertThat(first.exchangeClosed(NOW).isNone())
                .as("the order's own parcel")
                .isTrue();
        assertThat(replacement
                        .dispatch("YTO", "YT1234567890124", true, "wh.zhao", NOW)
                        .state()
                        .exchangeClosed(NOW)
                        .isNone())
                .as("a replacement that left is the buyer's")
                .isTrue();
    }

    @Test
    void aReplacementShortOfUnitsWaitsForThemAsAnyParcel() {
        var made = Fulfillment.replacementOf(
                Optional.empty(),
                dispatched(),
                "tmall-flagship:RF1",
                List.of(new ItemQuantity("TEA", 2)),
                List.of(new ItemQuantity("TEA", 1)),
                NOW);

        assertThat(made.state().status()).isEqualTo(ShipmentStatus.AWAITING_STOCK);
        assertThat(made.events())
                .filteredOn(StockShortage.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(
                        StockShortage.class,
                        shortage -> assertThat(shortage.shipmentId()).isEqualTo("shp-r~tmall-flagship:RF1"));
        assertThat(made.state().stockAllocated("TEA").state().status()).isEqualTo(ShipmentStatus.READY);
    }

    @Test
    void aChangedItemIsPackedInsteadWithWhatIsStillMissingOfItAndAChangeAfterDispatchIsTrouble() {
        Fulfillment ready = Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state();
        assertThat(ready.linesAfterChange(0, "TEA-500", "Tea 500g"))
                .first()
                .isEqualTo(new OrderLine("TEA-500", "Tea 500g", 2, new Money(12800, "CNY")));

        var changed = ready.itemChanged(
                0, "TEA-500", "Tea 500g", Set.of("TEA", "TEA-500"), List.of(new ItemQuantity("TEA-500", 1)), NOW);

        assertThat(changed.state().lines())
                .containsExactly(new ItemQuantity("TEA-500", 2), new ItemQuantity("Gift card", 1));
        assertThat(changed.state().hasItem(0, "TEA-500")).isTrue();
        assertThat(changed.state().status()).isEqualTo(ShipmentStatus.AWAITING_STOCK);
        assertThat(changed.state().shortages()).containsExactly(new ItemQuantity("TEA-500", 1));
        assertThat(changed.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        StockShortage.class,
                        shortage -> assertThat(shortage.sku()).isEqualTo("TEA-500"));
        assertThat(changed.state()
                        .itemChanged(0, "TEA-500", "Tea 500g", Set.of(), List.of(), NOW)
                        .isNone())
                .as("taken before")
                .isTrue();

        var tooLate = dispatched().itemChanged(0, "TEA-500", null, Set.of(), List.of(), NOW);
        assertThat(tooLate.state().trouble().kind()).isEqualTo(Fulfillment.ITEM_CHANGE_TOO_LATE);
        assertThat(tooLate.events()).singleElement().isInstanceOf(ShipmentException.class);
    }

    @Test
    void aReceiptWhoseNumbersOverflowOrWithAnEmptyLineIsRefusedAndARestockIsMarkedOnce() {
        Fulfillment approved = dispatched()
                .refundApproved("rf-7", "RETURN_AND_REFUND", new Money(25600, "CNY"), List.of(), NOW)
                .state();

        assertThatThrownBy(() -> approved.returnReceived(
                        "rf-7",
                        List.of(new Fulfillment.ReturnedLine("TEA", Integer.MAX_VALUE, Integer.MAX_VALUE, 4)),
                        null,
                        "wh",
                        NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must add up");
        List<Fulfillment.ReturnedLine> withAHole = new ArrayList<>();
        withAHole.add(null);
        assertThatThrownBy(() -> approved.returnReceived("rf-7", withAHole, null, "wh", NOW))
                .isInstanceOf(IllegalArgumentException.class);

        Fulfillment received = approved.returnReceived(
                        "rf-7",
                        List.of(
                                new Fulfillment.ReturnedLine("TEA", 2, 0, 0),
                                new Fulfillment.ReturnedLine("Gift card", 0, 0, 1)),
                        null,
                        "wh",
                        NOW)
                .state();
        Fulfillment restocked = received.restocked("rf-7").state();
        assertThat(restocked.returnCase("rf-7").restocked()).isTrue();
        assertThat(restocked.restocked("rf-7").isNone()).isTrue();
        assertThat(approved.restocked("rf-7").isNone()).as("not received yet").isTrue();
    }

    @Test
    void aRefundApprovedBeforeThePaymentWasSeenLeavesACancelledShipmentThatThePaymentFinds() {
        var stopped = Fulfillment.interceptedBeforePayment(PAID.orderId(), PAID.storeId(), "rf-1", NOW);

        assertThat(stopped.state().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(stopped.events()).singleElement().isInstanceOf(ShipmentCancelled.class);
        assertThat(Fulfillment.forPaidOrder(Optional.of(stopped.state()), PAID, List.of(), List.of(), NOW)
                        .isNone())
                .isTrue();
    }

    @Test
    void troubleReportedUnderTheTimeOfTheLastScanIsTakenButNothingElseIs() {
        Instant scan = Instant.parse("2026-11-29T01:00:00Z");
        Fulfillment moving = dispatched()
                .tracked(update(TrackingStatus.IN_TRANSIT, scan, "运输中"))
                .state();

        assertThat(moving.tracked(update(TrackingStatus.OUT_FOR_DELIVERY, scan, "派件中"))
                        .isNone())
                .as("not trouble nor an end: same time, no news")
                .isTrue();
        Fulfillment expired = moving.tracked(update(TrackingStatus.EXCEPTION, scan, "tracking expired"))
                .state();
        assertThat(expired.trouble().kind()).isEqualTo("EXCEPTION");
        assertThat(expired.tracked(update(TrackingStatus.EXCEPTION, scan, "tracking expired"))
                        .isNone())
                .isTrue();
    }

    private static Fulfillment dispatched() {
        return Fulfillment.forPaidOrder(Optional.empty(), PAID, List.of(), List.of(), NOW)
                .state()
                .dispatch("SF", "SF1234567890123", true, "wh.zhao", NOW)
                .state();
    }

    private static TrackingUpdate update(TrackingStatus status, Instant at, String detail) {
        return new TrackingUpdate("SF", "SF1234567890123", status, at, detail, "杭州");
    }

    /** {@link #PAID}, paid at {@code paidAt} with the buyer's note and the holds review found. */
    private static OrderPaid paid(Instant paidAt, String buyerNote, List<String> holds) {
        return new OrderPaid(
                PAID.orderId(),
                PAID.storeId(),
                PAID.channel(),
                PAID.externalOrderId(),
                PAID.lines(),
                PAID.shippingFee(),
                PAID.total(),
                paidAt,
                null,
                buyerNote,
                "SF",
                holds,
                null);
    }
}
