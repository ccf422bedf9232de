package io.storeops.analytics.reports.document;

import java.util.List;
import java.util.Objects;

/**
 * A report as it is printed: a title and subtitle at the top of the first page, then its sections
 * in order (key figures, tables, charts). Plain data; {@link ReportPdf} lays it out on A4 pages and
 * {@link ReportCharts} draws its charts. Text may mix Chinese and Latin; a character the font lacks
 * (an emoji) prints as '?'.
 *
 * @param title    e.g. 周报 Weekly summary — 天猫旗舰店
 * @param subtitle e.g. the period and when it was made; null for none
 */
public record ReportDocument(String title, String subtitle, List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
    }
}
