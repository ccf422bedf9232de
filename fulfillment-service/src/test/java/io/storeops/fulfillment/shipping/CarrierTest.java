package io.storeops.fulfillment.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarrierTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "SF,    SF1234567890123",
        "SF,    123456789012",
        "sf,    sf 1234 5678 90123",
        "YTO,   YT1234567890123",
        "YTO,   D123456789",
        "ZTO,   75312345678901",
        "STO,   773123456789012",
        "YUNDA, 4312345678901",
        "JD,    JDVA12345678901",
        "JD,    JD0012345678901",
        "EMS,   EE123456785CN",
        "EMS,   1123456789012",
        "UPS,   1Z999AA10123456784",
        "UPS,   1Z5R89390357567127",
        "UPS,   1ZXX3150YW44070023",
        "FedEx, 123456789012",
        "FEDEX, 123456789012345",
        "DHL,   1234567890",
        "DHL,   JJD0099999999999999",
        // a courier the list does not know takes any plausible number
        "DEBANG, DPK-12345678",
    })
    void numbersInTheCarriersFormatPass(String carrier, String number) {
        assertThat(Carrier.problemWith(carrier, number)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "SF,     SF12345678,           is not a SF Express tracking number",
        "SF,     YT1234567890123,      is not a SF Express tracking number",
        "YTO,    SF1234567890123,      is not a YTO Express tracking number",
        "ZTO,    ZT1234567890,         is not a ZTO Express tracking number",
        "JD,     JD12,                 is not a JD Logistics tracking number",
        "EMS,    EE123456784CN,        fails the China Post EMS check digit",
        "EMS,    EE12345678CN,         is not a China Post EMS tracking number",
        "UPS,    1Z999AA10123456785,   fails the UPS check digit",
        "UPS,    1Z999AA1012345678,    is not a UPS tracking number",
        "FEDEX,  1234567890123,        is not a FedEx tracking number",
        "DHL,    123456789,            is not a DHL Express tracking number",
        "DEBANG, '12',                 4 to 40 letters",
        "DEBANG, 'DPK {$gt: 1}',       4 to 40 letters",
        "SF,     '',                   trackingNumber is required",
    })
    void numbersOutOfFormatAreRefusedWithWhatIsWrong(String carrier, String number, String problem) {
        assertThat(Carrier.problemWith(carrier, number))
                .hasValueSatisfying(found -> assertThat(found.detail()).contains(problem))
                .hasValueSatisfying(found -> assertThat(found.reason())
                        .isEqualTo(
                                problem.contains("check digit")
                                        ? Carrier.NumberProblem.Reason.CHECK_DIGIT
                                        : problem.contains("required")
                                                ? Carrier.NumberProblem.Reason.MISSING
                                                : Carrier.NumberProblem.Reason.FORMAT));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sf, SF", "' FedEx ', FEDEX", "jd, JD"})
    void codesAreReadAsStaffTypeThem(String typed, Carrier carrier) {
        assertThat(Carrier.of(typed)).contains(carrier);
    }
}
