package io.storeops.fulfillment.shipping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The carriers whose waybill numbers the warehouse's scanner is checked against, with the formats
 * they print. A carrier not listed here is accepted with any plausible number (4 to 40 letters,
 * digits or '-'), since shops add local couriers faster than a list can follow.
 */
public enum Carrier {
    /** 顺丰速运: "SF" and 13 digits, or the older 12 digits. */
    SF("SF Express", "顺丰速运", "sf-express", "shunfeng", "SF\\d{13}|\\d{12}"),
    /** 圆通速递: "YT" and 13 digits, or the older 10 digits with a leading letter or digit. */
    YTO("YTO Express", "圆通速递", "yto", "yuantong", "YT\\d{13}|[0-9A-Z]\\d{9}"),
    /** 中通快递: 12 to 15 digits. */
    ZTO("ZTO Express", "中通快递", "zto-express", "zhongtong", "\\d{12,15}"),
    /** 申通快递: 12 to 15 digits. */
    STO("STO Express", "申通快递", "sto", "shentong", "\\d{12,15}"),
    /** 韵达快递: 13 or 15 digits. */
    YUNDA("Yunda Express", "韵达快递", "yunda", "yunda", "\\d{13}|\\d{15}"),
    /** 京东物流: "JD", up to two letters, 10 to 13 digits (JDVA…, JD00…). */
    JD("JD Logistics", "京东物流", "jd", "jd", "JD[A-Z]{0,2}\\d{10,13}"),
    /** 中国邮政 EMS: the UPU S10 form (EA123456785CN, check digit verified) or 13 domestic digits. */
    EMS("China Post EMS", "中国邮政EMS", "china-ems", "ems", "[A-Z]{2}\\d{9}[A-Z]{2}|\\d{13}", Carrier::s10CheckDigitHolds),
    /** UPS: "1Z", 16 letters or digits, the last a check digit (verified). */
    UPS("UPS", "UPS", "ups", "ups", "1Z[0-9A-Z]{16}", Carrier::upsCheckDigitHolds),
    /** FedEx: 12, 15, 20 or 22 digits. */
    FEDEX("FedEx", "联邦快递", "fedex", "fedex", "\\d{12}|\\d{15}|\\d{20}|\\d{22}"),
    /** DHL Express: 10 or 11 digits, or a JJD parcel number. */
    DHL("DHL Express", "DHL", "dhl", "dhl", "\\d{10,11}|JJD\\d{16,20}");

    private static final Pattern ANY_CARRIERS_NUMBER = Pattern.compile("[A-Z0-9-]{4,40}");
    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private final String displayName;
    private final String chineseName;
    private final String afterShipSlug;
    private final String kuaidi100Code;
    private final Pattern format;
    private final Predicate<String> checkDigit;

    Carrier(String displayName, String chineseName, String afterShipSlug, String kuaidi100Code, String format) {
        this(displayName, chineseName, afterShipSlug, kuaidi100Code, format, number -> true);
    }

    Carrier(
            String displayName,
            String chineseName,
            String afterShipSlug,
            String kuaidi100Code,
            String format,
            Predicate<String> checkDigit) {
        this.displayName = displayName;
        this.chineseName = chineseName;
        this.afterShipSlug = afterShipSlug;
        this.kuaidi100Code = kuaidi100Code;
        this.format = Pattern.compile(format);
        this.checkDigit = checkDigit;
    }

    public String displayName() {
        return displayName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The listed carrier of a code as staff type it ("sf", "FedEx", "  yto "). */
    public static Optional<Carrier> of(String code) {
        String normalised = normalise(code);
        return Arrays.stream(values())
                .filter(carrier -> carrier.name().equals(normalised))
                .findFirst();
    }

    /**
     * The listed carrier a tracking feed names: by our code (a carrier pushing for itself, {@code sf}),
     * AfterShip's slug ({@code sf-express}) or Kuaidi100's company code ({@code shunfeng}).
     */
    public static Optional<Carrier> ofFeedCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return of(code).or(() -> Arrays.stream(values())
                .filter(carrier -> carrier.afterShipSlug.equals(lower) || carrier.kuaidi100Code.equals(lower))
                .findFirst());
    }

    /** A carrier code as stored: upper case, without spaces. */
    public static String normalise(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** A scanned or typed number as stored: upper case, without the spaces printed between its groups. */
    public static String normaliseNumber(String number) {
        return number == null ? null : number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Why a number cannot be a carrier's waybill, for people and (as {@code reason}) for a console's words. */
    public record NumberProblem(Reason reason, String detail) {

        public enum Reason {
            MISSING,
            FORMAT,
            CHECK_DIGIT
        }
    }

    /**
     * Why {@code number} cannot be a waybill of carrier {@code code}, if it cannot: the wrong
     * format for a listed carrier (with its check digit), or an implausible one for any other.
     */
    public static Optional<NumberProblem> problemWith(String code, String number) {
        String normalised = normaliseNumber(number);
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of(new NumberProblem(NumberProblem.Reason.MISSING, "trackingNumber is required"));
        }
        Optional<Carrier> listed = of(code);
        if (listed.isEmpty()) {
            return ANY_CARRIERS_NUMBER.matcher(normalised).matches()
                    ? Optional.empty()
                    : Optional.of(new NumberProblem(
                            NumberProblem.Reason.FORMAT, "trackingNumber must be 4 to 40 letters, digits or '-'"));
        }
        Carrier carrier = listed.get();
        if (!carrier.format.matcher(normalised).matches()) {
            return Optional.of(new NumberProblem(
                    NumberProblem.Reason.FORMAT,
                    "'" + shown(normalised) + "' is not a " + carrier.displayName + " tracking number ("
                            + carrier.format.pattern().replace("\\d", "digit") + ")"));
        }
        if (!carrier.checkDigit.test(normalised)) {
            return Optional.of(new NumberProblem(
                    NumberProblem.Reason.CHECK_DIGIT,
                    "'" + shown(normalised) + "' fails the " + carrier.displayName
                            + " check digit: a digit was mistyped or misread"));
        }
        return Optional.empty();
    }

    /** A refused number as an answer repeats it: at most 40 characters of it, so that garbage is not echoed whole. */
    static String shown(String number) {
        return number == null || number.length() <= 40 ? number : number.substring(0, 40) + "…";
    }

    /** UPU S10: weights 8 6 4 2 3 5 9 7 over the serial, 11 minus the sum mod 11, 10 → 0, 11 → 5. */
    private static boolean s10CheckDigitHolds(String number) {
        if (!Character.isLetter(number.charAt(0))) {
            return true; // the domestic 13-digit form has no published check digit
        }
        int sum = 0;
        for (int position = 0; position < S10_WEIGHTS.length; position++) {
            sum += (number.charAt(2 + position) - '0') * S10_WEIGHTS[position];
        }
        int check = 11 - sum % 11;
        int expected = check == 10 ? 0 : check == 11 ? 5 : check;
        return number.charAt(10) - '0' == expected;
    }

    /**
     * UPS: over the 15 characters after "1Z", letters as digits ((letter - 'A' + 2) mod 10), odd
     * places once and even places twice; the check digit brings the sum to a multiple of ten.
     */
    private static boolean upsCheckDigitHolds(String number) {
        int sum = 0;
        for (int position = 2; position < 17; position++) {
            char character = number.charAt(position);
            int value = Character.isDigit(character) ? character - '0' : (character - 'A' + 2) % 10;
            sum += (position - 2) % 2 == 1 ? value * 2 : value;
        }
        return number.charAt(17) - '0' == (10 - sum % 10) % 10;
    }
}
