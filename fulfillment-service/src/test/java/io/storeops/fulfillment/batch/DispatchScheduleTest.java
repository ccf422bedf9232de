package io.storeops.fulfillment.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.fulfillment.batch.DispatchProperties.DispatchSettings;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Spring Festival 2027 falls on 6 February; the warehouse rests the 5th to the 11th, and on Sundays. */
    private static final DispatchSchedule TMALL = new DispatchSettings(
                    "14:00",
                    List.of("2027-02-05..2027-02-11", "2027-10-01"),
                    List.of(DayOfWeek.SUNDAY),
                    null,
                    null,
                    false)
            .scheduleIn(SHANGHAI);

    @ParameterizedTest(name = "at {0} the batch due is {1}")
    @CsvSource({
        // 14:00 in Shanghai is 06:00 UTC
        "2027-01-20T05:59:59Z, 2027-01-19",
        "2027-01-20T06:00:00Z, 2027-01-20",
        "2027-01-20T15:59:59Z, 2027-01-20",
        // just after midnight in Shanghai, the day before's batch is still the latest due
        "2027-01-20T16:00:00Z, 2027-01-20",
        // Sunday 2027-01-24 has no batch: on Monday morning Saturday's is the latest due
        "2027-01-24T12:00:00Z, 2027-01-23",
        "2027-01-25T05:00:00Z, 2027-01-23",
        // Spring Festival: the 4th's batch stays the latest until the 12th's cut-off
        "2027-02-08T06:00:00Z, 2027-02-04",
        "2027-02-12T05:59:00Z, 2027-02-04",
        "2027-02-12T06:00:00Z, 2027-02-12",
    })
    void theBatchDueIsTheLatestWorkingDaysWhoseCutoffHasPassed(Instant now, LocalDate due) {
        assertThat(TMALL.lastDueDay(now)).contains(due);
    }

    @ParameterizedTest(name = "after {0} the next cut-off is {1}")
    @CsvSource({
        "2027-01-20T05:59:59Z, 2027-01-20T06:00:00Z",
        "2027-01-20T06:00:00Z, 2027-01-21T06:00:00Z",
        // Saturday afternoon: Sunday rests, Monday cuts off
        "2027-01-23T07:00:00Z, 2027-01-25T06:00:00Z",
        "2027-02-04T07:00:00Z, 2027-02-12T06:00:00Z",
        "2027-09-30T07:00:00Z, 2027-10-02T06:00:00Z",
    })
    void theNextCutoffSkipsRestDays(Instant now, Instant next) {
        assertThat(TMALL.nextCutoff(now)).contains(next);
    }

    @Test
    void daysAreTheStoresCalendarDays() {
        assertThat(TMALL.dayOf(Instant.parse("2027-01-20T15:59:59Z"))).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(TMALL.dayOf(Instant.parse("2027-01-20T16:00:00Z"))).isEqualTo(LocalDate.parse("2027-01-21"));
        assertThat(TMALL.isWorkingDay(LocalDate.parse("2027-02-11"))).isFalse();
        assertThat(TMALL.isWorkingDay(LocalDate.parse("2027-02-12"))).isTrue();
    }

    @Test
    void aCutoffInTheHourTheClocksSkipIsTheFirstMomentAfterIt() {
        // New York skips 02:00–03:00 on 14 March 2027
        DispatchSchedule night =
                new DispatchSchedule(ZoneId.of("America/New_York"), LocalTime.of(2, 30), Set.of(), Set.of());

        assertThat(night.cutoffOn(LocalDate.parse("2027-03-14"))).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
        assertThat(night.cutoffOn(LocalDate.parse("2027-03-15"))).isEqualTo(Instant.parse("2027-03-15T06:30:00Z"));
    }

    @Test
    void aStoreThatNeverWorksHasNoCutoff() {
        DispatchSchedule closed = new DispatchSchedule(SHANGHAI, LocalTime.NOON, Set.of(), Set.of(DayOfWeek.values()));

        assertThat(closed.lastDueDay(Instant.parse("2027-01-20T06:00:00Z"))).isEmpty();
        assertThat(closed.nextCutoff(Instant.parse("2027-01-20T06:00:00Z"))).isEmpty();
    }

    @Test
    void theDefaultIsTwoPmEveryDay() {
        DispatchSchedule defaults = DispatchSettings.DEFAULTS.scheduleIn(SHANGHAI);

        assertThat(defaults.cutoff()).isEqualTo(LocalTime.of(14, 0));
        assertThat(defaults.nextCutoff(Instant.parse("2027-01-24T07:00:00Z")))
                .contains(Instant.parse("2027-01-25T06:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "cutoff 2pm      | 2pm        | 2027-02-06             | dispatch.cutoff '2pm' is not a time",
                "date misspelled | 14:00      | 2027-02-30             | neither a date",
                "range backwards | 14:00      | 2027-02-11..2027-02-05 | must run forwards",
                "range too long  | 14:00      | 2027-01-01..2029-01-01 | at most a year",
            })
    void aMistypedScheduleStopsTheServiceWithWhatIsWrong(String name, String cutoff, String restDay, String message) {
        DispatchSettings settings = new DispatchSettings(cutoff, List.of(restDay), null, null, null, false);

        assertThatThrownBy(() -> settings.scheduleIn(SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
