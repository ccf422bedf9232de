package io.storeops.analytics.promotion.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a pay-per-click report: what one day (and hour, region, keyword... as far as the report
 * is broken down) of advertising cost and brought, as the ad platform attributes it.
 *
 * @param day the report's day (the ad account's time zone, as the platform reports it)
 * @param account the ad account (账户, Account), null when the report has no such column; so are
 *     the other text dimensions, all trimmed and never blank
 * @param itemId the promoted item's id (宝贝ID), as text
 * @param hour the hour of the day 0..23, or null when the report is not by hour
 * @param spendMinor the cost in minor units of {@code currency}
 * @param orders the report's own attributed orders: 直通车's 总成交笔数 (or 直接 + 间接成交笔数);
 *     Google Ads' Conversions, which may be fractional (data-driven attribution) and are rounded half up
 *     to a whole count
 * @param gmvMinor the report's attributed sales in minor units: 直通车's 总成交金额 (or 直接 +
 *     间接成交金额); Google Ads' Conv. value (or All conv. value when the report has no Conv. value)
 * @param currency the ISO 4217 code when the report has a currency column, else null (the store's
 *     currency applies)
 */
public record PpcRow(
        LocalDate day,
        String account,
        String campaign,
        String itemId,
        String itemTitle,
        String keyword,
        String region,
        String city,
        Integer hour,
        long impressions,
        long clicks,
        long spendMinor,
        long favourites,
        long carts,
        long orders,
        long gmvMinor,
        String currency) {

    /**
     * The problems of a typed row, each with the component at fault ({@code day}, {@code hour},
     * {@code clicks}...): a missing or future day, an hour outside 0..23, a negative count or amount,
     * more clicks than impressions, an unknown currency code. Empty when the row can be kept. The
     * same checks apply to every row read from a report file.
     *
     * @param today the store's local date
     */
    public static List<RowProblem> validate(PpcRow row, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        add(problems, "day", PpcChecks.day(row.day(), today));
        add(problems, "hour", PpcChecks.hour(row.hour()));
        add(problems, "impressions", PpcChecks.notNegative(row.impressions()));
        add(problems, "clicks", PpcChecks.notNegative(row.clicks()));
        add(problems, "spendMinor", PpcChecks.notNegative(row.spendMinor()));
        add(problems, "favourites", PpcChecks.notNegative(row.favourites()));
        add(problems, "carts", PpcChecks.notNegative(row.carts()));
        add(problems, "orders", PpcChecks.notNegative(row.orders()));
        add(problems, "gmvMinor", PpcChecks.notNegative(row.gmvMinor()));
        add(problems, "clicks", PpcChecks.clicksWithinImpressions(row.clicks(), row.impressions()));
        add(problems, "currency", PpcChecks.currency(row.currency()));
        return List.copyOf(problems);
    }

    private static void add(List<RowProblem> problems, String column, String reason) {
        if (reason != null) {
            problems.add(new RowProblem(column, reason));
        }
    }
}
