package io.storeops.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "199.00, USD, 19900",
        "199.9, USD, 19990",
        "0.01, CNY, 1",
        "5, USD, 500",
        "1500, JPY, 1500",
        "1500.0, JPY, 1500",
        "1.250, KWD, 1250",
        "0.001, KWD, 1",
        "-3.50, USD, -350",
        "123456789.99, CNY, 12345678999"
    })
    void decimalStringsConvertExactlyToMinorUnits(String decimal, String currency, long minor) {
        Money money = Money.ofDecimal(decimal, currency);

        assertThat(money).isEqualTo(new Money(minor, currency));
        assertThat(Money.ofDecimal(money.toDecimal(), currency)).isEqualTo(money);
    }

    @ParameterizedTest
    @CsvSource({"1.001, USD", "1.5, JPY", "0.0001, KWD", "1e3, USD", "abc, USD", "'', USD", "' 1.0.0', USD", "1.00, XYZ"
    })
    void amountsThatCannotBeExactAreRefused(String decimal, String currency) {
        assertThatThrownBy(() -> Money.ofDecimal(decimal, currency)).isInstanceOf(IllegalArgumentException.class);
    }
}
