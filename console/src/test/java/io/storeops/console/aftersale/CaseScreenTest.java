package io.storeops.console.aftersale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.aftersale.AfterSaleModel.Contact;
import io.storeops.console.aftersale.AfterSaleModel.Deadline;
import io.storeops.console.aftersale.AfterSaleModel.Evidence;
import io.storeops.console.aftersale.AfterSaleModel.Money;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.OrderLine;
import io.storeops.console.aftersale.AfterSaleModel.RefundCase;
import io.storeops.console.aftersale.AfterSaleModel.TimelineEntry;
import io.storeops.console.desk.AfterSaleDesk;
import io.storeops.console.desk.Desk;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The after-sale pages' models without a server: who is offered which step of a case where it
 * stands, the four-eyes rule shown before the click, lines named by the order, evidence that is a
 * link only when it is one, money typed as the buyer sees it, and how long a timer has left.
 */
class CaseScreenTest {

    private static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");

    private static final Order ORDER = new Order(
            "tmall-flagship:T2001",
            "tmall-flagship",
            "T2001",
            "SHIPPED",
            List.of(
                    new OrderLine("TEA-LJ-250", "西湖龙井 250g", 2, new Money(12800, "CNY")),
                    new OrderLine("CUP-GL-01", "玻璃杯", 1, new Money(3900, "CNY"))),
            new Money(1000, "CNY"),
            new Money(30500, "CNY"));

    @Test
    void theRolesOfTheDepartmentGetTheAfterSaleActionsRefundServiceGivesThem() {
        assertThat(AfterSaleDesk.actionsOf(List.of("CS_AFTERSALE")))
                .containsExactly(AfterSaleDesk.SEE_CASES, AfterSaleDesk.HANDLE_CASES);
        assertThat(AfterSaleDesk.actionsOf(List.of("SUPERVISOR")))
                .containsExactly(AfterSaleDesk.SEE_CASES, AfterSaleDesk.DECIDE);
        assertThat(AfterSaleDesk.actionsOf(List.of("MANAGER"))).containsExactly("SEE_CASES", "DECIDE");
        assertThat(AfterSaleDesk.actionsOf(List.of("STORE_MANAGER"))).containsExactly("SEE_CASES");
        assertThat(AfterSaleDesk.actionsOf(List.of("WAREHOUSE", "ORDER_CLERK", "CS_PRESALE")))
                .isEmpty();
    }

    @Test
    void aSupervisorDecidesARequestCustomerServiceEnteredAndCustomerServiceTalksToTheBuyer() {
        RefundCase requested = refund("REQUESTED", "dev-cs-aftersale", List.of(), List.of());

        CaseScreen supervisor = screen(requested, "dev-supervisor", "SUPERVISOR");
        assertThat(supervisor.fourEyes()).isFalse();
        assertThat(supervisor.offers("approval")).isTrue();
        assertThat(supervisor.offers("rejection")).isTrue();
        assertThat(supervisor.heldBack("approval")).isFalse();
        assertThat(supervisor.offers("contacts")).isFalse();
        assertThat(supervisor.offers("closure")).as("only after a rejection").isFalse();

        CaseScreen cs = screen(requested, "dev-cs-aftersale", "CS_AFTERSALE");
        assertThat(cs.offers("approval")).isFalse();
        assertThat(cs.fourEyes())
                .as("the rule is about deciding: customer service decides nothing")
                .isFalse();
        assertThat(cs.offers("contacts")).isTrue();
        assertThat(cs.offers("revision")).isTrue();
        assertThat(cs.offers("withdrawal")).isTrue();
        assertThat(cs.offers("payment")).isFalse();

        CaseScreen storeManager = screen(requested, "dev-store-manager", "STORE_MANAGER");
        assertThat(storeManager.offersAny()).as("the store manager looks on").isFalse();
    }

