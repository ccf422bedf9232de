package io.storeops.analytics.targets;

import io.storeops.analytics.rates.Rates;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A quarter's target as a manager asks for it, checked: a positive amount, a known breakdown,
 * months written only when set by hand, and an owner that is a username.
 *
 * @param owner  the person responsible for the store's target; null for the store as a whole
 * @param byHand the months as written, for {@link Breakdown#BY_HAND}; empty otherwise
 */
public record TargetAsked(String owner, long amountMinor, Breakdown breakdown, Map<YearMonth, Long> byHand) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public TargetAsked {
        byHand = byHand == null ? Map.of() : Map.copyOf(byHand);
    }

    /**
     * Reads the request's fields for {@code quarter}; a message for people when one is wrong (BY_HAND
     * months are checked against the quarter here, so that setting the target cannot fail later).
     */
    public static TargetAsked read(
            Quarter quarter, String owner, Long amountMinor, String breakdown, Map<String, Long> months) {
        if (amountMinor == null || amountMinor <= 0 || Rates.outOfRange(amountMinor) != null) {
            throw new IllegalArgumentException("amountMinor must be a positive amount in minor units (fen, cents), "
                    + "at most " + Rates.LARGEST + ", not " + amountMinor + ".");
        }
        if (breakdown == null) {
            throw new IllegalArgumentException("breakdown is required: EVEN, LAST_YEAR or BY_HAND.");
        }
        Breakdown how = Breakdown.named(breakdown);
        boolean monthsWritten = months != null && !months.isEmpty();
        if (how == Breakdown.BY_HAND && !monthsWritten) {
            throw new IllegalArgumentException("BY_HAND needs months: the quarter's three months to amounts.");
        }
        if (how != Breakdown.BY_HAND && monthsWritten) {
            throw new IllegalArgumentException("months are written only with BY_HAND; " + how + " computes them.");
        }
        String who = owner == null || owner.isBlank() ? null : owner.trim();
        if (who != null && (!USERNAME.matcher(who).matches() || who.equals(SalesTarget.STORE_AS_A_WHOLE))) {
            throw new IllegalArgumentException("owner must be a username (letters, digits, . _ @ -, at most 64), "
                    + "not '" + owner + "'; leave it out for the store as a whole.");
        }
        Map<YearMonth, Long> byHand = monthsWritten ? monthsOf(months) : Map.of();
        if (how == Breakdown.BY_HAND) {
            MonthlySplit.byHand(amountMinor, quarter.months(), byHand);
        }
        return new TargetAsked(who, amountMinor, how, byHand);
    }

    private static Map<YearMonth, Long> monthsOf(Map<String, Long> written) {
        Map<YearMonth, Long> months = new LinkedHashMap<>();
        written.forEach((month, amount) -> {
            if (amount == null || Rates.outOfRange(amount) != null) {
                throw new IllegalArgumentException(
                        "the amount of " + month + " must be 0 to " + Rates.LARGEST + ", not " + amount + ".");
            }
            try {
                months.put(YearMonth.parse(month), amount);
            } catch (DateTimeParseException | NullPointerException notAMonth) {
                throw new IllegalArgumentException(
                        "'" + month + "' is not a month: expected yyyy-MM, such as 2026-10.");
            }
        });
        return months;
    }
}
