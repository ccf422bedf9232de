package io.storeops.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Address;
import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.OrderAddressChanged;
import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderHeld;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.OrderReleased;
import io.storeops.order.review.AddressCheck;
import io.storeops.order.review.HoldReason;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final AddressCheck CHECK = new AddressCheck(List.of("SF", "UPS"));
    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");
    private static final PaidOrder PAID = new PaidOrder("tmall-flagship", "storefront", "T1",
            List.of(new OrderLine("TEA", "Tea", 2, new Money(12800, "CNY"))), Money.zero("CNY"), new Money(25600, "CNY"),
            Instant.parse("2026-11-28T02:00:00Z"), null, "SF please", "SF", Attribution.NONE);

    @Test
    void paymentCreatesAPaidOrderAndAnnouncesIt() {
        Change<Order> change = Order.receivePayment(Optional.empty(), PAID, Set.of());

        assertThat(change.state().status()).isEqualTo(OrderStatus.PAID);
        assertThat(change.state().orderId()).isEqualTo("tmall-flagship:T1");
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(OrderPaid.class, event -> {
            assertThat(event.total()).isEqualTo(new Money(25600, "CNY"));
            assertThat(event.buyerNote()).isEqualTo("SF please");
        });
    }

    @Test
    void aRepeatedOrLatePaymentChangesNothing() {
        Order paid = paid();
        Order shipped = paid.dispatched(dispatch()).state();
        Order cancelled = paid.cancel("changed mind", "buyer", NOON).state();

        assertThat(Order.receivePayment(Optional.of(paid), PAID, Set.of()).isNone()).isTrue();
        assertThat(Order.receivePayment(Optional.of(shipped), PAID, Set.of()).isNone()).isTrue();
        assertThat(Order.receivePayment(Optional.of(cancelled), PAID, Set.of()).isNone()).isTrue();
    }

    @Test
    void theShipmentMakesAPaidOrderReadyOnce() {
        Order ready = paid().shipmentCreated("shp-1").state();

        assertThat(ready.status()).isEqualTo(OrderStatus.READY);
        assertThat(ready.shipment().shipmentId()).isEqualTo("shp-1");
        assertThat(ready.shipmentCreated("shp-1").isNone()).isTrue();
    }

    @Test
    void dispatchShipsTheOrderOnceWithItsTrackingNumber() {
        Order shipped = paid().shipmentCreated("shp-1").state().dispatched(dispatch()).state();

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shipment().trackingNumber()).isEqualTo("SF123");
        assertThat(shipped.dispatched(dispatch()).isNone()).isTrue();
    }

    @Test
    void cancellingBeforeDispatchAnnouncesWhoAndWhyOnce() {
        Change<Order> cancelled = paid().shipmentCreated("shp-1").state().cancel("out of stock", "cs.li", NOON);

        assertThat(cancelled.state().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.state().cancellation()).isEqualTo(new Order.Cancellation("out of stock", "cs.li", NOON));
        assertThat(cancelled.events()).singleElement().isInstanceOfSatisfying(OrderCancelled.class, event -> {
            assertThat(event.cancelledBy()).isEqualTo("cs.li");
            assertThat(event.reason()).isEqualTo("out of stock");
        });
        assertThat(cancelled.state().cancel("again", "buyer", NOON).isNone()).as("the first cancellation stands").isTrue();
    }

    @Test
    void aDispatchedOrderIsNotCancelledButRefunded() {
        Order shipped = paid().dispatched(dispatch()).state();

        assertThatThrownBy(() -> shipped.cancel("too late", "buyer", NOON))
                .isInstanceOfSatisfying(IllegalOrderTransition.class, refused -> assertThat(refused.current()).isEqualTo(OrderStatus.SHIPPED))
                .hasMessageContaining("refund");
    }

    @Test
    void aDispatchThatRacedACancellationIsRefusedRatherThanShippingACancelledOrder() {
        Order cancelled = paid().cancel("ordered twice", "cs.li", NOON).state();

        assertThatThrownBy(() -> cancelled.dispatched(dispatch()))
                .isInstanceOfSatisfying(IllegalOrderTransition.class, refused -> assertThat(refused.current()).isEqualTo(OrderStatus.CANCELLED));
    }

    @Test
    void anOrderWithHoldReasonsIsPaidAndHeldAndBothAreAnnounced() {
        Change<Order> held = Order.receivePayment(Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE, HoldReason.ADDRESS_CHECK));

        assertThat(held.state().status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(held.state().holds()).containsExactlyInAnyOrder(HoldReason.BUYER_NOTE, HoldReason.ADDRESS_CHECK);
        assertThat(held.events()).hasSize(2);
        assertThat(held.events().get(0)).isInstanceOfSatisfying(OrderPaid.class,
                paid -> assertThat(paid.holds()).containsExactlyInAnyOrder("BUYER_NOTE", "ADDRESS_CHECK"));
        assertThat(held.events().get(1)).isInstanceOfSatisfying(OrderHeld.class,
                event -> assertThat(event.reasons()).containsExactlyInAnyOrder("BUYER_NOTE", "ADDRESS_CHECK"));
    }

    @Test
    void aHeldOrderLearnsItsShipmentButOnlyReleaseMakesItReady() {
        Order held = Order.receivePayment(Optional.empty(), PAID, Set.of(HoldReason.BUYER_NOTE)).state().shipmentCreated("shp-1").state();
        assertThat(held.status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(held.shipment().shipmentId()).isEqualTo("shp-1");

        Change<Order> released = held.releaseFromReview("cs.li", "buyer confirmed SF", NOON);

        assertThat(released.state().status()).isEqualTo(OrderStatus.READY);
        assertThat(released.state().holds()).isEmpty();
        assertThat(released.state().release()).isEqualTo(new Order.Release("cs.li", "buyer confirmed SF", NOON));
        assertThat(released.events()).singleElement().isInstanceOfSatisfying(OrderReleased.class,
                event -> assertThat(event.releasedBy()).isEqualTo("cs.li"));
        assertThat(released.state().releaseFromReview("cs.li", "again", NOON).isNone()).isTrue();
    }

    @Test
    void staffHoldAnOrderManuallyUntilDispatch() {
        Change<Order> held = paid().hold("cs.li", "buyer may change address", NOON);

        assertThat(held.state().status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(held.state().holds()).containsExactly(HoldReason.MANUAL);
        assertThat(held.events()).singleElement().isInstanceOf(OrderHeld.class);
        assertThat(held.state().releaseFromReview("cs.li", "done", NOON).state().status()).isEqualTo(OrderStatus.PAID);
        assertThatThrownBy(() -> paid().dispatched(dispatch()).state().hold("cs.li", "too late", NOON))
                .isInstanceOf(IllegalOrderTransition.class);
    }

    @Test
    void customerServiceCorrectsTheAddressBeforeDispatchAndTheChangeIsKept() {
        Order paid = paid();
        Address corrected = new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号 5 幢 302", null, "310012");

        Change<Order> changed = paid.changeAddress(corrected, CHECK, "cs.li", NOON);

        assertThat(changed.state().shippingAddress()).isEqualTo(corrected);
        assertThat(changed.state().addressChanges()).containsExactly(new Order.AddressChange(null, corrected, "cs.li", NOON));
        assertThat(changed.events()).singleElement().isInstanceOfSatisfying(OrderAddressChanged.class, event -> {
            assertThat(event.address()).isEqualTo(corrected);
            assertThat(event.changedBy()).isEqualTo("cs.li");
        });
        assertThat(changed.state().changeAddress(corrected, CHECK, "cs.li", NOON).isNone()).as("the same address again").isTrue();
    }

    @Test
    void aCorrectionThatIsStillDoubtfulIsRefusedWithItsDoubts() {
        Address noPhone = new Address("王芳", "", "CN", "浙江省", "杭州市", null, "文三路 90 号", null, "3100");

        assertThatThrownBy(() -> paid().changeAddress(noPhone, CHECK, "cs.li", NOON))
                .isInstanceOfSatisfying(AddressRejected.class, rejected -> assertThat(rejected.doubts()).hasSize(2));
    }

    @Test
    void theAddressCannotChangeOnceTheParcelIsWithTheCarrier() {
        Address corrected = new Address("王芳", "13800138000", "CN", null, "杭州市", null, "文三路 90 号 5 幢 302", null, "310012");

        assertThatThrownBy(() -> paid().dispatched(dispatch()).state().changeAddress(corrected, CHECK, "cs.li", NOON))
                .isInstanceOfSatisfying(IllegalOrderTransition.class, refused -> {
                    assertThat(refused.current()).isEqualTo(OrderStatus.SHIPPED);
                    assertThat(refused.action()).isEqualTo("CHANGE_ADDRESS");
                });
    }

    @Test
    void deliveryAndRefundsAreTwoDimensionsOfTheStatus() {
        Order delivered = paid().dispatched(dispatch()).state().delivered(NOON).state();
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.shipment().deliveredAt()).isEqualTo(NOON);

        Order partly = delivered.refundCompleted(new Money(12800, "CNY")).state();
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(partly.progress()).as("still delivered").isEqualTo(Progress.DELIVERED);

        Order fully = partly.refundCompleted(new Money(20000, "CNY")).state();
        assertThat(fully.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(fully.refunded()).as("never more than the total").isEqualTo(new Money(25600, "CNY"));
        assertThat(fully.refundCompleted(new Money(1, "CNY")).isNone()).isTrue();
    }

    private static Order paid() {
        return Order.receivePayment(Optional.empty(), PAID, Set.of()).state();
    }

    private static ShipmentDispatched dispatch() {
        return new ShipmentDispatched("tmall-flagship:T1", "tmall-flagship", "shp-1", "SF", "SF123", null, List.of(),
                "wh.zhao", Instant.parse("2026-11-28T08:00:00Z"));
    }
}
