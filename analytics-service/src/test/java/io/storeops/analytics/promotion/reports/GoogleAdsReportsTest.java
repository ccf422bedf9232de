package io.storeops.analytics.promotion.reports;

import static io.storeops.analytics.promotion.reports.Collected.read;
import static io.storeops.analytics.promotion.reports.Collected.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.storeops.platform.sheets.RefusedRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Google Ads reports as a Shopify seller downloads them: CSV (UTF-8) or "Excel CSV" (UTF-16LE, tabs). */
class GoogleAdsReportsTest {

    @TempDir
    Path dir;

    @Test
    void aKeywordReportWithItsTitleDateRangeAndTotalsLines() throws Exception {
        Path file = resource("google-keywords.csv");

        Collected report = read(file);

        assertThat(report.source).isEqualTo(ReportSource.GOOGLE_ADS);
        assertThat(report.grain).isEqualTo(ReportGrain.KEYWORD);
        assertThat(report.rows)
                .containsExactly(
                        row("2026-11-01", "longjing tea", 1204, 37, 3108, 2, 9600),
                        row("2026-11-01", "[dragon well tea]", 455, 21, 2142, 2, 4875),
                        row("2026-11-02", "\"west lake tea\"", 310, 9, 855, 0, 0),
                        row("2026-11-02", "white tea gift", 88, 3, 330, 0, 0));
        assertThat(report.refused)
                .containsExactly(
                        new RefusedRow(
                                8,
                                "Cost",
                                "must not be negative",
                                "Enabled,jasmine tea,Broad match,Tea - Search,Jasmine,2026-11-03,USD,50,2,4.00%,0.50,-1.00,0.00,0.00,0.00%,--"));
        assertThat(report.summary)
                .isEqualTo(new ReportSummary(
                        ReportSource.GOOGLE_ADS,
                        ReportGrain.KEYWORD,
                        3,
                        4,
                        1,
                        3,
                        LocalDate.parse("2026-11-01"),
                        LocalDate.parse("2026-11-02")));
        assertThat(report.progress).last().isEqualTo(Files.size(file));
    }

    private static PpcRow row(
            String day, String keyword, long impressions, long clicks, long spend, long orders, long gmv) {
        return new PpcRow(
                LocalDate.parse(day),
                null,
                "Tea - Search",
                null,
                null,
                keyword,
                null,
                null,
                null,
                impressions,
                clicks,
                spend,
                0,
                0,
                orders,
                gmv,
                "USD");
    }

    @Test
    void aGeographicReportAsExcelCsvInUtf16WithTabs() throws Exception {
        Path file = resource("google-geo-utf16le.csv");

        Collected report = read(file);

        assertThat(report.source).isEqualTo(ReportSource.GOOGLE_ADS);
        assertThat(report.grain).isEqualTo(ReportGrain.REGION);
        assertThat(report.rows.get(0))
                .isEqualTo(new PpcRow(
                        LocalDate.parse("2026-11-01"),
                        null,
                        "Tea - Search",
                        null,
                        null,
                        null,
                        "California",
                        "Los Angeles",
                        null,
                        1024,
                        30,
                        2550,
                        0,
                        0,
                        1,
                        3990,
                        "USD"));
        assertThat(report.rows)
                .extracting(PpcRow::day, PpcRow::region, PpcRow::city, PpcRow::spendMinor)
                .containsExactly(
                        tuple(LocalDate.parse("2026-11-01"), "California", "Los Angeles", 2550L),
                        tuple(LocalDate.parse("2026-11-01"), "California", "San Francisco", 1225L),
                        tuple(LocalDate.parse("2026-11-02"), "New York", "New York", 123456L));
        // "All conv. value" gives the sales when there is no "Conv. value".
        assertThat(report.sum(PpcRow::gmvMinor)).isEqualTo(15960);
        assertThat(report.sum(PpcRow::orders)).isEqualTo(4);
        assertThat(report.sum(PpcRow::impressions)).isEqualTo(3584);
        assertThat(report.refused)
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(tuple(7L, "Cost", "\"4.125\" has more than 2 decimals"));
        assertThat(report.summary.totalsSkipped()).isEqualTo(1);
        assertThat(report.progress).last().isEqualTo(Files.size(file));
    }

