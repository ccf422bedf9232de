package io.storeops.platform.sheets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/** Reads the text of table cells (reports, ledgers, catalogues) into typed values, or refuses it with the reason in English. */
public final class CellValues {

    /** A cell whose text cannot be read; cheap, for it may happen on many rows. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern ISO_DAY =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ENGLISH_DAY =
            Pattern.compile("(?:[A-Za-z]+,\\s*)?([A-Za-z]{3,})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");
    private static final Pattern HOUR =
            Pattern.compile("(\\d{1,2})\\s*(?:时|点|:\\d{2}(?::\\d{2})?)?\\s*(?:[-~～至到—–].*)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final String[] MONTHS = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
    };

    private CellValues() {}

    /** True for a cell that says nothing: empty, "-" or "--" (Google's and 直通车's empty values). */
    public static boolean blank(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("-") || t.equals("--");
    }

    /** Text trimmed, or null when blank; Excel's {@code ="123"} guard against number formatting is removed. */
    public static String text(String cell) {
        String t = unguarded(cell.strip());
        return blank(t) ? null : t;
    }

    /**
     * A day as 2026-11-01, 2026/11/1, 2026.11.01, 2026年11月1日, 20261101, with a time after it or
     * not (2026-11-01 00:00:00), or Google's Nov 1, 2026 / November 1, 2026; with {@code excelSerials}
     * also an Excel day number (46327) from a workbook cell without a date format.
     */
    public static LocalDate day(String cell, boolean excelSerials) throws Unreadable {
        String t = unguarded(cell.strip());
        if (blank(t)) {
            throw new Unreadable("the date is missing");
        }
        try {
            Matcher iso = ISO_DAY.matcher(t);
            if (iso.matches()) {
                return LocalDate.of(
                        Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            Matcher compact = COMPACT_DAY.matcher(t);
            if (compact.matches()) {
                return LocalDate.of(
                        Integer.parseInt(compact.group(1)),
                        Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)));
            }
            Matcher english = ENGLISH_DAY.matcher(t);
            if (english.matches()) {
                int month = month(english.group(1));
                if (month > 0) {
                    return LocalDate.of(Integer.parseInt(english.group(3)), month, Integer.parseInt(english.group(2)));
                }
            }
            if (excelSerials && EXCEL_SERIAL.matcher(t).matches()) {
                return DateUtil.getLocalDateTime(Double.parseDouble(t)).toLocalDate();
            }
        } catch (DateTimeException | NumberFormatException notADay) {
            // falls through to the refusal below
        }
        throw new Unreadable("\"" + t + "\" is not a date");
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(prefix)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** An hour as 0, 00, 8时, 8点, 08:00, 08:00-09:00 or 8-9; null when blank. Not checked against 0..23. */
    public static Integer hour(String cell) throws Unreadable {
        String t = unguarded(cell.strip());
        if (blank(t)) {
            return null;
        }
        Matcher hour = HOUR.matcher(t);
        if (!hour.matches()) {
            throw new Unreadable("\"" + t + "\" is not an hour of the day");
        }
        return Integer.parseInt(hour.group(1));
    }

    /**
     * A whole count, with or without thousands separators ("1,234"); 0 when blank. A fraction is
     * refused ("3.5"), a whole number written with decimals is not ("3.00"). A negative count is read
     * as such, for the caller to refuse where counts cannot be negative.
     */
    public static long count(String cell) throws Unreadable {
        BigDecimal value = decimal(cell, false);
        if (value.signum() == 0) {
            return 0;
        }
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException fraction) {
            throw new Unreadable("\"" + cell.strip() + "\" is not a whole number");
        }
    }

    /** Google Ads' Conversions, which may be fractional: rounded half up to a whole count. */
    public static long conversions(String cell) throws Unreadable {
        BigDecimal value = decimal(cell, false);
        try {
            return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Unreadable("\"" + cell.strip() + "\" is too large");
        }
    }

    /**
     * An amount ("12.34", "1,234.50", "¥12.3", "US$12", "12元") in minor units, exactly: at most
     * {@code fractionDigits} decimals (trailing zeros aside), else refused. With {@code minorUnits}
     * (a "(分)" header) the value is already in minor units and must be whole. 0 when blank.
     */
    public static long money(String cell, int fractionDigits, boolean minorUnits) throws Unreadable {
        BigDecimal value = decimal(cell, true).stripTrailingZeros();
        int digits = minorUnits ? 0 : fractionDigits;
        if (value.scale() > digits) {
            throw new Unreadable(
                    minorUnits
                            ? "\"" + cell.strip() + "\" is not a whole number of minor units (分)"
                            : "\"" + cell.strip() + "\" has more than " + digits + " decimals");
        }
        try {
            return value.movePointRight(digits).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Unreadable("\"" + cell.strip() + "\" is too large");
        }
    }

    private static BigDecimal decimal(String cell, boolean money) throws Unreadable {
        String t = unguarded(cell.strip());
        if (blank(t)) {
            return BigDecimal.ZERO;
        }
        String s = t;
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            s = s.substring(1).strip();
        }
        if (money) {
            s = stripCurrency(s);
            if (!negative && s.startsWith("-")) {
                negative = true;
                s = s.substring(1).strip();
            }
        }
        if (GROUPED_NUMBER.matcher(s).matches()) {
            s = s.replace(",", "");
        } else if (!NUMBER.matcher(s).matches()) {
            throw new Unreadable("\"" + t + "\" is not a number");
        }
        BigDecimal value = new BigDecimal(s);
        return negative ? value.negate() : value;
    }

    /** Currency signs and codes around an amount: ¥12.3, ￥12.3, US$ 12, 12元, 12 CNY. */
    private static String stripCurrency(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && currencyMark(s.charAt(start))) {
            start++;
        }
        while (end > start && currencyMark(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean currencyMark(char c) {
        return Character.getType(c) == Character.CURRENCY_SYMBOL
                || (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || c == '元'
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c);
    }

    /** Excel's {@code ="6501234567"} (text kept from number formatting in CSV exports) without its guard. */
    private static String unguarded(String t) {
        if (t.length() >= 3 && t.startsWith("=\"") && t.endsWith("\"")) {
            return t.substring(2, t.length() - 1).strip();
        }
        return t;
    }
}
