package io.storeops.console.aftersale;

import io.storeops.console.aftersale.AfterSaleModel.CaseLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * What the after-sale forms send, read as the service takes it: money typed as the buyer sees it
 * ({@code 39.00}) in minor units of the store's currency, the lines a case gives back, and the
 * key that makes a second submit of the same form open no second case. A form that cannot be read
 * is refused here, with what was typed kept.
 */
final class CaseForms {

    /** The key refund-service takes (8 to 64 letters, digits, '.', '_' or '-'). */
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");

    private CaseForms() {}

    /** A new key for each rendering of the new-case form: its submits (a double click, a retry) are one case. */
    static String newIdempotencyKey() {
        return "cs-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A form that cannot be sent as it is: {@code key} names why (a message), with what was typed kept. */
    static final class Unreadable extends RuntimeException {

        private final String key;

        Unreadable(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /** {@code typed} money of {@code currency} in minor units; blank is zero; refused when not an amount of it. */
    static long minor(String typed, String currency) {
        String clean = typed == null ? "" : typed.strip().replace(",", "");
        if (clean.isEmpty()) {
            return 0;
        }
        if (!AMOUNT.matcher(clean).matches()) {
            throw new Unreadable("afterSale.form.amountInvalid");
        }
        int digits = digits(currency);
        BigDecimal amount = new BigDecimal(clean);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new Unreadable("afterSale.form.amountInvalid");
        }
        try {
            return amount.movePointRight(digits).setScale(0).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new Unreadable("afterSale.form.amountInvalid");
        }
    }

    /** Minor units as a form shows them to be typed again ({@code 3900} CNY → {@code 39.00}). */
    static String typed(long amountMinor, String currency) {
        return BigDecimal.valueOf(amountMinor, digits(currency)).toPlainString();
    }

    /** The currency's minor digits (2 when it is not known: the service checks the amounts anyway). */
    private static int digits(String currency) {
        return currency == null ? 2 : Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }

    /** Units typed; blank is none. */
    static int units(String typed) {
        String clean = typed == null ? "" : typed.strip();
        if (clean.isEmpty()) {
            return 0;
        }
        try {
            int units = Integer.parseInt(clean);
            if (units < 0) {
                throw new Unreadable("afterSale.form.quantityInvalid");
            }
            return units;
        } catch (NumberFormatException notUnits) {
            throw new Unreadable("afterSale.form.quantityInvalid");
        }
    }

    /** What was typed on one line of the form, to show it again. */
    record TypedLine(String quantity, String amount) {}

    /**
     * What was typed per order line: the form sends, for each line it shows, {@code line} (its
     * index), {@code quantity} and {@code amount}, in the same order.
     */
    static Map<Integer, TypedLine> typedLines(MultiValueMap<String, String> form) {
        Map<Integer, TypedLine> typed = new LinkedHashMap<>();
        List<String> indexes = form.getOrDefault("line", List.of());
        for (int row = 0; row < indexes.size(); row++) {
            try {
                typed.put(
                        Integer.parseInt(indexes.get(row).strip()),
                        new TypedLine(value(form, "quantity", row), value(form, "amount", row)));
            } catch (NumberFormatException notALine) {
                // not one of the form's own lines: ignored
            }
        }
        return typed;
    }

    /** The lines the form gives back: those with units or money typed, in minor units of {@code currency}. */
    static List<CaseLine> lines(MultiValueMap<String, String> form, String currency) {
        List<CaseLine> lines = new ArrayList<>();
        for (Map.Entry<Integer, TypedLine> line : typedLines(form).entrySet()) {
            int quantity = units(line.getValue().quantity());
            long amount = minor(line.getValue().amount(), currency);
            if (quantity > 0 || amount > 0) {
                lines.add(new CaseLine(line.getKey(), quantity, amount));
            }
        }
        return lines;
    }

    /** The buyer's evidence: one note or link per line of the text, blank lines left out. */
    static List<String> evidence(String typed) {
        if (typed == null) {
            return List.of();
        }
        return typed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String value(MultiValueMap<String, String> form, String field, int row) {
        List<String> values = form.getOrDefault(field, List.of());
        return row < values.size() ? values.get(row) : "";
    }
}