    @Test
    void whoEnteredNegotiatedOrRevisedACaseSeesTheDecisionHeldBackWithWhy() {
        Contact talked = new Contact("PHONE", "half back", "no", "li.lei", AT);
        TimelineEntry revised = new TimelineEntry(AT, "REVISE", "wang.fang", "QUALITY");
        TimelineEntry rejected = new TimelineEntry(AT, "REJECT", "zhao.min", "no photo");

        RefundCase opened = refund("REQUESTED", "dev-supervisor", List.of(), List.of());
        RefundCase negotiated = refund("REQUESTED", "buyer", List.of(talked), List.of());
        RefundCase revisedBy = refund("REQUESTED", "buyer", List.of(), List.of(revised, rejected));

        assertThat(screen(opened, "dev-supervisor", "SUPERVISOR").heldBack("approval"))
                .isTrue();
        assertThat(screen(opened, "dev-supervisor", "SUPERVISOR").heldBack("rejection"))
                .isTrue();
        assertThat(screen(negotiated, "li.lei", "MANAGER").fourEyes()).isTrue();
        assertThat(screen(revisedBy, "wang.fang", "SUPERVISOR").fourEyes()).isTrue();
        assertThat(screen(revisedBy, "zhao.min", "SUPERVISOR").fourEyes())
                .as("deciding before is no reason not to decide again")
                .isFalse();
        assertThat(screen(negotiated, "another-supervisor", "SUPERVISOR").heldBack("approval"))
                .isFalse();
        assertThat(opened.workedOnBy(null)).isFalse();

        RefundCase inNegotiation = refund("NEGOTIATING", "buyer", List.of(talked), List.of());
        CaseScreen negotiator = screen(inNegotiation, "li.lei", "SUPERVISOR");
        assertThat(negotiator.offers("closure")).isTrue();
        assertThat(negotiator.heldBack("closure")).isTrue();
        assertThat(negotiator.heldBack("contacts")).as("not a decision").isFalse();
    }

    @ParameterizedTest(name = "{0} takes {1}")
    @CsvSource({
        "REQUESTED, approval, true",
        "REQUESTED, closure, false",
        "REJECTED, closure, true",
        "REJECTED, revision, false",
        "NEGOTIATING, revision, true",
        "AWAITING_RETURN, return-parcel, true",
        "AWAITING_RETURN, approval, false",
        "REFUNDING, payment, true",
        "REFUNDING, withdrawal, false",
        "COMPLETED, contacts, false",
        "CLOSED, withdrawal, false"
    })
    void aCaseTakesTheStepsItsStateMachineAllows(String state, String step, boolean takes) {
        assertThat(refund(state, "buyer", List.of(), List.of()).takes(step)).isEqualTo(takes);
    }

    @Test
    void linesAreNamedByTheOrderAndWithoutItByTheirNumber() {
        RefundCase requested = refund("REQUESTED", "dev-cs-aftersale", List.of(), List.of());

        CaseScreen withOrder = screen(requested, "dev-supervisor", "SUPERVISOR");
        assertThat(withOrder.lines()).containsExactly(new CaseScreen.ShownLine(1, "CUP-GL-01", "玻璃杯", 1, 3900));
        assertThat(withOrder.refund().amountMinor()).isEqualTo(4400);
        assertThat(withOrder.revisableLines())
                .extracting(
                        CaseScreen.RevisableLine::title, CaseScreen.RevisableLine::quantity, line -> line.amountMinor())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("西湖龙井 250g", 0, 0L),
                        org.assertj.core.groups.Tuple.tuple("玻璃杯", 1, 3900L));
        assertThat(withOrder.typed(3900)).isEqualTo("39.00");

