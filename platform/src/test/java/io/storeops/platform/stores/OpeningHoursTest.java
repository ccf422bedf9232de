package io.storeops.platform.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} at {1} Shanghai time: open {2}")
    @CsvSource({
        "09:00-22:00, 08:59, false",
        "09:00-22:00, 09:00, true",
        "09:00-22:00, 21:59, true",
        "09:00-22:00, 22:00, false",
        "20:00-02:00, 19:59, false",
        "20:00-02:00, 23:30, true",
        "20:00-02:00, 01:59, true",
        "20:00-02:00, 02:00, false",
        "08:00-24:00, 23:59, true",
        "08:00-24:00, 07:59, false",
        "00:00-24:00, 03:00, true",
    })
    void opensAndClosesInTheStoresOwnTimeZone(String hours, String localTime, boolean open) {
        Instant at = Instant.parse("2026-11-30T" + localTime + ":00+08:00");

        assertThat(OpeningHours.valueOf(hours).isOpenAt(at, SHANGHAI)).isEqualTo(open);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9-22", "09:00", "09:00-09:00", "25:00-26:00", "09:00-22:00-23:00"})
    void refusesHoursItCannotRead(String hours) {
        assertThatThrownBy(() -> OpeningHours.valueOf(hours))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(hours);
    }

    @Test
    void aStoreThatSetsNoneIsOpenFromNineToTen() {
        var store = new StoreProperties.Store(null, "CNY", SHANGHAI, null, null, false, null);

        assertThat(store.openingHours()).isEqualTo(OpeningHours.valueOf("09:00-22:00"));
    }
}
