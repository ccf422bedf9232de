package io.storeops.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

/** What each context of the standalone's one process leaves out of the shared classpath. */
class StandaloneAutoConfigurationFilterTest {

    private static final String LOGBACK_METRICS =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";
    private static final String PLATFORM = "io.storeops.platform.StoreOpsPlatformAutoConfiguration";
    private static final String THYMELEAF =
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration";
    private static final String WEBFLUX = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration";

    @ParameterizedTest(name = "console context: {0}")
    @CsvSource({"true", "false"})
    void everyContextLeavesOutLogbackMetricsAndWhatBelongsToTheOtherKind(boolean console) {
        StandaloneAutoConfigurationFilter filter = new StandaloneAutoConfigurationFilter();
        MockEnvironment environment = new MockEnvironment();
        environment.setProperty(StandaloneAutoConfigurationFilter.CONSOLE, String.valueOf(console));
        filter.setEnvironment(environment);

        boolean[] included = filter.match(new String[] {LOGBACK_METRICS, PLATFORM, THYMELEAF, WEBFLUX}, null);

        assertThat(included).containsExactly(false, !console, console, true);
    }
}
