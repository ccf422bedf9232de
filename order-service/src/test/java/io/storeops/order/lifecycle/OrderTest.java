package io.storeops.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Attribution;
import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.OrderPaid;
import io.storeops.contracts.events.ShipmentDispatched;
import io.storeops.platform.outbox.Change;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {

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
        Order paid = Order.receivePayment(Optional.empty(), PAID).state();
        Order shipped = paid.dispatched(dispatch()).state();

        assertThat(Order.receivePayment(Optional.of(paid), PAID).isNone()).isTrue();
        assertThat(Order.receivePayment(Optional.of(shipped), PAID).isNone()).isTrue();
    }

    @Test
    void dispatchShipsAPaidOrderOnce() {
        Order paid = Order.receivePayment(Optional.empty(), PAID).state();

        Order shipped = paid.dispatched(dispatch()).state();

        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.shipment().trackingNumber()).isEqualTo("SF123");
        assertThat(shipped.dispatched(dispatch()).isNone()).isTrue();
    }

    @Test
    void theShipmentIdIsRememberedOnce() {
        Order paid = Order.receivePayment(Optional.empty(), PAID).state();

        Order withShipment = paid.shipmentCreated("shp-1").state();

        assertThat(withShipment.shipment().shipmentId()).isEqualTo("shp-1");
        assertThat(withShipment.status()).isEqualTo(OrderStatus.PAID);
        assertThat(withShipment.shipmentCreated("shp-1").isNone()).isTrue();
    }

    private static ShipmentDispatched dispatch() {
        return new ShipmentDispatched("tmall-flagship:T1", "tmall-flagship", "shp-1", "SF", "SF123", null, List.of(),
                "wh.zhao", Instant.parse("2026-11-28T08:00:00Z"));
    }
}