        CaseScreen withoutOrder = new CaseScreen(
                new CaseView("tmall-flagship:T2001", "tmall-flagship", requested),
                null,
                null,
                "CNY",
                desk("dev-supervisor", "SUPERVISOR"));
        assertThat(withoutOrder.lines()).containsExactly(new CaseScreen.ShownLine(1, null, null, 1, 3900));
        assertThat(withoutOrder.revisableLines()).hasSize(1);
    }

    @Test
    void evidenceIsALinkOnlyWhenItIsAWebAddressAndAPhotoWhenItNamesAnImage() {
        assertThat(Evidence.of("cracked on arrival")).isEqualTo(new Evidence("cracked on arrival", false, false));
        assertThat(Evidence.of(" https://img.example/crack.JPG?size=large "))
                .isEqualTo(new Evidence("https://img.example/crack.JPG?size=large", true, true));
        assertThat(Evidence.of("http://shop.example/chat/123"))
                .isEqualTo(new Evidence("http://shop.example/chat/123", true, false));
        assertThat(Evidence.of("javascript:alert(1)").link()).isFalse();
        assertThat(Evidence.of("https://img.example/a.png and more").link()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
        "39, CNY, 3900",
        "39.5, CNY, 3950",
        "'1,280.00', CNY, 128000",
        "0.01, USD, 1",
        "100, JPY, 100",
        "'', CNY, 0"
    })
    void moneyIsTypedAsTheBuyerSeesItAndSentInMinorUnits(String typed, String currency, long minor) {
        assertThat(CaseForms.minor(typed, currency)).isEqualTo(minor);
        assertThat(CaseForms.minor(CaseForms.typed(minor, currency), currency)).isEqualTo(minor);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"39.001, CNY", "12.5, JPY", "-3, CNY", "abc, CNY", "3 9, CNY", "99999999999999999999, CNY"})
    void whatIsNotMoneyOfTheCurrencyIsRefusedBeforeItIsSent(String typed, String currency) {
        assertThatThrownBy(() -> CaseForms.minor(typed, currency))
                .isInstanceOf(CaseForms.Unreadable.class)
                .hasMessage("afterSale.form.amountInvalid");
    }

    @Test
    void theFormsLinesAreThoseWithUnitsOrMoneyAndTheEvidenceOneItemALine() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.addAll("line", List.of("0", "1", "2"));
        form.addAll("quantity", List.of("", "1", "0"));
        form.addAll("amount", List.of("", "39.00", "5"));

        assertThat(CaseForms.lines(form, "CNY")).containsExactly(new CaseLine(1, 1, 3900), new CaseLine(2, 0, 500));
        assertThat(CaseForms.typedLines(form).get(1)).isEqualTo(new CaseForms.TypedLine("1", "39.00"));

        form.set("quantity", "one");
        assertThatThrownBy(() -> CaseForms.lines(form, "CNY")).hasMessage("afterSale.form.quantityInvalid");
        assertThat(CaseForms.evidence("cracked\n\n  https://img.example/a.jpg  \r\n"))
                .containsExactly("cracked", "https://img.example/a.jpg");
    }

    @Test
    void eachRenderingOfTheNewCaseFormHasItsOwnKeyTheServiceTakes() {
        String first = CaseForms.newIdempotencyKey();
        String second = CaseForms.newIdempotencyKey();

        assertThat(first).isNotEqualTo(second).matches(CaseForms.IDEMPOTENCY_KEY);
        assertThat(second).matches(CaseForms.IDEMPOTENCY_KEY);
    }

    @Test
    void aTimerSaysHowLongIsLeftAndWhenItHasRunOut() {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");

        TimeLeft hours = TimeLeft.of(new Deadline("ANSWER", Instant.parse("2026-11-30T03:29:30Z")), now);
        assertThat(hours.key()).isEqualTo("afterSale.left.hours");
        assertThat(hours.args()).containsExactly(3L, 30L);
        assertThat(hours.urgent()).isTrue();

        TimeLeft days = TimeLeft.of(new Deadline("SHIP_RETURN", Instant.parse("2026-12-02T05:00:00Z")), now);
        assertThat(days.key()).isEqualTo("afterSale.left.days");
        assertThat(days.args()).containsExactly(2L, 5);
        assertThat(days.urgent()).isFalse();

        assertThat(TimeLeft.of(new Deadline("ANSWER", now), now).key()).isEqualTo("afterSale.left.up");
        assertThat(TimeLeft.of(null, now).key()).isEqualTo("afterSale.left.none");
    }

    private static RefundCase refund(
            String state, String openedBy, List<Contact> contacts, List<TimelineEntry> timeline) {
        return new RefundCase(
                "rf-cup-0001",
                "RETURN_AND_REFUND",
                state,
                "DAMAGED",
                true,
                List.of(new CaseLine(1, 1, 3900)),
                500,
                List.of(),
                "CS",
                openedBy,
                AT,
                contacts,
                null,
                null,
                timeline,
                null,
                List.of(),
                null);
    }

    private static CaseScreen screen(RefundCase refund, String username, String role) {
        return new CaseScreen(
                new CaseView("tmall-flagship:T2001", "tmall-flagship", refund),
                ORDER,
                null,
                "CNY",
                desk(username, role));
    }

    private static Desk desk(String username, String role) {
        return new Desk(username, List.of(role), AfterSaleDesk.actionsOf(List.of(role)), List.of(), java.util.Set.of());
    }
}
