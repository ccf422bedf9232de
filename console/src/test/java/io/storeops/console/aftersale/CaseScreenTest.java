package io.storeops.console.aftersale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import io.storeops.console.aftersale.AfterSaleModel.CaseView;
import io.storeops.console.aftersale.AfterSaleModel.Contact;
import io.storeops.console.aftersale.AfterSaleModel.Deadline;
import io.storeops.console.aftersale.AfterSaleModel.Evidence;
import io.storeops.console.aftersale.AfterSaleModel.Ledger;
import io.storeops.console.aftersale.AfterSaleModel.LedgerLine;
import io.storeops.console.aftersale.AfterSaleModel.Money;
import io.storeops.console.aftersale.AfterSaleModel.Order;
import io.storeops.console.aftersale.AfterSaleModel.OrderLine;
import io.storeops.console.aftersale.AfterSaleModel.RefundCase;
import io.storeops.console.aftersale.AfterSaleModel.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The after-sale pages' models without a server: a case offers exactly the steps refund-service
 * gives the person and shows the decisions it holds back (four-eyes) before the click, lines are
 * named by the order and the new-case form's by the ledger's standing, evidence and review images
 * are links only when they are, money is typed as the buyer sees it, and a timer says how long is left.
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
    void thePageOffersExactlyTheStepsTheServiceGivesWhateverTheCaseLooksLike() {
        RefundCase requested = refund("REQUESTED", "dev-cs-aftersale", List.of(), List.of());

        CaseScreen cs = screen(requested, List.of("contacts", "withdrawal"), List.of());
        assertThat(cs.offers("contacts")).isTrue();
        assertThat(cs.offers("withdrawal")).isTrue();
        assertThat(cs.offers("revision"))
                .as("a requested case takes a revision, but the service did not offer it")
                .isFalse();
        assertThat(cs.offers("approval")).isFalse();
        assertThat(cs.offers("payment")).isFalse();
        assertThat(cs.fourEyes()).isFalse();
        assertThat(cs.offersAny()).isTrue();

        CaseScreen paying = screen(refund("REFUNDING", "buyer", List.of(), List.of()), List.of("payment"), List.of());
        assertThat(paying.offers("payment")).isTrue();
        assertThat(screen(refund("REFUNDING", "buyer", List.of(), List.of()), List.of(), List.of())
                        .offers("payment"))
                .as("a store whose gateway pays: the service offers no payment by hand")
                .isFalse();

        CaseScreen lookingOn = screen(requested, List.of(), List.of());
        assertThat(lookingOn.offersAny()).as("the store manager looks on").isFalse();

        CaseScreen unknownStep = screen(
                refund("AWAITING_RETURN", "buyer", List.of(), List.of()),
                List.of("replacement-shipment"),
                List.of("replacement-shipment"));
        assertThat(unknownStep.offersAny())
                .as("a step the page has no form for shows no empty actions panel")
                .isFalse();
        assertThat(unknownStep.fourEyes()).isFalse();

        CaseScreen settling = screen(
                refund("AWAITING_RETURN", "buyer", List.of(), List.of()),
                List.of("closure", "settlement"),
                List.of("closure", "settlement"));
        assertThat(settling.offers("settlement")).isTrue();
        assertThat(settling.heldBack("settlement")).isTrue();
        assertThat(settling.fourEyes())
                .as("the settlement is a decision four-eyes holds back")
                .isTrue();
    }

    @Test
    void theDecisionsTheServiceHoldsBackAreShownHeldBackWithWhy() {
        RefundCase requested = refund("REQUESTED", "buyer", List.of(), List.of());

        CaseScreen held = screen(requested, List.of("approval", "rejection"), List.of("approval", "rejection"));
        assertThat(held.fourEyes()).isTrue();
        assertThat(held.offers("approval")).as("shown, disabled").isTrue();
        assertThat(held.heldBack("approval")).isTrue();
        assertThat(held.heldBack("rejection")).isTrue();
        assertThat(held.heldBack("contacts")).isFalse();

        CaseScreen enteredButFree = screen(
                refund("REQUESTED", "dev-supervisor", List.of(), List.of()),
                List.of("approval", "rejection"),
                List.of());
        assertThat(enteredButFree.fourEyes())
                .as("the service decides who worked on the case, not the console")
                .isFalse();
        assertThat(enteredButFree.heldBack("approval")).isFalse();

        CaseScreen closure = screen(
                refund("NEGOTIATING", "buyer", List.of(), List.of()),
                List.of("closure", "contacts"),
                List.of("closure"));
        assertThat(closure.heldBack("closure")).isTrue();
        assertThat(closure.heldBack("contacts")).isFalse();
        assertThat(closure.offers("contacts")).isTrue();
    }

    @Test
    void moneyOnTheCaseIsOfTheCurrencyTheServiceGivesWithIt() {
        RefundCase requested = refund("REQUESTED", "buyer", List.of(), List.of());

        assertThat(new CaseScreen(new CaseView("o", "s", "JPY", requested, List.of(), List.of()), null, null)
                        .typed(3900))
                .isEqualTo("3900");
        assertThat(new CaseScreen(new CaseView("o", "s", "CNY", requested, List.of(), List.of()), null, null)
                        .typed(3900))
                .isEqualTo("39.00");
        assertThat(new CaseView("o", "s", "CNY", requested, null, null).steps())
                .as("an older answer without steps offers nothing")
                .isEmpty();
    }

    @Test
    void linesAreNamedByTheOrderAndWithoutItByTheirNumber() {
        RefundCase requested = refund("REQUESTED", "dev-cs-aftersale", List.of(), List.of());

        CaseScreen withOrder = screen(requested, List.of(), List.of());
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
                new CaseView("tmall-flagship:T2001", "tmall-flagship", "CNY", requested, List.of(), List.of()),
                null,
                null);
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

    @Test
    void eachLineOfTheNewCaseFormHasItsStandingInTheLedgerByItsIndex() {
        Money none = new Money(0, "CNY");
        Ledger ledger = new Ledger(
                "tmall-flagship:T2001",
                "tmall-flagship",
                new Money(30500, "CNY"),
                none,
                new Money(16700, "CNY"),
                List.of(new LedgerLine(
                        1, "CUP-GL-01", "玻璃杯", 1, new Money(3900, "CNY"), none, none, new Money(3900, "CNY"), 1)));

        List<NewCasePages.EntryLine> lines = NewCasePages.lines(ORDER, ledger);

        assertThat(lines).extracting(NewCasePages.EntryLine::lineIndex).containsExactly(0, 1);
        assertThat(lines.get(0).standing())
                .as("the ledger does not have line 0")
                .isNull();
        assertThat(lines.get(1).standing().left().amountMinor()).isEqualTo(3900);
        assertThat(lines.get(1).bought().title()).isEqualTo("玻璃杯");
        assertThat(NewCasePages.lines(ORDER, null))
                .allSatisfy(line -> assertThat(line.standing()).isNull());
    }

    @Test
    void aReviewShowsItsRatingAsStarsAndItsImagesAsLinksAndAComplaintOrReviewOffersTheStepsOfItsView() {
        assertThat(ComplaintModel.stars(2)).isEqualTo("★★☆☆☆");
        assertThat(ComplaintModel.stars(5)).isEqualTo("★★★★★");
        assertThat(ComplaintModel.stars(9)).isEqualTo("★★★★★");

        ComplaintModel.Review review = new ComplaintModel.Review(
                "s:RV-1",
                "s",
                "RV-1",
                "s:T1",
                "nick",
                1,
                "bad",
                List.of("https://img.example/a.jpg", "javascript:alert(1)"),
                null,
                AT,
                true,
                "NEW",
                null,
                null,
                null,
                AT);
        assertThat(review.imageLinks())
                .containsExactly(
                        new Evidence("https://img.example/a.jpg", true, true),
                        new Evidence("javascript:alert(1)", false, false));
        assertThat(review.contacts()).isEmpty();

        ComplaintModel.ReviewView replied = new ComplaintModel.ReviewView(review, null, List.of("contacts"));
        assertThat(replied.offers("contacts")).isTrue();
        assertThat(replied.offers("reply")).isFalse();
        assertThat(replied.offersAny()).isTrue();

        assertThat(new ComplaintModel.ComplaintView(complaint("OPEN"), null, null).offersAny())
                .as("an answer without steps offers nothing, whatever the state")
                .isFalse();
        ComplaintModel.ComplaintView open = new ComplaintModel.ComplaintView(
                complaint("OPEN"), null, List.of("contacts", "resolution", "withdrawal"));
        assertThat(open.offers("resolution")).isTrue();
        assertThat(open.offers("reply")).isFalse();
    }

    private static ComplaintModel.Complaint complaint(String state) {
        return new ComplaintModel.Complaint(
                "cp-1", "s", "s:T1", "CHAT", "LOGISTICS", "late", null, state, "cs", AT, null, null, null, AT);
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

    private static CaseScreen screen(RefundCase refund, List<String> steps, List<String> heldBack) {
        return new CaseScreen(
                new CaseView("tmall-flagship:T2001", "tmall-flagship", "CNY", refund, steps, heldBack), ORDER, null);
    }
}
