package io.storeops.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.ItemQuantity;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.fulfillment.ShipmentCancelled;
import io.storeops.contracts.events.fulfillment.ShipmentCreated;
import io.storeops.contracts.events.fulfillment.ShipmentDelivered;
import io.storeops.contracts.events.fulfillment.ShipmentDispatched;
import io.storeops.contracts.events.fulfillment.ShipmentException;
import io.storeops.contracts.events.fulfillment.StockAllocated;
import io.storeops.contracts.events.fulfillment.StockShortage;
import io.storeops.contracts.events.order.OrderAddressChanged;
import io.storeops.contracts.events.order.OrderCancelled;
import io.storeops.contracts.events.order.OrderHeld;
import io.storeops.contracts.events.order.OrderPaid;
import io.storeops.contracts.events.order.OrderPlaced;
import io.storeops.contracts.events.order.OrderReleased;
import io.storeops.contracts.events.order.OrderSellerMemoChanged;
import io.storeops.order.items.ItemChanges;
import io.storeops.order.lifecycle.TimelineEntry.Kind;
import io.storeops.order.memo.SellerMemos;
import io.storeops.order.review.AddressCheck;
import io.storeops.order.review.AddressCorrection;
import io.storeops.order.review.AddressRejected;
import io.storeops.order.stockout.StockOutFollowUp;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final AddressCheck CHECK = new AddressCheck(List.of("SF", "UPS"));
    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");
    private static final Instant PLACED_AT = Instant.parse("2026-11-28T01:58:00Z");
    private static final StorefrontOrder PLACED = facts(null, 25600);
    private static final StorefrontOrder PAID = facts(Instant.parse("2026-11-28T02:00:00Z"), 25600);

    @Test
    void aPaymentForAnOrderNeverSeenPlacesAndPaysItAndAnnouncesBoth() {
        Change<Order> change = StorefrontMessages.receivePayment(Optional.empty(), PAID, Set.of());

        assertThat(change.state().status()).isEqualTo(Progress.PAID);
        assertThat(change.state().orderId()).isEqualTo("tmall-flagship:T1");
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0))
                .isInstanceOfSatisfying(
                        OrderPlaced.class, event -> assertThat(event.placedAt()).isEqualTo(PLACED_AT));
        assertThat(change.events().get(1)).isInstanceOfSatisfying(OrderPaid.class, event -> {
            assertThat(event.total()).isEqualTo(new Money(25600, "CNY"));
            assertThat(event.buyerNote()).isEqualTo("SF please");
        });
        assertThat(change.state().timeline()).extracting(TimelineEntry::what).containsExactly(Kind.PLACED, Kind.PAID);
    }

    @Test
    void aPlacedOrderTakesNewerDetailsUntilItIsPaidWithThePaymentsDetails() {
        Order placed = StorefrontMessages.place(Optional.empty(), PLACED).state();
        assertThat(placed.status()).isEqualTo(Progress.PLACED);
        assertThat(placed.paidAt()).isNull();
        assertThat(StorefrontMessages.place(Optional.of(placed), PLACED).isNone())
                .as("the same details again")
                .isTrue();

        Change<Order> updated = StorefrontMessages.place(Optional.of(placed), facts(null, 24000));
        assertThat(updated.events()).isEmpty();
        assertThat(updated.state().total()).isEqualTo(new Money(24000, "CNY"));
        assertThat(updated.state().timeline())
                .extracting(TimelineEntry::what)
                .containsExactly(Kind.PLACED, Kind.DETAILS_UPDATED);

        Change<Order> paid = StorefrontMessages.receivePayment(Optional.of(updated.state()), PAID, Set.of());
        assertThat(paid.state().status()).isEqualTo(Progress.PAID);
        assertThat(paid.state().total()).isEqualTo(new Money(25600, "CNY"));
        assertThat(paid.state().placedAt()).as("placed when first placed").isEqualTo(PLACED_AT);
        assertThat(paid.events()).singleElement().isInstanceOf(OrderPaid.class);
    }

    @Test
    void lateOrOutOfOrderStorefrontMessagesNeverMoveAnOrderBack() {
        Order paid = paid();
        Order cancelled = paid.cancel("changed mind", "buyer", NOON).state();

        assertThat(StorefrontMessages.place(Optional.of(paid), PLACED).isNone())
                .as("placed after paid")
                .isTrue();
        assertThat(StorefrontMessages.place(Optional.of(cancelled), facts(null, 1))
                        .isNone())
                .as("an update after cancellation")
                .isTrue();
    }

    @Test
    void aRepeatedOrLatePaymentChangesNothing() {
        Order paid = paid();
        Order shipped = ShipmentProgress.dispatched(paid, dispatch()).state();
        Order cancelled = paid.cancel("changed mind", "buyer", NOON).state();

        assertThat(StorefrontMessages.receivePayment(Optional.of(paid), PAID, Set.of())
                        .isNone())
                .isTrue();
        assertThat(StorefrontMessages.receivePayment(Optional.of(shipped), PAID, Set.of())
                        .isNone())
                .isTrue();
        assertThat(StorefrontMessages.receivePayment(Optional.of(cancelled), PAID, Set.of())
                        .isNone())
                .isTrue();
    }

    @Test
    void theShipmentMakesAPaidOrderReadyOnce() {
        Order ready = ShipmentProgress.created(paid(), created()).state();

        assertThat(ready.status()).isEqualTo(Progress.READY);
        assertThat(ready.parcels().get(0).shipmentId()).isEqualTo("shp-1");
        assertThat(ShipmentProgress.created(ready, created()).isNone()).isTrue();
    }

    @Test
    void dispatchShipsTheOrderOnceWithItsTrackingNumber() {
        Order shipped = ShipmentProgress.dispatched(
                        ShipmentProgress.created(paid(), created()).state(), dispatch())
                .state();

        assertThat(shipped.status()).isEqualTo(Progress.SHIPPED);
        assertThat(shipped.parcels().get(0).trackingNumber()).isEqualTo("SF123");
        assertThat(ShipmentProgress.dispatched(shipped, dispatch()).isNone()).isTrue();
    }

    @Test
    void cancellingBeforeDispatchAnnouncesWhoAndWhyOnce() {
        Change<Order> cancelled =
                ShipmentProgress.created(paid(), created()).state().cancel("out of stock", "cs.li", NOON);

        assertThat(cancelled.state().status()).isEqualTo(Progress.CANCELLED);
        assertThat(cancelled.state().cancellation()).isEqualTo(new Order.Cancellation("out of stock", "cs.li", NOON));
        assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, event -> {
            assertThat(event.cancelledBy()).isEqualTo("cs.li");
            assertThat(event.reason()).isEqualTo("out of stock");
        });
        assertThat(cancelled.state().cancel("again", "buyer", NOON).isNone())
                .as("the first cancellation stands")
                .isTrue();
    }

    @Test
    void aStorefrontCancellationAfterDispatchIsFlaggedOnceForCustomerServiceAndChangesNothingElse() {
        Order shipped = ShipmentProgress.dispatched(paid(), dispatch()).state();

        Change<Order> flagged = cancelledOnStorefront(Optional.of(shipped));

        assertThat(flagged.events()).isEmpty();
        assertThat(flagged.state().status()).isEqualTo(Progress.SHIPPED);
        assertThat(flagged.state().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(Kind.CANCELLED_AFTER_DISPATCH);
            assertThat(entry.detail()).startsWith("Shopify: customer").contains("open a refund");
        });
        assertThat(cancelledOnStorefront(Optional.of(flagged.state())).isNone()).isTrue();
        assertThat(cancelledOnStorefront(Optional.of(paid())).events())
                .singleElement()
                .isInstanceOf(OrderCancelled.class);
    }

    @Test
    void aStorefrontCancellationOfAnOrderNeverSeenRecordsItPlacedThenCancelled() {
        Change<Order> recorded =
                StorefrontMessages.receiveCancellation(Optional.empty(), () -> PLACED, "Shopify: customer", NOON);

        assertThat(recorded.state().status()).isEqualTo(Progress.CANCELLED);
        assertThat(recorded.events()).hasSize(2).first().isInstanceOf(OrderPlaced.class);
        assertThat(recorded.events().get(1)).isInstanceOf(OrderCancelled.class);
    }

    private static Change<Order> cancelledOnStorefront(Optional<Order> known) {
        return StorefrontMessages.receiveCancellation(
                known,
                () -> {
                    throw new AssertionError("a known order's details are not read again");
                },
                "Shopify: customer",
                NOON);
    }

    @Test
    void aParcelDispatchedBeforeTheHoldReachedTheWarehouseShipsTheOrderAndSaysSo() {
        Order held = paid().hold("cs.li", "buyer may change address", NOON).state();

        Order shipped = ShipmentProgress.dispatched(held, dispatch()).state();

        assertThat(shipped.status()).isEqualTo(Progress.SHIPPED);
        assertThat(shipped.timeline())
                .last()
                .extracting(TimelineEntry::detail)
                .isEqualTo("SF SF123 while held for review (MANUAL): check with the buyer");
    }

    @Test
    void aDispatchedOrderIsNotCancelledButRefunded() {
        Order shipped = ShipmentProgress.dispatched(paid(), dispatch()).state();

        assertThatThrownBy(() -> shipped.cancel("too late", "buyer", NOON))
                .isInstanceOfSatisfying(
                        IllegalOrderTransition.class,
                        refused -> assertThat(refused.current()).isEqualTo(Progress.SHIPPED))
                .hasMessageContaining("refund");
    }

    @Test
    void aDispatchThatRacedACancellationStaysCancelledAndTellsCustomerServiceToInterceptTheParcel() {
        Order cancelled = paid().cancel("ordered twice", "cs.li", NOON).state();

        Order raced = ShipmentProgress.dispatched(cancelled, dispatch()).state();

        assertThat(raced.status()).isEqualTo(Progress.CANCELLED);
        assertThat(raced.parcels().get(0).trackingNumber()).isEqualTo("SF123");
        assertThat(raced.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(Kind.DISPATCHED_AFTER_CANCELLATION);
            assertThat(entry.by()).isEqualTo("wh.zhao");
            assertThat(entry.detail()).contains("SF SF123", "intercept");
        });
        assertThat(ShipmentProgress.dispatched(raced, dispatch()).isNone()).isTrue();
    }

    @Test
    void anOrderWithHoldReasonsIsPaidAndHeldAndBothAreAnnounced() {
        Change<Order> held = StorefrontMessages.receivePayment(
                Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE, HoldReason.ADDRESS_CHECK));

        assertThat(held.state().status()).isEqualTo(Progress.ON_HOLD);
        assertThat(held.state().holds()).containsExactlyInAnyOrder(HoldReason.BUYER_NOTE, HoldReason.ADDRESS_CHECK);
        assertThat(held.events()).hasSize(3);
        assertThat(held.events().get(1))
                .isInstanceOfSatisfying(
                        OrderPaid.class,
                        paid -> assertThat(paid.holds()).containsExactlyInAnyOrder("BUYER_NOTE", "ADDRESS_CHECK"));
        assertThat(held.events().get(2))
                .isInstanceOfSatisfying(
                        OrderHeld.class,
                        event -> assertThat(event.reasons()).containsExactlyInAnyOrder("BUYER_NOTE", "ADDRESS_CHECK"));
    }

    @Test
    void aHeldOrderLearnsItsShipmentButOnlyReleaseMakesItReady() {
        Order held = ShipmentProgress.created(
                        StorefrontMessages.receivePayment(Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE))
                                .state(),
                        created())
                .state();
        assertThat(held.status()).isEqualTo(Progress.ON_HOLD);
        assertThat(held.parcels().get(0).shipmentId()).isEqualTo("shp-1");

        Change<Order> released = held.releaseFromReview("cs.li", "buyer confirmed SF", NOON);

        assertThat(released.state().status()).isEqualTo(Progress.READY);
        assertThat(released.state().holds()).isEmpty();
        assertThat(released.state().release()).isEqualTo(new Order.Release("cs.li", "buyer confirmed SF", NOON));
        assertThat(released.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderReleased.class,
                        event -> assertThat(event.releasedBy()).isEqualTo("cs.li"));
        assertThat(released.state().releaseFromReview("cs.li", "again", NOON).isNone())
                .isTrue();
    }

    @Test
    void staffHoldAnOrderManuallyUntilDispatch() {
        Change<Order> held = paid().hold("cs.li", "buyer may change address", NOON);

        assertThat(held.state().status()).isEqualTo(Progress.ON_HOLD);
        assertThat(held.state().holds()).containsExactly(HoldReason.MANUAL);
        assertThat(held.events()).singleElement().isInstanceOf(OrderHeld.class);
        assertThat(held.state().releaseFromReview("cs.li", "done", NOON).state().status())
                .isEqualTo(Progress.PAID);
        assertThatThrownBy(() ->
                        ShipmentProgress.dispatched(paid(), dispatch()).state().hold("cs.li", "too late", NOON))
                .isInstanceOf(IllegalOrderTransition.class);
    }

    @Test
    void customerServiceCorrectsTheAddressBeforeDispatchAndTheChangeIsKept() {
        Order paid = paid();
        Address corrected =
                new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号 5 幢 302", null, "310012");

        Change<Order> changed = AddressCorrection.change(paid, corrected, CHECK, "cs.li", NOON);

        assertThat(changed.state().shippingAddress()).isEqualTo(corrected);
        assertThat(changed.state().addressChanges())
                .containsExactly(new AddressChange(null, corrected, "cs.li", NOON, false));
        assertThat(changed.events()).singleElement().isInstanceOfSatisfying(OrderAddressChanged.class, event -> {
            assertThat(event.address()).isEqualTo(corrected);
            assertThat(event.changedBy()).isEqualTo("cs.li");
        });
        assertThat(changed.state().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(Kind.ADDRESS_CHANGED);
            assertThat(entry.detail())
                    .isEqualTo("(none) → 王芳, 13800138000, 文三路 90 号 5 幢 302, 西湖区, 杭州市, 浙江省, 310012, CN");
        });
        assertThat(AddressCorrection.change(changed.state(), corrected, CHECK, "cs.li", NOON)
                        .isNone())
                .as("the same address again")
                .isTrue();
    }

    @Test
    void aNewerAddressFromTheStorefrontAfterPaymentIsFollowedAndAnOlderMessageCannotUndoIt() {
        Address first = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Address moved = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", null, "教工路 18 号 3 幢 101", null, "310013");
        Order paid = paidAt(first, minute(1));

        Change<Order> followed = StorefrontMessages.receive(
                Optional.of(paid), told(PAID.paidAt(), 25600, moved, minute(2)), Set.of(), CHECK, NOON);

        assertThat(followed.state().shippingAddress()).isEqualTo(moved);
        assertThat(followed.state().addressChanges())
                .containsExactly(new AddressChange(first, moved, "storefront", NOON, true));
        assertThat(followed.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderAddressChanged.class,
                        event -> assertThat(event.changedBy()).isEqualTo("storefront"));
        assertThat(StorefrontMessages.receive(
                                Optional.of(followed.state()),
                                told(PAID.paidAt(), 25600, first, minute(1)),
                                Set.of(),
                                CHECK,
                                NOON)
                        .isNone())
                .as("the older message arrives late")
                .isTrue();
        assertThat(StorefrontMessages.receive(
                                Optional.of(followed.state()),
                                told(PAID.paidAt(), 25600, moved, minute(3)),
                                Set.of(),
                                CHECK,
                                NOON)
                        .isNone())
                .as("the same address again")
                .isTrue();
    }

    @Test
    void aCorrectionByCustomerServiceStandsUntilTheStorefrontItselfChangesTheAddress() {
        Address first = new Address("王芳", "", "CN", "浙江省", "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Address corrected =
                new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Address moved = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", null, "教工路 18 号 3 幢 101", null, "310013");
        Order correctedByCs = AddressCorrection.change(paidAt(first, minute(1)), corrected, CHECK, "cs.li", NOON)
                .state();

        assertThat(StorefrontMessages.receive(
                                Optional.of(correctedByCs),
                                told(PAID.paidAt(), 25600, first, minute(2)),
                                Set.of(),
                                CHECK,
                                NOON)
                        .isNone())
                .as("an unrelated update repeats the storefront's old address")
                .isTrue();
        assertThat(StorefrontMessages.receive(
                                Optional.of(correctedByCs),
                                told(PAID.paidAt(), 25600, moved, minute(3)),
                                Set.of(),
                                CHECK,
                                NOON)
                        .state()
                        .shippingAddress())
                .isEqualTo(moved);
    }

    @Test
    void aDoubtfulAddressFromTheStorefrontGoesToReviewAndOneAfterDispatchIsOnlyFlagged() {
        Address first = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");
        Address noPhone = new Address("王芳", "", "CN", "浙江省", "杭州市", null, "教工路 18 号 3 幢 101", null, "310013");

        Change<Order> doubtful = StorefrontMessages.receive(
                Optional.of(paidAt(first, minute(1))),
                told(PAID.paidAt(), 25600, noPhone, minute(2)),
                Set.of(),
                CHECK,
                NOON);
        assertThat(doubtful.state().status()).isEqualTo(Progress.ON_HOLD);
        assertThat(doubtful.state().holds()).containsExactly(HoldReason.ADDRESS_CHECK);
        assertThat(doubtful.events()).hasSize(2).last().isInstanceOf(OrderHeld.class);

        Order shipped = ShipmentProgress.dispatched(paidAt(first, minute(1)), dispatch())
                .state();
        Change<Order> tooLate = StorefrontMessages.receive(
                Optional.of(shipped), told(PAID.paidAt(), 25600, noPhone, minute(2)), Set.of(), CHECK, NOON);
        assertThat(tooLate.events()).isEmpty();
        assertThat(tooLate.state().shippingAddress()).isEqualTo(first);
        assertThat(tooLate.state().timeline())
                .last()
                .extracting(TimelineEntry::what)
                .isEqualTo(Kind.ADDRESS_CHANGED_AFTER_DISPATCH);
    }

    @Test
    void beforePaymentAnOlderStorefrontMessageCannotUndoANewerOne() {
        Order placed = StorefrontMessages.place(Optional.empty(), told(null, 25600, null, minute(1)))
                .state();
        Order updated = StorefrontMessages.place(Optional.of(placed), told(null, 24000, null, minute(3)))
                .state();

        assertThat(StorefrontMessages.place(Optional.of(updated), told(null, 25600, null, minute(2)))
                        .isNone())
                .isTrue();
        assertThat(StorefrontMessages.place(Optional.of(updated), told(null, 24000, null, minute(4)))
                        .isNone())
                .as("nothing new")
                .isTrue();
    }

    private static Instant minute(int minute) {
        return PLACED_AT.plusSeconds(60L * minute);
    }

    @Test
    void aCorrectionThatIsStillDoubtfulIsRefusedWithItsDoubts() {
        Address noPhone = new Address("王芳", "", "CN", "浙江省", "杭州市", null, "文三路 90 号", null, "3100");

        assertThatThrownBy(() -> AddressCorrection.change(paid(), noPhone, CHECK, "cs.li", NOON))
                .isInstanceOfSatisfying(
                        AddressRejected.class,
                        rejected -> assertThat(rejected.doubts()).hasSize(2));
    }

    @Test
    void theAddressCannotChangeOnceTheParcelIsWithTheCarrier() {
        Address corrected =
                new Address("王芳", "13800138000", "CN", null, "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");

        assertThatThrownBy(() -> AddressCorrection.change(
                        ShipmentProgress.dispatched(paid(), dispatch()).state(), corrected, CHECK, "cs.li", NOON))
                .isInstanceOfSatisfying(IllegalOrderTransition.class, refused -> {
                    assertThat(refused.current()).isEqualTo(Progress.SHIPPED);
                    assertThat(refused.action()).isEqualTo("CHANGE_ADDRESS");
                });
    }

    // A split order: the store shipped one tea at once and the other in a second parcel (units count, whatever the
    // SKUs).
    private static final String FIRST = "shp-tmall-flagship:T1";
    private static final String SECOND = "shp-2~tmall-flagship:T1";
    private static final List<ItemQuantity> ONE_TEA = List.of(new ItemQuantity("TEA", 1));

    @Test
    void aSplitOrderIsPartiallyShippedUntilItsSecondParcelLeavesAndDeliveredWhenBothArrived() {
        Order ready = ShipmentProgress.created(paid(), parcelCreated(FIRST)).state();
        ready = ShipmentProgress.created(ready, parcelCreated(SECOND)).state();
        ready = StockOutFollowUp.shortage(
                        ready, new StockShortage("tmall-flagship:T1", "tmall-flagship", SECOND, "TEA", 1, NOON))
                .state();
        assertThat(ready.status()).isEqualTo(Progress.READY);
        assertThat(ready.parcels()).extracting(Shipment::shipmentId).containsExactly(FIRST, SECOND);

        Order partly = ShipmentProgress.dispatched(ready, parcelDispatched(FIRST, "SF1001"))
                .state();
        assertThat(partly.status()).isEqualTo(Progress.PARTIALLY_SHIPPED);
        assertThat(partly.stockOut().isOpen())
                .as("the buyer still waits for the short tea")
                .isTrue();
        assertThat(partly.timeline().get(partly.timeline().size() - 1).detail())
                .isEqualTo("SF SF1001 (part of the order: the rest follows)");
        Order firstArrived =
                ShipmentProgress.delivered(partly, parcelDelivered(FIRST)).state();
        assertThat(firstArrived.status()).as("one parcel is still to go").isEqualTo(Progress.PARTIALLY_SHIPPED);
        assertThat(firstArrived.parcels().get(0).deliveredAt()).isEqualTo(NOON);
        assertThat(ShipmentProgress.delivered(firstArrived, parcelDelivered(FIRST))
                        .isNone())
                .isTrue();

        Order shipped = ShipmentProgress.dispatched(firstArrived, parcelDispatched(SECOND, "SF1002"))
                .state();
        assertThat(shipped.status()).isEqualTo(Progress.SHIPPED);
        assertThat(shipped.stockOut().isOpen()).isFalse();
        assertThat(ShipmentProgress.dispatched(shipped, parcelDispatched(SECOND, "SF1002"))
                        .isNone())
                .isTrue();
        assertThat(ShipmentProgress.delivered(shipped, parcelDelivered(SECOND))
                        .state()
                        .status())
                .isEqualTo(Progress.DELIVERED);
    }

    @Test
    void aParcelThatLeftWithPartOfTheUnitsIsAPartialShipmentEvenBeforeTheOtherParcelIsAnnounced() {
        Order partly = ShipmentProgress.dispatched(
                        ShipmentProgress.created(paid(), parcelCreated(FIRST)).state(),
                        parcelDispatched(FIRST, "SF1001"))
                .state();

        assertThat(partly.status()).isEqualTo(Progress.PARTIALLY_SHIPPED);
    }

    @Test
    void whenTheSecondParcelIsStoppedAfterTheFirstArrivedTheOrderIsShippedAndDelivered() {
        Order ready = StockOutFollowUp.shortage(
                        ShipmentProgress.created(
                                        ShipmentProgress.created(paid(), parcelCreated(FIRST))
                                                .state(),
                                        parcelCreated(SECOND))
                                .state(),
                        new StockShortage("tmall-flagship:T1", "tmall-flagship", SECOND, "TEA", 1, NOON))
                .state();
        Order firstArrived = ShipmentProgress.delivered(
                        ShipmentProgress.dispatched(ready, parcelDispatched(FIRST, "SF1001"))
                                .state(),
                        parcelDelivered(FIRST))
                .state();

        Order done = ShipmentProgress.cancelled(
                        firstArrived,
                        new ShipmentCancelled("tmall-flagship:T1", "tmall-flagship", SECOND, "REFUND_APPROVED", NOON))
                .state();

        assertThat(done.status()).isEqualTo(Progress.DELIVERED);
        assertThat(done.stockOut().isOpen())
                .as("nothing more goes: no one waits for the teapot")
                .isFalse();
        assertThat(done.parcels().get(1).cancelReason()).isEqualTo("REFUND_APPROVED");
    }

    @Test
    void aHeldSplitOrderWhoseFirstParcelLeftStaysInReviewForTheRestAndIsPartiallyShippedOnceReleased() {
        Order held = StorefrontMessages.receivePayment(Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE))
                .state();
        held = ShipmentProgress.created(held, parcelCreated(FIRST)).state();
        held = ShipmentProgress.created(held, parcelCreated(SECOND)).state();

        Order partlyLeft = ShipmentProgress.dispatched(held, parcelDispatched(FIRST, "SF1001"))
                .state();
        assertThat(partlyLeft.status()).isEqualTo(Progress.ON_HOLD);
        assertThat(partlyLeft.parcels().get(0).trackingNumber()).isEqualTo("SF1001");

        var released = partlyLeft.releaseFromReview("cs.li", "buyer confirmed the note", NOON);
        assertThat(released.state().status()).isEqualTo(Progress.PARTIALLY_SHIPPED);
        assertThat(released.events()).singleElement().isInstanceOf(OrderReleased.class);
    }

    @Test
    void whileAParcelIsStillToGoTheAddressMayChangeButALineThatLeftIsAnExchange() {
        Order partly = ShipmentProgress.dispatched(
                        ShipmentProgress.created(
                                        ShipmentProgress.created(paid(), parcelCreated(FIRST))
                                                .state(),
                                        new ShipmentCreated(
                                                "tmall-flagship:T1",
                                                "tmall-flagship",
                                                SECOND,
                                                List.of(new ItemQuantity("CUP", 1)),
                                                NOON))
                                .state(),
                        parcelDispatched(FIRST, "SF1001"))
                .state();
        Address corrected =
                new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号 2 单元", null, "310012");

        assertThat(AddressCorrection.change(partly, corrected, CHECK, "cs.li", NOON)
                        .events())
                .singleElement()
                .isInstanceOf(OrderAddressChanged.class);
        assertThat(partly.hasLeft("TEA")).isTrue();
        assertThat(partly.hasLeft("CUP")).isFalse();
        assertThatThrownBy(() -> ItemChanges.change(partly, 0, "TEA-BIG", null, null, "cs.li", NOON))
                .isInstanceOf(IllegalOrderTransition.class)
                .hasMessageContaining("left in the order's first parcel");
    }

    // An exchange's replacement: fulfilment sends one tea again for case RF1.
    private static final String REPLACEMENT = "shp-r~tmall-flagship:RF1";
    private static final String REPLACING_RF1 = " (replacement for case tmall-flagship:RF1)";

    @Test
    void aReplacementOfADeliveredOrderGoesOnItsParcelsAndTimelineAndLeavesItDelivered() {
        Order delivered = ShipmentProgress.delivered(
                        ShipmentProgress.dispatched(
                                        ShipmentProgress.created(paid(), created())
                                                .state(),
                                        dispatch())
                                .state(),
                        delivered(NOON))
                .state();

        Order made = ShipmentProgress.created(
                        delivered
                                .afterSaleCaseMoved(
                                        "tmall-flagship:RF1", "EXCHANGE", "APPROVED", Money.zero("CNY"), NOON)
                                .state(),
                        replacementCreated())
                .state();
        assertThat(made.status()).isEqualTo(Progress.DELIVERED);
        assertThat(made.parcels()).extracting(Shipment::shipmentId).containsExactly("shp-1", REPLACEMENT);
        assertThat(made.parcels().get(1).replacementFor()).isEqualTo("tmall-flagship:RF1");
        assertThat(made.parcels().get(0).replacementFor()).isNull();
        assertThat(lastLine(made)).isEqualTo(tuple(Kind.REPLACEMENT_CREATED, REPLACEMENT + REPLACING_RF1));
        assertThat(ShipmentProgress.created(made, replacementCreated()).isNone())
                .isTrue();

        Order sent = ShipmentProgress.dispatched(made, parcelDispatched(REPLACEMENT, "SF2001"))
                .state();
        assertThat(sent.status()).isEqualTo(Progress.DELIVERED);
        assertThat(sent.parcels().get(1).trackingNumber()).isEqualTo("SF2001");
        assertThat(lastLine(sent)).isEqualTo(tuple(Kind.REPLACEMENT_DISPATCHED, "SF SF2001" + REPLACING_RF1));
        assertThat(sent.refunds().cases())
                .singleElement()
                .satisfies(exchange -> assertThat(exchange.state())
                        .as("the exchange ends as its replacement leaves")
                        .isEqualTo("COMPLETED"));
        assertThat(ShipmentProgress.dispatched(sent, parcelDispatched(REPLACEMENT, "SF2001"))
                        .isNone())
                .isTrue();

        Order arrived =
                ShipmentProgress.delivered(sent, parcelDelivered(REPLACEMENT)).state();
        assertThat(arrived.status()).isEqualTo(Progress.DELIVERED);
        assertThat(arrived.parcels().get(1).deliveredAt()).isEqualTo(NOON);
        assertThat(lastLine(arrived)).isEqualTo(tuple(Kind.REPLACEMENT_DELIVERED, REPLACEMENT + REPLACING_RF1));
    }

    @Test
    void aShippedOrderWaitingForAReplacementIsDeliveredWhenItsOwnParcelArrives() {
        Order shipped = ShipmentProgress.created(
                        ShipmentProgress.dispatched(
                                        ShipmentProgress.created(paid(), created())
                                                .state(),
                                        dispatch())
                                .state(),
                        replacementCreated())
                .state();
        assertThat(shipped.status()).isEqualTo(Progress.SHIPPED);

        assertThat(ShipmentProgress.delivered(shipped, delivered(NOON)).state().status())
                .as("the replacement still to go is no part of the order's progress")
                .isEqualTo(Progress.DELIVERED);
    }

    @Test
    void aReplacementNeverCountsAsTheOrdersUnitsNorStopsNorTroublesIt() {
        Order partly = ShipmentProgress.dispatched(
                        ShipmentProgress.created(paid(), parcelCreated(FIRST)).state(),
                        parcelDispatched(FIRST, "SF1001"))
                .state();
        Order waiting = ShipmentProgress.created(partly, replacementCreated()).state();
        assertThat(waiting.hasLeft("TEA"))
                .as("the replacement's tea is not one the order still has to send")
                .isTrue();

        Order bothLeft = ShipmentProgress.dispatched(waiting, parcelDispatched(REPLACEMENT, "SF2001"))
                .state();
        assertThat(bothLeft.status())
                .as("one of the two teas ordered left: the replacement's does not make it two")
                .isEqualTo(Progress.PARTIALLY_SHIPPED);

        Order troubled = ShipmentProgress.exception(
                        bothLeft,
                        new ShipmentException(
                                "tmall-flagship:T1", "tmall-flagship", REPLACEMENT, "LOST", "lost at the hub", NOON))
                .state();
        assertThat(troubled.status()).isEqualTo(Progress.PARTIALLY_SHIPPED);
        assertThat(lastLine(troubled))
                .isEqualTo(tuple(Kind.SHIPMENT_EXCEPTION, "LOST: lost at the hub" + REPLACING_RF1));

        Order stopped = ShipmentProgress.cancelled(
                        waiting,
                        new ShipmentCancelled(
                                "tmall-flagship:T1", "tmall-flagship", REPLACEMENT, "REFUND_APPROVED", NOON))
                .state();
        assertThat(stopped.status())
                .as("a stopped replacement is no cancelled parcel of the order's: the other tea may still go")
                .isEqualTo(Progress.PARTIALLY_SHIPPED);
        assertThat(lastLine(stopped)).isEqualTo(tuple(Kind.REPLACEMENT_CANCELLED, "REFUND_APPROVED" + REPLACING_RF1));
    }

    private static ShipmentCreated replacementCreated() {
        return new ShipmentCreated(
                "tmall-flagship:T1", "tmall-flagship", REPLACEMENT, ONE_TEA, NOON, "tmall-flagship:RF1");
    }

    private static Tuple lastLine(Order order) {
        TimelineEntry last = order.timeline().get(order.timeline().size() - 1);
        return tuple(last.what(), last.detail());
    }

    private static ShipmentCreated parcelCreated(String shipmentId) {
        return new ShipmentCreated("tmall-flagship:T1", "tmall-flagship", shipmentId, ONE_TEA, NOON);
    }

    private static ShipmentDispatched parcelDispatched(String shipmentId, String trackingNumber) {
        return new ShipmentDispatched(
                "tmall-flagship:T1",
                "tmall-flagship",
                shipmentId,
                "SF",
                trackingNumber,
                null,
                ONE_TEA,
                "wh.zhao",
                NOON);
    }

    private static ShipmentDelivered parcelDelivered(String shipmentId) {
        return new ShipmentDelivered("tmall-flagship:T1", "tmall-flagship", shipmentId, NOON);
    }

    @Test
    void deliveryAndRefundsAreTwoDimensionsOfTheStatus() {
        Order delivered = ShipmentProgress.delivered(
                        ShipmentProgress.dispatched(paid(), dispatch()).state(), delivered(NOON))
                .state();
        assertThat(delivered.status()).isEqualTo(Progress.DELIVERED);
        assertThat(delivered.parcels().get(0).deliveredAt()).isEqualTo(NOON);

        Order partly =
                delivered.refundCompleted("rf-1", new Money(12800, "CNY"), NOON).state();
        assertThat(partly.status()).isEqualTo(RefundStanding.PARTIALLY_REFUNDED);
        assertThat(partly.progress()).as("still delivered").isEqualTo(Progress.DELIVERED);

        Order fully =
                partly.refundCompleted("rf-2", new Money(20000, "CNY"), NOON).state();
        assertThat(fully.status()).isEqualTo(RefundStanding.REFUNDED);
        assertThat(fully.refunded()).as("never more than the total").isEqualTo(new Money(25600, "CNY"));
        Order beyond = fully.refundCompleted("rf-3", new Money(1, "CNY"), NOON).state();
        assertThat(beyond.refunded()).as("still never more than the total").isEqualTo(new Money(25600, "CNY"));
        assertThat(beyond.refunds().cases())
                .as("the case shows it ended")
                .extracting(Refunds.AfterSaleCase::state)
                .containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(beyond.refundCompleted("rf-3", new Money(1, "CNY"), NOON).isNone())
                .as("the same again")
                .isTrue();
    }

    @Test
    void theOrderShowsEachAfterSaleCaseAndHowItEnded() {
        Order requested = paid().afterSaleCaseMoved(
                        "rf-1", "RETURN_AND_REFUND", "REQUESTED", new Money(3000, "CNY"), NOON)
                .state();
        Order rejected = requested
                .afterSaleCaseMoved("rf-2", "REFUND_ONLY", "REQUESTED", new Money(500, "CNY"), NOON)
                .state()
                .afterSaleCaseMoved("rf-2", null, "REJECTED", null, NOON.plusSeconds(60))
                .state();
        Order paidBack = rejected.afterSaleCaseMoved(
                        "rf-1", "RETURN_AND_REFUND", "APPROVED", new Money(3000, "CNY"), NOON)
                .state()
                .refundCompleted("rf-1", new Money(3000, "CNY"), NOON.plusSeconds(120))
                .state();

        assertThat(paidBack.refunds().cases())
                .containsExactly(
                        new Refunds.AfterSaleCase(
                                "rf-1",
                                "RETURN_AND_REFUND",
                                "COMPLETED",
                                new Money(3000, "CNY"),
                                NOON.plusSeconds(120)),
                        new Refunds.AfterSaleCase(
                                "rf-2", "REFUND_ONLY", "REJECTED", new Money(500, "CNY"), NOON.plusSeconds(60)));
        assertThat(paidBack.status()).isEqualTo(RefundStanding.PARTIALLY_REFUNDED);
        assertThat(rejected.afterSaleCaseMoved("rf-2", null, "REJECTED", null, NOON.plusSeconds(60))
                        .isNone())
                .as("the same step again")
                .isTrue();
    }

    @Test
    void aRefundAddsItsMoneyOnceHoweverOftenItArrives() {
        Order delivered = ShipmentProgress.delivered(
                        ShipmentProgress.dispatched(paid(), dispatch()).state(), delivered(NOON))
                .state();
        Order refunded =
                delivered.refundCompleted("rf-1", new Money(1000, "CNY"), NOON).state();

        assertThat(refunded.refundCompleted("rf-1", new Money(1000, "CNY"), NOON)
                        .isNone())
                .as("the same refund again, e.g. replayed after a later one of another case")
                .isTrue();
        assertThat(refunded.refundCompleted("rf-2", new Money(1000, "CNY"), NOON)
                        .state()
                        .refunded())
                .isEqualTo(new Money(2000, "CNY"));
    }

    @Test
    void theTimelineSaysWhoDidWhatAndWhenThroughTheWholeLife() {
        Order held = StorefrontMessages.receivePayment(Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE))
                .state();
        Order done = held.releaseFromReview("cs.li", "SF confirmed", NOON)
                .andThen(order -> ShipmentProgress.created(order, created()))
                .andThen(order -> ShipmentProgress.dispatched(order, dispatch()))
                .andThen(order -> ShipmentProgress.delivered(order, delivered(Instant.parse("2026-11-29T08:00:00Z"))))
                .state()
                .refundCompleted("rf-1", new Money(12800, "CNY"), Instant.parse("2026-11-30T08:00:00Z"))
                .state();

        assertThat(done.timeline())
                .extracting(TimelineEntry::what, TimelineEntry::by)
                .containsExactly(
                        tuple(Kind.PLACED, "storefront"),
                        tuple(Kind.PAID, "storefront"),
                        tuple(Kind.HELD, "review rules"),
                        tuple(Kind.RELEASED, "cs.li"),
                        tuple(Kind.SHIPMENT_CREATED, "fulfillment-service"),
                        tuple(Kind.DISPATCHED, "wh.zhao"),
                        tuple(Kind.DELIVERED, "SF"),
                        tuple(Kind.REFUNDED, "refund-service"));
        assertThat(done.timeline().get(2).detail()).isEqualTo("BUYER_NOTE");
        assertThat(done.timeline().get(3).detail()).isEqualTo("SF confirmed");
        assertThat(done.timeline().get(7).detail()).isEqualTo("CNY 128.00 paid back, CNY 128.00 in all");
        assertThat(done.timeline().get(7).at()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    }

    @Test
    void theTimelineKeepsHowTheOrderCameAndTheLatestLinesWithinItsLimit() {
        Order order = ShipmentProgress.dispatched(paid(), dispatch()).state();
        for (int report = 0; report < Order.TIMELINE_LIMIT + 20; report++) {
            order = ShipmentProgress.exception(
                            order,
                            new ShipmentException(
                                    "tmall-flagship:T1",
                                    "tmall-flagship",
                                    "shp-1",
                                    "DELAYED",
                                    "report " + report,
                                    NOON.plusSeconds(report)))
                    .state();
        }

        assertThat(order.timeline()).hasSize(Order.TIMELINE_LIMIT);
        assertThat(order.timeline().get(0).what()).isEqualTo(Kind.PLACED);
        assertThat(order.timeline().get(Order.TIMELINE_LIMIT - 1).detail())
                .isEqualTo("DELAYED: report " + (Order.TIMELINE_LIMIT + 19));
    }

    @Test
    void carrierExceptionsAndCancelledShipmentsShowOnTheOrderOnce() {
        Order shipped = ShipmentProgress.dispatched(paid(), dispatch()).state();
        ShipmentException lost = new ShipmentException(
                "tmall-flagship:T1", "tmall-flagship", "shp-1", "LOST", "no scan for 5 days", NOON);

        Order troubled = ShipmentProgress.exception(shipped, lost).state();
        assertThat(troubled.status()).as("still shipped").isEqualTo(Progress.SHIPPED);
        assertThat(troubled.parcels().get(0).exception())
                .isEqualTo(new Shipment.CarrierException("LOST", "no scan for 5 days", NOON));
        assertThat(troubled.timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(Kind.SHIPMENT_EXCEPTION);
            assertThat(entry.by()).isEqualTo("SF");
            assertThat(entry.detail()).isEqualTo("LOST: no scan for 5 days");
        });
        assertThat(ShipmentProgress.exception(troubled, lost).isNone()).isTrue();

        Order intercepted = ShipmentProgress.cancelled(
                        ShipmentProgress.created(paid(), created()).state(),
                        new ShipmentCancelled(
                                "tmall-flagship:T1", "tmall-flagship", "shp-1", "intercepted by refund R1", NOON))
                .state();
        assertThat(intercepted.parcels().get(0).cancelReason()).isEqualTo("intercepted by refund R1");
        assertThat(intercepted.timeline())
                .last()
                .extracting(TimelineEntry::what)
                .isEqualTo(Kind.SHIPMENT_CANCELLED);
        assertThat(ShipmentProgress.cancelled(
                                intercepted,
                                new ShipmentCancelled("tmall-flagship:T1", "tmall-flagship", "shp-1", "again", NOON))
                        .isNone())
                .isTrue();
    }

    @Test
    void aStockShortageOpensANoticeThatStaysOpenUntilTheBuyerDecides() {
        Order short1 = StockOutFollowUp.shortage(paid(), shortage("TEA", 1)).state();
        assertThat(short1.stockOut().isOpen()).isTrue();
        assertThat(short1.stockOut().openSince()).isEqualTo(NOON);

        Order noAnswer = StockOutFollowUp.buyerContacted(short1, contact(BuyerContact.Outcome.NO_ANSWER))
                .state();
        assertThat(noAnswer.stockOut().isOpen())
                .as("nobody answered: try again")
                .isTrue();

        Change<Order> waiting = StockOutFollowUp.buyerContacted(noAnswer, contact(BuyerContact.Outcome.WAIT));
        assertThat(waiting.state().stockOut().isOpen()).isFalse();
        assertThat(waiting.state().stockOut().contacts())
                .extracting(BuyerContact::outcome)
                .containsExactly(BuyerContact.Outcome.NO_ANSWER, BuyerContact.Outcome.WAIT);
        assertThat(waiting.state().status()).isEqualTo(Progress.PAID);
        assertThat(waiting.events()).isEmpty();
        assertThat(waiting.state().timeline()).last().satisfies(entry -> {
            assertThat(entry.what()).isEqualTo(Kind.BUYER_CONTACTED);
            assertThat(entry.by()).isEqualTo("cs.li");
            assertThat(entry.detail()).isEqualTo("PHONE, WAIT: called at noon");
        });
        assertThatThrownBy(() -> StockOutFollowUp.buyerContacted(waiting.state(), contact(BuyerContact.Outcome.WAIT)))
                .as("no open notice")
                .isInstanceOf(IllegalOrderTransition.class);

        Order again =
                StockOutFollowUp.shortage(waiting.state(), shortage("CUP", 2)).state();
        assertThat(again.stockOut().isOpen())
                .as("a new shortage reopens the notice")
                .isTrue();
        assertThat(again.stockOut().shortages())
                .extracting(StockOut.Shortage::sku)
                .containsExactly("TEA", "CUP");
    }

    @Test
    void aBuyerWhoCancelsBecauseOfAStockOutCancelsTheOrderLikeAnyOther() {
        Change<Order> cancelled = StockOutFollowUp.buyerContacted(
                StockOutFollowUp.shortage(paid(), shortage("TEA", 1)).state(), contact(BuyerContact.Outcome.CANCEL));

        assertThat(cancelled.state().status()).isEqualTo(Progress.CANCELLED);
        assertThat(cancelled.state().stockOut().isOpen()).isFalse();
        assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, event -> {
            assertThat(event.cancelledBy()).isEqualTo("cs.li");
            assertThat(event.reason()).isEqualTo("Out of stock (TEA): the buyer chose to cancel");
        });
    }

    @Test
    void aShortageAfterTheParcelLeftIsOnlyNotedAndADispatchClosesAnOpenNotice() {
        Order shipped = ShipmentProgress.dispatched(paid(), dispatch()).state();
        Order noted = StockOutFollowUp.shortage(shipped, shortage("TEA", 1)).state();
        assertThat(noted.stockOut()).isNull();
        assertThat(noted.timeline()).last().extracting(TimelineEntry::what).isEqualTo(Kind.STOCK_SHORTAGE);

        Order sentAfterAll = ShipmentProgress.dispatched(
                        StockOutFollowUp.shortage(paid(), shortage("TEA", 1)).state(), dispatch())
                .state();
        assertThat(sentAfterAll.stockOut().isOpen()).isFalse();
    }

    @Test
    void theStockOutNoticeClosesOnceEveryMissingItemIsReservedAfterAll() {
        Order short2 = StockOutFollowUp.shortage(
                        StockOutFollowUp.shortage(paid(), shortage("TEA", 1)).state(), shortage("CUP", 2))
                .state();

        Order teaBack = StockOutFollowUp.restocked(short2, restock("TEA")).state();
        assertThat(teaBack.stockOut().isOpen()).as("the cup is still missing").isTrue();
        Order allBack = StockOutFollowUp.restocked(teaBack, restock("CUP")).state();

        assertThat(allBack.stockOut().isOpen()).isFalse();
        assertThat(allBack.timeline())
                .last()
                .extracting(TimelineEntry::what, TimelineEntry::detail)
                .containsExactly(
                        Kind.STOCK_ALLOCATED, "2 × CUP reserved after all: no need to call the buyer any more");
        Order shortAgain =
                StockOutFollowUp.shortage(allBack, shortage("CUP", 1)).state();
        assertThat(shortAgain.stockOut().isOpen())
                .as("missing again: the notice reopens")
                .isTrue();
        assertThat(shortAgain.stockOut().restocked()).containsExactly("TEA");
    }

    private static StockAllocated restock(String sku) {
        return new StockAllocated("tmall-flagship:T1", "tmall-flagship", "shp-1", sku, 2, NOON);
    }

    private static StockShortage shortage(String sku, int missing) {
        return new StockShortage("tmall-flagship:T1", "tmall-flagship", "shp-1", sku, missing, NOON);
    }

    private static BuyerContact contact(BuyerContact.Outcome outcome) {
        return new BuyerContact(BuyerContact.Channel.PHONE, outcome, "called at noon", "cs.li", NOON);
    }

    private static StorefrontOrder facts(Instant paidAt, long totalMinor) {
        return told(paidAt, totalMinor, null, null);
    }

    private static StorefrontOrder told(Instant paidAt, long totalMinor, Address address, Instant updatedAt) {
        return new StorefrontOrder(
                "tmall-flagship",
                "storefront",
                "T1",
                List.of(new OrderLine("TEA", "Tea", 2, new Money(totalMinor / 2, "CNY"))),
                Money.zero("CNY"),
                null,
                null,
                new Money(totalMinor, "CNY"),
                List.of(),
                PLACED_AT,
                paidAt,
                address,
                null,
                "SF please",
                List.of(),
                "SF",
                Attribution.NONE,
                updatedAt,
                null);
    }

    private static Order paidAt(Address address, Instant updatedAt) {
        return StorefrontMessages.receivePayment(
                        Optional.empty(), told(PAID.paidAt(), 25600, address, updatedAt), Set.of())
                .state();
    }

    @Test
    void aChangeOfDistrictAloneShowsInTheTimeline() {
        Address xihu = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012");
        Address gongshu = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "拱墅区", "文三路 90 号", null, "310012");
        Order atXihu =
                AddressCorrection.change(paid(), xihu, CHECK, "cs.li", NOON).state();

        Order atGongshu =
                AddressCorrection.change(atXihu, gongshu, CHECK, "cs.li", NOON).state();

        assertThat(atGongshu.timeline())
                .last()
                .extracting(TimelineEntry::detail)
                .asString()
                .contains("西湖区")
                .contains("拱墅区");
    }

    @Test
    void aCancelledOrderIsHeldForNothing() {
        Order held = paid().hold("cs.li", "buyer may change address", NOON).state();

        Order cancelled = held.cancel("changed mind", "buyer", NOON).state();

        assertThat(held.holds()).containsExactly(HoldReason.MANUAL);
        assertThat(cancelled.holds()).isEmpty();
    }

    @Test
    void customerServiceWritesTheSellersMemoUntilTheParcelLeaves() {
        Order paid = paid();

        Change<Order> written = SellerMemos.write(paid, " SF ", "买家要求周六送达", "cs.wang", NOON);

        assertThat(written.state().sellerMemo()).isEqualTo(new SellerMemo("SF", "买家要求周六送达", "cs.wang", NOON));
        assertThat(written.events()).singleElement().isInstanceOfSatisfying(OrderSellerMemoChanged.class, event -> {
            assertThat(event.carrier()).isEqualTo("SF");
            assertThat(event.note()).isEqualTo("买家要求周六送达");
            assertThat(event.changedBy()).isEqualTo("cs.wang");
        });
        assertThat(written.state().timeline())
                .last()
                .extracting(TimelineEntry::what, TimelineEntry::detail)
                .containsExactly(Kind.SELLER_MEMO, "SF: 买家要求周六送达");
        assertThat(SellerMemos.write(written.state(), "SF", "买家要求周六送达", "cs.li", NOON)
                        .isNone())
                .as("the same memo again")
                .isTrue();
        assertThat(SellerMemos.write(written.state(), "", "礼盒包装", "cs.li", NOON)
                        .state()
                        .sellerMemo())
                .as("the memo is replaced whole: no carrier now")
                .extracting(SellerMemo::carrier, SellerMemo::note)
                .containsExactly(null, "礼盒包装");

        Order shipped = ShipmentProgress.dispatched(written.state(), dispatch()).state();
        Order cancelled = paid.cancel("changed mind", "buyer", NOON).state();
        for (Order tooLate : List.of(shipped, cancelled)) {
            assertThatThrownBy(() -> SellerMemos.write(tooLate, "YTO", null, "cs.li", NOON))
                    .isInstanceOf(IllegalOrderTransition.class)
                    .hasMessageContaining("CHANGE_SELLER_MEMO");
        }
    }

    @Test
    void aSellersMemoWrittenBeforePaymentTravelsWithThePayment() {
        Order placed = StorefrontMessages.place(Optional.empty(), PLACED).state();
        Order withMemo =
                SellerMemos.write(placed, "YTO", "周六送达", "cs.wang", NOON).state();

        Change<Order> paid = StorefrontMessages.receivePayment(Optional.of(withMemo), PAID, Set.of());

        assertThat(paid.events())
                .filteredOn(OrderPaid.class::isInstance)
                .singleElement()
                .satisfies(event -> {
                    assertThat(((OrderPaid) event).sellerMemoCarrier()).isEqualTo("YTO");
                    assertThat(((OrderPaid) event).sellerMemoNote()).isEqualTo("周六送达");
                });
    }

    @Test
    void aSellersMemoNeedsACarrierOrANoteWithinTheirLengths() {
        assertThatThrownBy(() -> SellerMemos.write(paid(), " ", null, "cs.li", NOON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("carrier or note is required.");
        assertThatThrownBy(() -> SellerMemos.write(paid(), "S".repeat(41), null, "cs.li", NOON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SellerMemos.write(paid(), null, "备".repeat(501), "cs.li", NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Order paid() {
        return StorefrontMessages.receivePayment(Optional.empty(), PAID, Set.of())
                .state();
    }

    private static ShipmentCreated created() {
        return new ShipmentCreated("tmall-flagship:T1", "tmall-flagship", "shp-1", List.of(), NOON);
    }

    private static ShipmentDelivered delivered(Instant at) {
        return new ShipmentDelivered("tmall-flagship:T1", "tmall-flagship", "shp-1", at);
    }

    private static ShipmentDispatched dispatch() {
        return new ShipmentDispatched(
                "tmall-flagship:T1",
                "tmall-flagship",
                "shp-1",
                "SF",
                "SF123",
                null,
                List.of(),
                "wh.zhao",
                Instant.parse("2026-11-28T08:00:00Z"));
    }
}
