package io.storeops.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The system tests drive StoreOps only as a user or a neighbouring system would: over HTTP, Kafka
 * and MongoDB, with the event contracts. They may start the standalone jar but never call its
 * code, so a test cannot pass by reaching around the running system.
 */
class SystemTestBoundaryTest {

    @Test
    void systemTestsUseOnlyTheContractsOfStoreOps() {
        noClasses()
                .that()
                .resideInAPackage("io.storeops.system..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.storeops.platform..",
                        "io.storeops.order..",
                        "io.storeops.fulfillment..",
                        "io.storeops.refund..",
                        "io.storeops.analytics..",
                        "io.storeops.standalone..")
                .check(new ClassFileImporter().importPackages("io.storeops.system"));
    }
}
