package io.storeops.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Money and times as the reader expects them: amounts in the store's currency formatted for the
 * page's language (¥1,280.00 in Chinese, $44.48 in English, CN¥ where the symbol alone would be
 * ambiguous), times in the store's zone. Templates reach it as {@code @formats}.
 */
@Component("formats")
public class Formats {

    /** What a figure that cannot be computed (a rate of nothing) shows. */
    public static final String NONE = "—";

    /** What a typed amount may carry besides its digits: grouping, spaces, a currency sign or code. */
    private static final Pattern AMOUNT_DECORATION = Pattern.compile("[\\s,，'\u00a0¥￥$€£]|[A-Z]{2,3}|元");

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private static final DateTimeFormatter CHINESE_BACK_OFFICE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** {@code amountMinor} minor units of {@code currency} (ISO 4217), e.g. 128000 CNY → ¥1,280.00. */
    public String money(long amountMinor, String currency, Locale locale) {
        Currency unit = Currency.getInstance(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(amountMinor, digits));
    }

    /** The same for an amount that may be missing (a rate's numerator with nothing to divide): "—". */
    public String money(Long amountMinor, String currency, Locale locale) {
        return amountMinor == null ? NONE : money(amountMinor.longValue(), currency, locale);
    }

    /**
     * An amount as a person types it in {@code currency}'s major unit (yuan, dollars: {@code 900,000.00},
     * {@code 1280.5}, {@code ¥1,280}) in minor units, exactly; empty for a blank text.
     *
     * @throws IllegalArgumentException for text that is not an amount, a negative one, or one with
     *     more decimals than the currency has (no rounding: what was typed is what is sent)
     */
    public static Optional<Long> minorUnits(String text, String currency) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String digits = AMOUNT_DECORATION.matcher(text).replaceAll("");
        if (!AMOUNT.matcher(digits).matches()) {
            throw new IllegalArgumentException("not an amount: " + text);
        }
        BigDecimal amount = new BigDecimal(digits);
        int places = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > places) {
            throw new IllegalArgumentException("more than " + places + " decimals: " + text);
        }
        return Optional.of(amount.movePointRight(places).longValueExact());
    }

    /** A share given as a decimal (0.0549) as a percentage for the language (5.49%); "—" when there is none. */
    public String percent(BigDecimal share, Locale locale) {
        return twoPlaces(NumberFormat.getPercentInstance(locale), share);
    }

    /** A change against a period before (0.1250: 12.5 % more) with its sign: +12.50%, −3.00%; "—" from nothing. */
    public String change(BigDecimal share, Locale locale) {
        if (share == null) {
            return NONE;
        }
        return (share.signum() > 0 ? "+" : "") + percent(share, locale);
    }

    /** A ratio such as ROI (3.7 → 3.70); "—" without anything to divide by. */
    public String ratio(BigDecimal ratio, Locale locale) {
        return twoPlaces(NumberFormat.getNumberInstance(locale), ratio);
    }

    private static String twoPlaces(NumberFormat format, BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /** A count with the language's grouping (16,075). */
    public String count(long count, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /**
     * A moment as date and time of day in {@code zone} (the store's): in Chinese on a 24-hour clock as
     * Taobao's and JD's back offices show it (2026-11-28 10:11:30), otherwise in the language's own
     * style (Nov 28, 2026, 10:11:30 AM).
     */
    public String time(Instant at, String zone, Locale locale) {
        if (at == null) {
            return "";
        }
        DateTimeFormatter style = locale.getLanguage().equals(Locale.CHINESE.getLanguage())
                ? CHINESE_BACK_OFFICE
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale);
        return style.withZone(ZoneId.of(zone)).format(at);
    }

    /** {@code datetime} attribute of an HTML {@code <time>}: the moment itself, unambiguous for machines. */
    public String machineTime(Instant at) {
        return at == null ? "" : at.toString();
    }
}
