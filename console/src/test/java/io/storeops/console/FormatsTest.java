package io.storeops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void moneyIsInTheStoresCurrencyFormattedForTheLanguage() {
        assertThat(formats.money(128000, "CNY", Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,280.00");
        assertThat(formats.money(4448, "USD", Locale.ENGLISH)).isEqualTo("$44.48");
        assertThat(formats.money(128000, "CNY", Locale.ENGLISH)).isEqualTo("CN¥1,280.00");
        assertThat(formats.money(4448, "USD", Locale.SIMPLIFIED_CHINESE)).isEqualTo("US$44.48");
    }

    @Test
    void minorUnitsFollowTheCurrency() {
        assertThat(formats.money(1500, "JPY", Locale.ENGLISH)).isEqualTo("¥1,500");
        assertThat(formats.money(-250, "USD", Locale.ENGLISH)).isEqualTo("-$2.50");
    }

    @Test
    void timesAreShownInTheStoresZone() {
        Instant paid = Instant.parse("2026-11-28T02:11:30Z");

        assertThat(formats.time(paid, "Asia/Shanghai", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("2026-11-28 10:11:30");
        // Newer JDKs put a narrow no-break space before PM.
        assertThat(formats.time(paid, "America/New_York", Locale.ENGLISH).replace('\u202f', ' '))
                .isEqualTo("Nov 27, 2026, 9:11:30 PM");
        assertThat(formats.time(null, "UTC", Locale.ENGLISH)).isEmpty();
    }
}
