package io.storeops.refund.sheet;

import io.storeops.contracts.Money;
import io.storeops.platform.sheets.SheetTable;
import io.storeops.refund.cases.AfterSale;
import io.storeops.refund.cases.CaseState;
import io.storeops.refund.cases.CaseType;
import io.storeops.refund.cases.RefundCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The refund sheet (退款汇总表) the team keeps in its shared folder (汇总成表格放入共享): a store's
 * after-sale cases with a step on some of its days, one row each — what was asked and why, who
 * opened and who decided it, what was paid back and under which payment reference (the gateway's,
 * or the marketplace back office's as staff noted it) — and the totals per reason.
 *
 * @param rows           the cases, in the order they were opened
 * @param totalsByReason per reason (and currency), the reasons with the most cases first
 * @param grandTotals    every case, per currency (one for a store's usual single currency)
 */
public record RefundSheet(Scope scope, List<Row> rows, List<Total> totalsByReason, List<Total> grandTotals) {

    static final List<String> CASE_HEADINGS = List.of(
            "订单 Order",
            "售后单 Case",
            "类型 Type",
            "状态 State",
            "原因 Reason",
            "来源 Source",
            "申请时间 Opened at",
            "申请人 Opened by",
            "处理人 Decided by",
            "自动 Automatic",
            "处理时间 Decided at",
            "申请金额 Asked",
            "退款金额 Refunded",
            "退款单号 Payout reference",
            "币种 Currency");

    static final List<String> TOTAL_HEADINGS =
            List.of("原因 Reason", "币种 Currency", "件数 Cases", "申请金额 Asked", "退款金额 Refunded");

    /** What the automatic-decision column says of a case no person decided. */
    static final String AUTOMATIC = "是 yes";

    /** What the totals call the line of every case. */
    static final String GRAND_TOTAL = "合计 Total";

    private static final Comparator<Row> OPENED_FIRST =
            Comparator.comparing(Row::openedAt).thenComparing(Row::orderId).thenComparing(Row::caseId);

    private static final Comparator<Total> MOST_CASES_FIRST = Comparator.comparingInt(Total::cases)
            .reversed()
            .thenComparing(Total::reason, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Total::currency);

    /**
     * What a sheet covers: the cases of {@code storeId} with a step on one of its days {@code from}
     * to {@code to} (both included, in the store's {@code zone}), optionally only those now in
     * {@code state} or of {@code type}.
     */
    public record Scope(String storeId, ZoneId zone, LocalDate from, LocalDate to, CaseState state, CaseType type) {

        /** A year of days, a leap day included: longer questions are analytics', not a sheet's. */
        public static final int MAX_DAYS = 366;

        /** @throws IllegalArgumentException when {@code from} is after {@code to} or the range is longer than a year */
        public Scope {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("from must not be after to.");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new IllegalArgumentException(
                        "a sheet covers at most " + MAX_DAYS + " days, both ends included: ask for a shorter range.");
            }
        }

        /** The range's first instant: midnight starting {@code from}, in the store's zone. */
        public Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        /** The first instant after the range: midnight ending {@code to}, in the store's zone. */
        public Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        /** The rows of the file's cases this scope covers; none for another store's file. */
        public List<Row> rowsOf(AfterSale file) {
            if (!storeId.equals(file.storeId())) {
                return List.of();
            }
            return file.cases().stream()
                    .filter(refund -> state == null || refund.state() == state)
                    .filter(refund -> type == null || refund.type() == type)
                    .filter(this::steppedWithin)
                    .map(refund -> Row.of(file, refund, zone))
                    .toList();
        }

        private boolean steppedWithin(RefundCase refund) {
            Instant start = start();
            Instant end = end();
            return refund.timeline().stream()
                    .map(RefundCase.Entry::at)
                    .anyMatch(at -> at != null && !at.isBefore(start) && at.isBefore(end));
        }
    }

    /**
     * One case as the sheet shows it: times in the store's zone, amounts in minor units of {@code currency}.
     *
     * @param decidedBy       who approved or rejected it last (a person, or the name of what decided
     *                        automatically); null while undecided
     * @param automatic       whether that decision was automatic: an order cancelled before dispatch,
     *                        a marketplace timer, the store's policy
     * @param askedMinor      the lines and shipping the case asks back
     * @param refundedMinor   what was paid back: the case's amount once it is completed, else null
     * @param payoutReference the payment's reference, once paid
     */
    public record Row(
            String orderId,
            String caseId,
            CaseType type,
            CaseState state,
            String reason,
            String source,
            LocalDateTime openedAt,
            String openedBy,
            String decidedBy,
            boolean automatic,
            LocalDateTime decidedAt,
            long askedMinor,
            Long refundedMinor,
            String payoutReference,
            String currency) {

        static Row of(AfterSale file, RefundCase refund, ZoneId zone) {
            RefundCase.Decision decision = refund.decision();
            Long refunded = refund.state() == CaseState.COMPLETED ? Long.valueOf(refund.amountMinor()) : null;
            return new Row(
                    file.orderId(),
                    refund.caseId(),
                    refund.type(),
                    refund.state(),
                    refund.reason(),
                    refund.source(),
                    local(refund.openedAt(), zone),
                    refund.openedBy(),
                    decision == null ? null : decision.by(),
                    decision != null && decision.automatic(),
                    decision == null ? null : local(decision.at(), zone),
                    refund.amountMinor(),
                    refunded,
                    refund.payout() == null ? null : refund.payout().reference(),
                    file.currency());
        }

        public BigDecimal asked() {
            return decimal(askedMinor, currency);
        }

        /** What was paid back, as a decimal; null unless the case is completed. */
        public BigDecimal refunded() {
            return refundedMinor == null ? null : decimal(refundedMinor, currency);
        }
    }

    /**
     * Cases counted together — those of one reason, or all ({@code reason} null) — with what they
     * asked and what was paid back, in minor units of {@code currency}.
     */
    public record Total(String reason, String currency, int cases, long askedMinor, long refundedMinor) {

        private static Total of(String reason, Row row) {
            return new Total(
                    reason, row.currency(), 1, row.askedMinor(), row.refundedMinor() == null ? 0 : row.refundedMinor());
        }

        private Total plus(Total other) {
            return new Total(
                    reason,
                    currency,
                    cases + other.cases,
                    askedMinor + other.askedMinor,
                    refundedMinor + other.refundedMinor);
        }

        public BigDecimal asked() {
            return decimal(askedMinor, currency);
        }

        public BigDecimal refunded() {
            return decimal(refundedMinor, currency);
        }
    }

    /** The sheet of the {@code files}' cases the scope covers. */
    public static RefundSheet of(Scope scope, Collection<AfterSale> files) {
        return ofRows(
                scope,
                files.stream().flatMap(file -> scope.rowsOf(file).stream()).toList());
    }

    /** The sheet of rows the scope picked from files read one by one ({@link Scope#rowsOf}). */
    public static RefundSheet ofRows(Scope scope, List<Row> rows) {
        List<Row> opened = rows.stream().sorted(OPENED_FIRST).toList();
        return new RefundSheet(scope, opened, totals(opened, Row::reason), totals(opened, row -> null));
    }

    /**
     * The tables a file of the sheet shows, in order: the cases, then the totals, headed in Chinese
     * then English as the department's printed reports are. A workbook holds both, a sheet each; a
     * CSV the cases only ({@link io.storeops.platform.sheets.SheetFormat}).
     */
    public List<SheetTable> tables() {
        return List.of(casesTable(), totalsTable());
    }

    /** The cases as the files show them, a line per row. */
    public SheetTable casesTable() {
        return new SheetTable(
                "Cases", CASE_HEADINGS, rows.stream().map(RefundSheet::caseLine).toList());
    }

    /** The totals per reason, then the grand total, as the files show them. */
    public SheetTable totalsTable() {
        return new SheetTable(
                "Totals by reason",
                TOTAL_HEADINGS,
                Stream.concat(totalsByReason.stream(), grandTotals.stream())
                        .map(RefundSheet::totalLine)
                        .toList());
    }

    private static List<Object> caseLine(Row row) {
        return Arrays.asList(
                row.orderId(),
                row.caseId(),
                row.type().name(),
                row.state().name(),
                row.reason(),
                row.source(),
                row.openedAt(),
                row.openedBy(),
                row.decidedBy(),
                row.automatic() ? AUTOMATIC : null,
                row.decidedAt(),
                row.asked(),
                row.refunded(),
                row.payoutReference(),
                row.currency());
    }

    private static List<Object> totalLine(Total total) {
        return Arrays.asList(
                total.reason() == null ? GRAND_TOTAL : total.reason(),
                total.currency(),
                total.cases(),
                total.asked(),
                total.refunded());
    }

    /** What the rows add up to per group (a reason, or none) and currency, the most cases first. */
    private static List<Total> totals(List<Row> rows, Function<Row, String> group) {
        Map<Group, Total> totals = new LinkedHashMap<>();
        for (Row row : rows) {
            String reason = group.apply(row);
            totals.merge(new Group(reason, row.currency()), Total.of(reason, row), Total::plus);
        }
        return totals.values().stream().sorted(MOST_CASES_FIRST).toList();
    }

    private record Group(String reason, String currency) {}

    private static LocalDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    /** An amount at its currency's decimals (two for CNY and USD, none for JPY), as a spreadsheet counts it. */
    private static BigDecimal decimal(long minor, String currency) {
        return new BigDecimal(new Money(minor, currency).toDecimal());
    }
}
