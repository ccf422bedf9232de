package io.storeops.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The console holds no domain data and meets the services only through their public HTTP APIs:
 * it uses no code of platform, the services or their storage, so a page cannot reach around the
 * rules the APIs enforce.
 */
class ConsoleBoundaryTest {

    @Test
    void theConsoleUsesNoServiceOrPlatformCode() {
        noClasses()
                .that()
                .resideInAPackage("io.storeops.console..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.storeops.platform..",
                        "io.storeops.order..",
                        "io.storeops.fulfillment..",
                        "io.storeops.refund..",
                        "io.storeops.analytics..",
                        "io.storeops.listing..",
                        "org.springframework.data.mongodb..",
                        "com.mongodb..",
                        "org.apache.kafka..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.storeops.console"));
    }
}
