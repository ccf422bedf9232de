package io.storeops.console.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A refused tracking number read in each language, from the problem's properties, never its English detail. */
class ProblemExplanationsTest {

    private final ProblemExplanations explanations = new ProblemExplanations(messages());

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "FORMAT      | en    | SF12 is not a tracking number of SF: scan the carrier's label again.",
                "CHECK_DIGIT | en    | SF12 fails the check digit of SF: a digit was misread, scan it again.",
                "MISSING     | en    | Scan or type the carrier's tracking number.",
                "FORMAT      | zh-CN | 「SF12」不是SF的运单号格式，请重新扫描快递面单。",
                "MISSING     | zh-CN | 请扫描或输入快递运单号。",
            })
    void aTrackingNumberRefusalIsSaidInTheReadersLanguage(String reason, String language, String said) {
        ServiceProblem refused = new ServiceProblem(
                422,
                "urn:storeops:problem:tracking-number",
                "'SF12' is not a SF Express tracking number",
                Map.of("carrier", "SF", "trackingNumber", "SF12", "reason", reason));

        assertThat(explanations.explain(refused, Locale.forLanguageTag(language)))
                .isEqualTo(said);
    }

    @Test
    void aReasonTheConsoleDoesNotKnowYetShowsTheServicesDetail() {
        ServiceProblem refused = new ServiceProblem(
                422,
                "urn:storeops:problem:tracking-number",
                "'SF12' is not a SF Express tracking number",
                Map.of("carrier", "SF", "trackingNumber", "SF12", "reason", "A_REASON_NOT_KNOWN_YET"));

        assertThat(explanations.explain(refused, Locale.ENGLISH))
                .contains("'SF12' is not a SF Express tracking number");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("io/storeops/console/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
