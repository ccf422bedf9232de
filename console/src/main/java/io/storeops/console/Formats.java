package io.storeops.console;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Money and times as the reader expects them: amounts in the store's currency formatted for the
 * page's language (¥1,280.00 in Chinese, $44.48 in English, CN¥ where the symbol alone would be
 * ambiguous), times in the store's zone. Templates reach it as {@code @formats}.
 */
@Component("formats")
public class Formats {

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
