package io.storeops.analytics.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SalesWindowTest {

    private static final ZoneId HANGZHOU = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void todayIsTheStoresDateNotTheUtcOne() {
        Instant eveningUtc =
                Instant.parse("2026-11-28T17:00:00Z"); // already the 29th in Hangzhou, still the 28th in New York

        assertThat(SalesWindow.asked(null, null, eveningUtc, HANGZHOU))
                .isEqualTo(new SalesWindow(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-29")));
        assertThat(SalesWindow.asked(null, null, Instant.parse("2026-11-29T03:00:00Z"), NEW_YORK)
                        .to())
                .isEqualTo(LocalDate.parse("2026-11-28"));
    }

    @Test
    void anExplicitEndOrStartIsKept() {
        Instant now = Instant.parse("2026-11-28T17:00:00Z");

        assertThat(SalesWindow.asked(null, LocalDate.parse("2026-03-31"), now, HANGZHOU))
                .isEqualTo(new SalesWindow(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31")));
        assertThat(SalesWindow.asked(LocalDate.parse("2026-11-01"), null, now, HANGZHOU))
                .isEqualTo(new SalesWindow(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-29")));
    }

    @Test
    void aStartAfterTheEndOrMoreThanAYearAndADayIsNotAWindow() {
        assertThat(new SalesWindow(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")).valid())
                .isFalse();
        assertThat(new SalesWindow(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02")).valid())
                .isTrue();
        assertThat(new SalesWindow(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-03")).valid())
                .isFalse();
    }
}
