package io.storeops.refund.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.contracts.events.order.OrderPaid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The steps a person is offered on a case: their part, the case's state, four-eyes and how the store pays. */
class CaseStepTest {

    private static final Instant NOON = Instant.parse("2026-11-29T04:00:00Z");
    private static final CaseStep.Viewer SERVICE = new CaseStep.Viewer(false, true, "cs.li", false);
    private static final CaseStep.Viewer SUPERVISOR = new CaseStep.Viewer(true, false, "sup.chen", false);
    private static final CaseStep.Viewer MANAGER_LOOKING_ON = new CaseStep.Viewer(false, false, "sm.wu", false);

    private static final AfterSale OPEN = AfterSale.open(
                    Optional.empty(),
                    new OrderPaid(
                            "tmall-flagship:T1",
                            "tmall-flagship",
                            "storefront",
                            "T1",
                            List.of(new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"))),
                            Money.zero("CNY"),
                            new Money(3000, "CNY"),
                            NOON,
                            null,
                            null,
                            null,
                            List.of(),
                            null))
            .state();

    private static RefundCase requested(CaseType type) {
        return OPEN.request(
                        new AfterSale.Request(
                                "rf-1",
                                type,
                                "cracked",
                                true,
                                List.of(new CaseLine(0, 1, 3000)),
                                0,
                                List.of(),
                                AfterSale.CUSTOMER_SERVICE),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .find("rf-1")
                .orElseThrow();
    }

    @Test
    void eachPartIsOfferedItsStepsWhereTheCaseStands() {
        RefundCase requested = requested(CaseType.RETURN_AND_REFUND);

        assertThat(CaseStep.offered(requested, SERVICE))
                .containsExactly(CaseStep.CONTACTS, CaseStep.REVISION, CaseStep.WITHDRAWAL);
        assertThat(CaseStep.offered(requested, SUPERVISOR)).containsExactly(CaseStep.APPROVAL, CaseStep.REJECTION);
        assertThat(CaseStep.offered(requested, MANAGER_LOOKING_ON)).isEmpty();

        RefundCase awaiting = OPEN.request(
                        new AfterSale.Request(
                                "rf-2",
                                CaseType.RETURN_AND_REFUND,
                                "cracked",
                                true,
                                List.of(new CaseLine(0, 1, 3000)),
                                0,
                                List.of(),
                                AfterSale.CUSTOMER_SERVICE),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-2", "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state()
                .find("rf-2")
                .orElseThrow();
        assertThat(CaseStep.offered(awaiting, SERVICE)).containsExactly(CaseStep.WITHDRAWAL, CaseStep.RETURN_PARCEL);
        assertThat(CaseStep.offered(awaiting, SUPERVISOR))
                .as("the supervisor may settle a return as it stands, or close it")
                .containsExactly(CaseStep.CLOSURE, CaseStep.SETTLEMENT);
    }

    @Test
    void aPaymentIsConfirmedByHandOnlyWhereNoGatewayPays() {
        RefundCase refunding = OPEN.request(
                        new AfterSale.Request(
                                "rf-3",
                                CaseType.REFUND_ONLY,
                                "late",
                                false,
                                List.of(new CaseLine(0, 0, 500)),
                                0,
                                List.of(),
                                AfterSale.CUSTOMER_SERVICE),
                        "cs.li",
                        NOON,
                        AfterSalePolicy.NONE)
                .state()
                .approve("rf-3", "sup.chen", false, null, NOON, AfterSalePolicy.NONE)
                .state()
                .find("rf-3")
                .orElseThrow();

        assertThat(CaseStep.offered(refunding, SERVICE)).containsExactly(CaseStep.PAYMENT);
        assertThat(CaseStep.offered(refunding, new CaseStep.Viewer(false, true, "cs.li", true)))
                .as("the gateway pays")
                .isEmpty();
    }

    @Test
    void fourEyesHoldsBackTheDecisionsOfWhoWorkedOnTheCase() {
        RefundCase requested = requested(CaseType.REFUND_ONLY);
        CaseStep.Viewer bothHats = new CaseStep.Viewer(true, true, "cs.li", false);

        assertThat(CaseStep.heldBack(requested, bothHats)).containsExactly(CaseStep.APPROVAL, CaseStep.REJECTION);
        assertThat(CaseStep.heldBack(requested, SUPERVISOR)).isEmpty();
        assertThat(CaseStep.APPROVAL.path()).isEqualTo("approval");
        assertThat(CaseStep.RETURN_PARCEL.path()).isEqualTo("return-parcel");
    }
}
