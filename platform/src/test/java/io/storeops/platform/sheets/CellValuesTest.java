package io.storeops.platform.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void moneyIsReadExactlyIntoMinorUnits() throws Exception {
        assertThat(CellValues.money("12.34", 2, false)).isEqualTo(1234);
        assertThat(CellValues.money("1,234.50", 2, false)).isEqualTo(123450);
        assertThat(CellValues.money("¥12.3", 2, false)).isEqualTo(1230);
        assertThat(CellValues.money("￥ 1,000", 2, false)).isEqualTo(100000);
        assertThat(CellValues.money("12元", 2, false)).isEqualTo(1200);
        assertThat(CellValues.money("US$0.07", 2, false)).isEqualTo(7);
        assertThat(CellValues.money("12.340", 2, false)).isEqualTo(1234);
        assertThat(CellValues.money("0.1", 2, false)).isEqualTo(10);
        assertThat(CellValues.money(" -- ", 2, false)).isZero();
        assertThat(CellValues.money("", 2, false)).isZero();
        assertThat(CellValues.money("-3.00", 2, false)).isEqualTo(-300);
        assertThat(CellValues.money("1234", 2, true)).isEqualTo(1234);
        assertThat(CellValues.money("1,500", 0, false)).isEqualTo(1500);
        assertThat(CellValues.money("12.345", 3, false)).isEqualTo(12345);
    }

    @Test
    void moneyThatIsNotExactIsRefused() {
        assertThatThrownBy(() -> CellValues.money("12.345", 2, false))
                .hasMessage("\"12.345\" has more than 2 decimals");
        assertThatThrownBy(() -> CellValues.money("12,34", 2, false)).hasMessage("\"12,34\" is not a number");
        assertThatThrownBy(() -> CellValues.money("12.5", 0, true))
                .hasMessage("\"12.5\" is not a whole number of minor units (分)");
        assertThatThrownBy(() -> CellValues.money("免费", 2, false)).hasMessage("\"免费\" is not a number");
        assertThatThrownBy(() -> CellValues.money("99999999999999999999", 2, false))
                .hasMessage("\"99999999999999999999\" is too large");
    }

    @Test
    void countsAreWholeNumbers() throws Exception {
        assertThat(CellValues.count("1,234")).isEqualTo(1234);
        assertThat(CellValues.count("1234")).isEqualTo(1234);
        assertThat(CellValues.count("3.00")).isEqualTo(3);
        assertThat(CellValues.count("-")).isZero();
        assertThat(CellValues.count("-7")).isEqualTo(-7);
        assertThatThrownBy(() -> CellValues.count("3.5")).hasMessage("\"3.5\" is not a whole number");
        assertThatThrownBy(() -> CellValues.count("12%")).hasMessage("\"12%\" is not a number");
        assertThatThrownBy(() -> CellValues.count("1,23")).hasMessage("\"1,23\" is not a number");
        assertThat(CellValues.conversions("2.5")).isEqualTo(3);
        assertThat(CellValues.conversions("2.49")).isEqualTo(2);
        assertThat(CellValues.conversions("1,200.50")).isEqualTo(1201);
    }

    @Test
    void daysInTheirUsualSpellings() throws Exception {
        LocalDate first = LocalDate.parse("2026-11-01");
        for (String text : new String[] {
            "2026-11-01",
            "2026/11/01",
            "2026/11/1",
            "2026.11.01",
            "20261101",
            "2026-11-01 00:00:00",
            "2026年11月1日",
            "Nov 1, 2026",
            "November 1, 2026",
            "Sunday, November 1, 2026",
            "=\"2026-11-01\""
        }) {
            assertThat(CellValues.day(text, false)).as(text).isEqualTo(first);
        }
        assertThat(CellValues.day("46327", true)).isEqualTo(first);
        assertThatThrownBy(() -> CellValues.day("46327", false)).hasMessage("\"46327\" is not a date");
        assertThatThrownBy(() -> CellValues.day("2026-02-30", false)).hasMessage("\"2026-02-30\" is not a date");
        assertThatThrownBy(() -> CellValues.day("11/01/2026", false)).hasMessage("\"11/01/2026\" is not a date");
        assertThatThrownBy(() -> CellValues.day("", false)).hasMessage("the date is missing");
    }

    @Test
    void hoursInTheirUsualSpellings() throws Exception {
        assertThat(CellValues.hour("0")).isZero();
        assertThat(CellValues.hour("00")).isZero();
        assertThat(CellValues.hour("8时")).isEqualTo(8);
        assertThat(CellValues.hour("8点")).isEqualTo(8);
        assertThat(CellValues.hour("08:00-09:00")).isEqualTo(8);
        assertThat(CellValues.hour("8-9")).isEqualTo(8);
        assertThat(CellValues.hour("23:00:00")).isEqualTo(23);
        assertThat(CellValues.hour("24")).isEqualTo(24); // refused by the shared hour check
        assertThat(CellValues.hour("--")).isNull();
        assertThatThrownBy(() -> CellValues.hour("8am")).hasMessage("\"8am\" is not an hour of the day");
    }

    @Test
    void textIsTrimmedAndEmptyIsNull() {
        assertThat(CellValues.text("  龙井茶 ")).isEqualTo("龙井茶");
        assertThat(CellValues.text("-")).isNull();
        assertThat(CellValues.text(" --")).isNull();
        assertThat(CellValues.text("")).isNull();
        assertThat(CellValues.text("=\"6501234567\"")).isEqualTo("6501234567");
    }
}
