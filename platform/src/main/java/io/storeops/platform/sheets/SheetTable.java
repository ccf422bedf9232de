package io.storeops.platform.sheets;

import java.util.List;
import java.util.Objects;

/**
 * A table of a spreadsheet file: its name (the sheet's, in a workbook), its headings, and its
 * lines, each a list of cells in the headings' order. A cell is
 *
 * <ul>
 *   <li>a {@link java.math.BigDecimal}: a decimal (an amount at its currency's decimals, a rate
 *       such as 0.0549, an ROI such as 3.70), shown with as many decimals as its scale;
 *   <li>another {@link Number} ({@code Integer}, {@code Long}): a count;
 *   <li>a {@link java.time.LocalDateTime}: a local time, already in the zone the readers expect;
 *   <li>null: empty;
 *   <li>anything else: text, as its {@code toString()}.
 * </ul>
 *
 * <p>A line may be shorter than the headings (its last cells empty).
 *
 * @param name     the sheet's name in a workbook: a name Excel accepts (at most 31 characters, none
 *                 of {@code : \ / ? * [ ]}) and unique among the file's tables
 * @param headings the first line, shown bold and kept in view in a workbook
 */
public record SheetTable(String name, List<String> headings, List<List<Object>> lines) {

    public SheetTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(headings, "headings");
        Objects.requireNonNull(lines, "lines");
    }
}
