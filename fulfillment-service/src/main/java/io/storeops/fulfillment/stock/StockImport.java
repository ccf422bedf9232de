package io.storeops.fulfillment.stock;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A stock file as a warehouse keeps it: a header row, then one SKU per row — either a stock count
 * (a quantity on hand per SKU) or adjustments (units in or out per SKU), with an optional reason.
 * Headers are recognised in English and Chinese as spreadsheets from Taobao's seller centre and
 * warehouse systems name them. Each row is checked on its own; a row is applied whole or refused
 * with why, never half.
 */
public final class StockImport {

    /** What a file holds: counts (its rows replace what is on hand) or adjustments (they add to it). */
    public enum Kind {
        COUNT,
        ADJUST
    }

    private static final List<String> SKU_HEADERS = List.of("sku", "商家编码", "货号", "sku编码");
    private static final List<String> COUNT_HEADERS =
            List.of("onhand", "on_hand", "on hand", "quantity", "库存", "库存数量", "数量");
    private static final List<String> ADJUST_HEADERS = List.of("delta", "adjustment", "变动", "调整数量");
    private static final List<String> REASON_HEADERS = List.of("reason", "note", "备注", "原因");

    private final Kind kind;
    private final int skuColumn;
    private final int quantityColumn;
    private final int reasonColumn;

    private StockImport(Kind kind, int skuColumn, int quantityColumn, int reasonColumn) {
        this.kind = kind;
        this.skuColumn = skuColumn;
        this.quantityColumn = quantityColumn;
        this.reasonColumn = reasonColumn;
    }

    /**
     * The columns of a file from its header row.
     *
     * @throws IllegalArgumentException when there is no SKU column, or not exactly one of a
     *     quantity-on-hand and an adjustment column
     */
    public static StockImport fromHeader(List<String> header) {
        int sku = column(header, SKU_HEADERS::contains);
        int count = column(header, COUNT_HEADERS::contains);
        int adjust = column(header, ADJUST_HEADERS::contains);
        if (sku < 0 || (count < 0) == (adjust < 0)) {
            throw new IllegalArgumentException(
                    "the first row must name the columns: sku, and either onHand (a stock count) or delta "
                            + "(adjustments), optionally reason; it has " + header + ".");
        }
        return new StockImport(
                count >= 0 ? Kind.COUNT : Kind.ADJUST,
                sku,
                count >= 0 ? count : adjust,
                column(header, REASON_HEADERS::contains));
    }

    public Kind kind() {
        return kind;
    }

    /**
     * One data row as the change it asks for, in the name of {@code by} from {@code file}.
     *
     * @throws IllegalArgumentException when the row has no SKU or no whole-number quantity
     */
    public StockMovement.Request request(List<String> row, String storeId, String by, String file, Instant at) {
        String sku = cell(row, skuColumn).orElseThrow(() -> new IllegalArgumentException("the SKU is missing."));
        StockItem.requireSku(sku);
        String quantity =
                cell(row, quantityColumn).orElseThrow(() -> new IllegalArgumentException("the quantity is missing."));
        int units;
        try {
            units = Integer.parseInt(quantity.endsWith(".0") ? quantity.substring(0, quantity.length() - 2) : quantity);
        } catch (NumberFormatException notWhole) {
            throw new IllegalArgumentException("the quantity '" + quantity + "' is not a whole number.");
        }
        String reason = cell(row, reasonColumn).orElse(kind == Kind.COUNT ? "stock count" : null);
        return new StockMovement.Request(storeId, sku, units, reason, by, "import:" + file, at, null);
    }

    /** The SKU a row names, for a report about it; null if it names none. */
    public String skuOf(List<String> row) {
        return cell(row, skuColumn).orElse(null);
    }

    private static int column(List<String> header, Predicate<String> named) {
        return IntStream.range(0, header.size())
                .filter(index -> named.test(normalised(header.get(index))))
                .findFirst()
                .orElse(-1);
    }

    private static String normalised(String heading) {
        String plain = heading == null ? "" : heading.strip().toLowerCase(Locale.ROOT);
        return plain.startsWith("\uFEFF") ? plain.substring(1) : plain; // a spreadsheet's byte order mark
    }

    private static Optional<String> cell(List<String> row, int column) {
        return column < 0
                        || column >= row.size()
                        || row.get(column) == null
                        || row.get(column).isBlank()
                ? Optional.empty()
                : Optional.of(row.get(column).strip());
    }

    /** A refused data row (numbered as the spreadsheet shows it, the header being row 1): its SKU and why. */
    public record RowOutcome(long row, String sku, String problem) {}

    /** The whole file's outcome: how many rows were applied, and each refused row with why. */
    public record Report(String file, Kind kind, long rows, long applied, List<RowOutcome> refused) {}
}
