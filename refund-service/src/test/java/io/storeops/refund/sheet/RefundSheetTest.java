package io.storeops.refund.sheet;

import static io.storeops.refund.sheet.SheetFixtures.NOVEMBER_28;
import static io.storeops.refund.sheet.SheetFixtures.SHANGHAI;
import static io.storeops.refund.sheet.SheetFixtures.STORE;
import static io.storeops.refund.sheet.SheetFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundSheetTest {

    private static final RefundSheet SHEET = RefundSheet.of(days(NOVEMBER_28, NOVEMBER_28), SheetFixtures.files());

    @Test
    void oneRowPerCaseWithAStepOnTheDaysInTheOrderTheyWereOpened() {
        assertThat(caseIds(SHEET))
                .as("rejected on the 28th, opened as it began, opened and paid, cancelled; not another store's")
                .containsExactly("rf-old", "rf-first-second", "rf-in", "rf-cancelled-tmall-flagship:T2");
    }

    @Test
    void theDaysRunFromTheStoresMidnightToItsNext() {
        assertThat(caseIds(onDay(NOVEMBER_28.minusDays(1))))
                .as("23:59:59 in Hangzhou is still the 27th")
                .containsExactly("rf-late-27");
        assertThat(caseIds(onDay(NOVEMBER_28.plusDays(1))))
                .as("16:00 UTC is midnight starting the 29th in Hangzhou")
                .containsExactly("rf-after");
        assertThat(days(NOVEMBER_28, NOVEMBER_28).start()).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
        assertThat(days(NOVEMBER_28, NOVEMBER_28).end()).isEqualTo(Instant.parse("2026-11-28T16:00:00Z"));
    }

    @Test
    void aRowSaysWhoOpenedAndDecidedWhenInTheStoresTimeAndWhatWasAskedAndPaidBack() {
        assertThat(row("rf-in"))
                .isEqualTo(new RefundSheet.Row(
                        "tmall-flagship:T1",
                        "rf-in",
                        CaseType.REFUND_ONLY,
                        CaseState.COMPLETED,
                        "cracked on arrival",
                        "CS",
                        LocalDateTime.of(2026, 11, 28, 10, 0),
                        "cs.li",
                        "sup.chen",
                        false,
                        LocalDateTime.of(2026, 11, 28, 11, 0),
                        3000,
                        3000L,
                        "TB-1",
                        "CNY"));
        assertThat(row("rf-in").asked()).isEqualTo(new BigDecimal("30.00"));
        assertThat(row("rf-old").decidedBy())
                .as("a rejection is a decision too")
                .isEqualTo("sup.chen");
        assertThat(row("rf-first-second").decidedBy()).isNull();
    }

    @Test
    void automaticDecisionsAreMarked() {
        RefundSheet.Row cancelled = row("rf-cancelled-tmall-flagship:T2");

        assertThat(cancelled.automatic()).isTrue();
        assertThat(cancelled.decidedBy()).isEqualTo("order-cancellation");
        assertThat(cancelled.decidedAt()).isEqualTo(LocalDateTime.of(2026, 11, 28, 13, 0));
        assertThat(SHEET.rows())
                .filteredOn(RefundSheet.Row::automatic)
                .extracting(RefundSheet.Row::caseId)
                .containsExactly("rf-cancelled-tmall-flagship:T2");
    }

    @Test
    void onlyACompletedCaseShowsWhatWasRefunded() {
        assertThat(SHEET.rows())
                .filteredOn(row -> row.refundedMinor() != null)
                .extracting(RefundSheet.Row::caseId)
                .containsExactly("rf-in");
        assertThat(row("rf-cancelled-tmall-flagship:T2").refunded())
                .as("approved and being paid back: not refunded yet")
                .isNull();
    }

    @Test
    void theStateAndTypeFiltersCombine() {
        assertThat(caseIds(filtered(CaseState.REJECTED, null))).containsExactly("rf-old");
        assertThat(caseIds(filtered(null, CaseType.RETURN_AND_REFUND))).containsExactly("rf-first-second");
        assertThat(caseIds(filtered(CaseState.COMPLETED, CaseType.REFUND_ONLY))).containsExactly("rf-in");
        assertThat(caseIds(filtered(CaseState.COMPLETED, CaseType.RETURN_AND_REFUND)))
                .isEmpty();
    }

    @Test
    void theTotalsCountTheCasesPerReasonTheMostFirstAndInAll() {
        assertThat(SHEET.totalsByReason())
                .containsExactly(
                        new RefundSheet.Total("cracked on arrival", "CNY", 2, 15800, 3000),
                        new RefundSheet.Total("buyer ordered twice", "CNY", 1, 28600, 0),
                        new RefundSheet.Total("late", "CNY", 1, 1000, 0));
        assertThat(SHEET.grandTotals()).containsExactly(new RefundSheet.Total(null, "CNY", 4, 45400, 3000));
        assertThat(SHEET.grandTotals().get(0).asked()).isEqualTo(new BigDecimal("454.00"));
    }

    @Test
    void aSheetCoversAtMostAYearOfDaysFromTheFirstToTheLast() {
        assertThatThrownBy(() -> days(NOVEMBER_28, NOVEMBER_28.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from must not be after to.");
        assertThat(days(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).end())
                .as("a leap year's 366 days")
                .isEqualTo(Instant.parse("2024-12-31T16:00:00Z"));
        assertThatThrownBy(() -> days(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 366 days");
    }

    private static RefundSheet onDay(LocalDate day) {
        return RefundSheet.of(days(day, day), SheetFixtures.files());
    }

    private static RefundSheet filtered(CaseState state, CaseType type) {
        return RefundSheet.of(
                new RefundSheet.Scope(STORE, SHANGHAI, NOVEMBER_28, NOVEMBER_28, state, type), SheetFixtures.files());
    }

    private static RefundSheet.Row row(String caseId) {
        return SHEET.rows().stream()
                .filter(row -> row.caseId().equals(caseId))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> caseIds(RefundSheet sheet) {
        return sheet.rows().stream().map(RefundSheet.Row::caseId).toList();
    }
}
