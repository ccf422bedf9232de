package io.storeops.analytics.reports.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table of formatted cells under column headings. Printed over as many pages as it needs, the
 * headings repeated on each; a long cell wraps onto up to three lines and is cut with an ellipsis
 * after that; columns whose cells are all numbers (amounts, percentages) are right-aligned.
 *
 * @param rows each a list of cells in the headings' order; a row may be shorter than the headings
 *             (its last cells empty), not longer; a null cell is empty
 */
public record Table(String heading, List<String> headings, List<List<String>> rows) implements Section {

    public Table {
        headings = List.copyOf(headings);
        List<List<String>> copied = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() > headings.size()) {
                throw new IllegalArgumentException(
                        "a row has " + row.size() + " cells for " + headings.size() + " headings: " + row);
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}
