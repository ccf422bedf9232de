package io.storeops.analytics.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PpcDaysTest {

    @Test
    void aDayImportedAgainIsTakenOverAndTheImportItReplacesIsNamed() {
        PpcDays first = PpcDays.none("tmall-flagship", "TAOBAO_ZTC", "KEYWORD")
                .takenOver("ppc-1", List.of("2026-11-20", "2026-11-21", "2026-11-22"));

        assertThat(first.replacedBy("ppc-2", List.of("2026-11-21", "2026-11-23")))
                .isEqualTo(Map.of("2026-11-21", "ppc-1"));
        assertThat(first.replacedBy("ppc-1", List.of("2026-11-21")))
                .as("an import does not replace itself")
                .isEmpty();
        assertThat(first.takenOver("ppc-2", List.of("2026-11-21", "2026-11-23")).importByDay())
                .isEqualTo(Map.of(
                        "2026-11-20", "ppc-1",
                        "2026-11-21", "ppc-2",
                        "2026-11-22", "ppc-1",
                        "2026-11-23", "ppc-2"));
    }

    @Test
    void eachDayCountsTheFirstGrainThatCarriesTheDimensionOfEachSourceAndAccount() {
        List<PpcDays> imported = List.of(
                new PpcDays("s", "TAOBAO_ZTC", "KEYWORD", "", Map.of("2026-11-20", "kw-1", "2026-11-21", "kw-1")),
                new PpcDays("s", "TAOBAO_ZTC", "CAMPAIGN", "", Map.of("2026-11-21", "cp-1")),
                new PpcDays("s", "GOOGLE_ADS", "CAMPAIGN", "", Map.of("2026-11-21", "g-1")),
                new PpcDays("s", "TAOBAO_ZTC", "REGION", "", Map.of("2026-11-20", "rg-1", "2026-11-22", "rg-2")),
                new PpcDays("s", "TAOBAO_ZTC", "KEYWORD", "茶叶旗舰店二号", Map.of("2026-11-21", "kw-2")));

        assertThat(PpcDays.counting(
                        imported, Dimension.CAMPAIGN, LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-22")))
                .isEqualTo(Map.of(
                        "kw-1", List.of("2026-11-20"),
                        "cp-1", List.of("2026-11-21"),
                        "g-1", List.of("2026-11-21"),
                        "kw-2", List.of("2026-11-21"),
                        "rg-2", List.of("2026-11-22")));
        assertThat(PpcDays.counting(
                        imported, Dimension.KEYWORD, LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22")))
                .as("a second ad account's keywords are more spend of the same day")
                .isEqualTo(Map.of("kw-1", List.of("2026-11-21"), "kw-2", List.of("2026-11-21")));
    }
}
