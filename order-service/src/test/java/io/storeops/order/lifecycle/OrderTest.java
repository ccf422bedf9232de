package io.storeops.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.OrderCancelled;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");
    private static final PaidOrder PAID = new PaidOrder("tmall-flagship", "storefront", "T1",
            List.of(new OrderLine("TEA", "Tea", 2, new Money(12800, "CNY"))), Money.zero("CNY"), new Money(25600, "CNY"),
            Instant.parse("2026-11-28T02:00:00Z"), null, "SF please", "SF", Attribution.NONE);

    @Test
    void paymentCreatesAPaidOrderAndAnnouncesIt() {
        Change<Order> change = Order.receivePayment(Optional.empty(), PAID);

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

        assertThat(Order.receivePayment(Optional.of(paid), PAID).isNone()).isTrue();
        assertThat(Order.receivePayment(Optional.of(shipped), PAID).isNone()).isTrue();
        assertThat(Order.receivePayment(Optional.of(cancelled), PAID).isNone()).isTrue();
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

    private static Order paid() {
        return Order.receivePayment(Optional.empty(), PAID).state();
    }

    private static ShipmentDispatched dispatch() {
        return new ShipmentDispatched("tmall-flagship:T1", "tmall-flagship", "shp-1", "SF", "SF123", null, List.of(),
                "wh.zhao", Instant.parse("2026-11-28T08:00:00Z"));
    }
}