    @Test
    void anHourOfDayReportInAZeroDecimalCurrencyWithAByteOrderMark() throws Exception {
        String csv = """
                \uFEFFHour of day report
                "November 1, 2026 - November 1, 2026"
                Day,Hour of day,Campaign,Currency code,Impr.,Clicks,Cost,Conversions,Conv. value,All conv. value
                2026-11-01,0,Tea - Search,JPY,"1,000",12,"1,500",0.4,0,0
                2026-11-01,13,Tea - Search,jpy,800,20,2300,2.5,"5,980",6000
                2026-11-01,24,Tea - Search,JPY,10,1,100,0,0,0
                2026-11-01,14,Tea - Search,JPY,10,1,12.5,0,0,0
                2026-11-01,15,Tea - Search,XYZ,10,1,12,0,0,0
                Total: Account,,,JPY,"1,830",34,"3,924",2.9,"5,980","6,000"
                """;
        Collected report = read(Collected.write(dir, "hours.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.grain).isEqualTo(ReportGrain.HOUR);
        assertThat(report.rows)
                .extracting(PpcRow::hour, PpcRow::spendMinor, PpcRow::orders, PpcRow::gmvMinor, PpcRow::currency)
                .containsExactly(tuple(0, 1500L, 0L, 0L, "JPY"), tuple(13, 2300L, 3L, 5980L, "JPY"));
        assertThat(report.refused)
                .extracting(RefusedRow::line, RefusedRow::column, RefusedRow::reason)
                .containsExactly(
                        tuple(6L, "Hour of day", "the hour 24 is not within 0..23"),
                        tuple(7L, "Cost", "\"12.5\" has more than 0 decimals"),
                        tuple(8L, "Currency code", "\"XYZ\" is not an ISO 4217 currency code"));
        assertThat(report.summary.totalsSkipped()).isEqualTo(1);
    }

    @Test
    void withoutACurrencyColumnTheStoresCurrencySaysHowToReadAmounts() throws Exception {
        String csv = """
                Campaign report
                November 1, 2026 - November 1, 2026
                Date,Account name,Campaign,Impressions,Clicks,Cost,Conversions,Conversion value
                "Nov 1, 2026",Tea House,Tea - Search,100,10,"1,500",1.00,"3,000"
                """;
        Path file = Collected.write(dir, "campaigns.csv", csv.getBytes(StandardCharsets.UTF_8));

        Collected inCents = read(file);
        Collected inYen = new Collected();
        PpcReports.read(file, Collected.TODAY, Currency.getInstance("JPY"), inYen, n -> {});

        assertThat(inCents.grain).isEqualTo(ReportGrain.CAMPAIGN);
        assertThat(inCents.rows)
                .singleElement()
                .isEqualTo(new PpcRow(
                        LocalDate.parse("2026-11-01"),
                        "Tea House",
                        "Tea - Search",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        100,
                        10,
                        150000,
                        0,
                        0,
                        1,
                        300000,
                        null));
        assertThat(inYen.rows)
                .singleElement()
                .extracting(PpcRow::spendMinor, PpcRow::gmvMinor, PpcRow::currency)
                .containsExactly(1500L, 3000L, null);
    }

    @Test
    void theSearchKeywordAndMostSpecificLocationNamesOfTheNewerInterface() throws Exception {
        String csv = """
                Search keyword report
                November 1, 2026 - November 1, 2026
                Search keyword,Search keyword status,Search keyword match type,Most specific location,Day,Currency,Impr.,Clicks,Cost,Conversions,All conv.,Conv. value,All conv. value,Avg. CPC,Cost / conv.,Conv. rate,CTR,Campaign type
                longjing tea,Enabled,Phrase match,"Hangzhou, Zhejiang, China",2026-11-01,CNY,100,5,12.34,1.00,2.00,298.00,596.00,2.47,12.34,20.00%,5.00%,Search
                """;
        Collected report = read(Collected.write(dir, "search.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.grain).isEqualTo(ReportGrain.REGION);
        assertThat(report.rows)
                .singleElement()
                .extracting(PpcRow::keyword, PpcRow::region, PpcRow::spendMinor, PpcRow::gmvMinor, PpcRow::currency)
                .containsExactly("longjing tea", "Hangzhou, Zhejiang, China", 1234L, 29800L, "CNY");
    }
}
