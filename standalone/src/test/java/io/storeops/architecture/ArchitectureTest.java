package io.storeops.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.storeops.contracts.EventType;
import io.storeops.contracts.NotYetEmitted;
import io.storeops.contracts.Producer;
import io.storeops.contracts.StoreOpsEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rules that keep StoreOps' modules and features apart, checked on the compiled classes of
 * every module (this module sees them all). A rule broken by a change fails the build with the
 * offending dependency named; docs/architecture.md explains each.
 */
class ArchitectureTest {

    private static final String[] SERVICES = {
        "io.storeops.order..",
        "io.storeops.fulfillment..",
        "io.storeops.refund..",
        "io.storeops.analytics..",
        "io.storeops.listing.."
    };
    private static final String[] ADAPTERS = {"..web..", "..messaging.."};
    /** What services may use of the storage envelope (platform.outbox's package documentation lists why). */
    private static final Set<String> ENVELOPE_API = Set.of(
            "AggregateStore",
            "Change",
            "Applied",
            "ConsumedEvent",
            "StateQuery",
            "StateIndex",
            "StateRows",
            "ConcurrentUpdateException");

    /** Spring beans, bound settings and the classes nested in them: the application's wiring, which may use Spring. */
    private static final DescribedPredicate<JavaClass> SPRING_BEANS = DescribedPredicate.describe(
            "Spring beans or settings",
            type -> isBean(type)
                    || type.getEnclosingClass().map(ArchitectureTest::isBean).orElse(false));

    private static final JavaClasses STOREOPS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.storeops");

    @Test
    void servicesNeverImportEachOther() {
        for (String service : SERVICES) {
            check(noClasses()
                    .that()
                    .resideInAPackage(service)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others(service)));
        }
    }

    @Test
    void platformImportsNoService() {
        check(noClasses()
                .that()
                .resideInAPackage("io.storeops.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES));
    }

    @Test
    void contractsImportNeitherSpringNorPlatform() {
        check(noClasses()
                .that()
                .resideInAPackage("io.storeops.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.storeops.platform..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES));
    }

    /**
     * Domain classes (everything in a service that is neither an adapter package nor a Spring bean)
     * decide; they import no web, messaging, MongoDB, Jackson, Reactor or Spring, and none of their
     * own service's web or messaging adapters, so they are tested as plain classes and copied as such.
     */
    @Test
    void domainClassesImportNoFrameworks() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .and()
                .resideOutsideOfPackages(ADAPTERS)
                .and(not(SPRING_BEANS))
                .and()
                .haveSimpleNameNotEndingWith("Application")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..",
                        "com.mongodb..",
                        "org.bson..",
                        "reactor..",
                        "..web..",
                        "..messaging.."));
    }

    /** Decisions never reach for the store, the clock or another bean: what they need is passed in. */
    @Test
    void domainClassesUseNoBeans() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .and()
                .resideOutsideOfPackages(ADAPTERS)
                .and(not(SPRING_BEANS))
                .should()
                .dependOnClassesThat(SPRING_BEANS));
    }

    /**
     * The beans of a feature's core (its store access, queues, settings) stay off the wire and out
     * of JSON: HTTP, Kafka and Jackson belong to the web and messaging adapters.
     */
    @Test
    void coreBeansSpeakNeitherHttpNorKafka() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .and()
                .resideOutsideOfPackages(ADAPTERS)
                .and(SPRING_BEANS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.cloud.stream..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..",
                        "com.fasterxml.jackson..",
                        "tools.jackson..",
                        "..web..",
                        "..messaging.."));
    }

    /**
     * A service's root package holds its application class and wiring across features (gauges
     * over several queues); no feature depends on it, so it cannot carry an arrow between features
     * that the cycle rule would not see.
     */
    @Test
    void featuresNeverDependOnTheirServicesRootPackage() {
        for (String service : SERVICES) {
            String root = service.substring(0, service.length() - 2);
            check(noClasses()
                    .that()
                    .resideInAPackage(service)
                    .and()
                    .resideOutsideOfPackage(root)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(root));
        }
    }

    /**
     * Services reach their database only through the aggregate store's typed API (StateQuery,
     * StateIndex): the document envelope and MongoDB's query language stay inside platform.
     */
    @Test
    void servicesUseNoMongoDbApiDirectly() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..", "org.bson.."));
    }

    /** The storage envelope is sealed: services use its small API, never the relay, leases or positions behind it. */
    @Test
    void servicesUseOnlyTheStorageEnvelopesApi() {
        check(noClasses()
                .that()
                .resideInAnyPackage(SERVICES)
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "platform.outbox internals",
                        type -> type.getPackageName().equals("io.storeops.platform.outbox")
                                && !ENVELOPE_API.contains(type.getSimpleName())
                                && !ENVELOPE_API.contains(outermost(type)))));
    }

    @Test
    void webAndMessagingAdaptersNeverCallEachOther() {
        check(noClasses()
                .that()
                .resideInAPackage("..web..")
                .and()
                .resideInAnyPackage(SERVICES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..messaging..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("io.storeops.platform.messaging.."));
        check(noClasses()
                .that()
                .resideInAPackage("..messaging..")
                .and()
                .resideInAnyPackage(SERVICES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..web..")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("io.storeops.platform.web.."));
    }

    /** Package by feature: no feature reaches back into one that reaches it (lifecycle → review → lifecycle). */
    @Test
    void featuresFormNoCycles() {
        for (String service : List.of("order", "fulfillment", "refund", "analytics", "listing")) {
            check(slices().matching("io.storeops." + service + ".(*)..")
                    .should()
                    .beFreeOfCycles());
        }
    }

    /**
     * The event catalog matches what the code does: every event record is declared, each type is
     * emitted only by its producer, and the producer emits it unless it is marked
     * {@link NotYetEmitted} (and then nobody does).
     */
    @Test
    void theEventCatalogNamesWhoEmitsWhat() {
        Map<Class<?>, Set<Producer>> emitters = new HashMap<>();
        for (JavaClass type : STOREOPS) {
            producerOf(type)
                    .ifPresent(producer -> type.getConstructorCallsFromSelf().stream()
                            .map(call -> call.getTargetOwner())
                            .filter(target -> target.isAssignableTo(StoreOpsEvent.class) && !target.isInterface())
                            .forEach(event -> emitters.computeIfAbsent(event.reflect(), unused -> new HashSet<>())
                                    .add(producer)));
        }
        Set<Class<?>> declared = new HashSet<>();
        for (EventType type : EventType.values()) {
            declared.add(type.payloadType());
            Set<Producer> emittedBy = emitters.getOrDefault(type.payloadType(), Set.of());
            assertThat(emittedBy).as("who emits %s", type.typeName()).isSubsetOf(type.producer());
            assertThat(emittedBy.contains(type.producer()))
                    .as(
                            "whether %s emits %s (it must, unless the type is marked @NotYetEmitted; then it must not)",
                            type.producer(), type.typeName())
                    .isEqualTo(type.emitted());
        }
        assertThat(STOREOPS.stream()
                        .filter(type -> type.getPackageName().startsWith("io.storeops.contracts.events")
                                && type.isAssignableTo(StoreOpsEvent.class)
                                && type.isRecord())
                        .map(JavaClass::reflect))
                .as("event records without a catalog entry")
                .allMatch(declared::contains);
    }

    private static Optional<Producer> producerOf(JavaClass type) {
        return Stream.of(
                        Map.entry("io.storeops.order", Producer.ORDER_SERVICE),
                        Map.entry("io.storeops.fulfillment", Producer.FULFILLMENT_SERVICE),
                        Map.entry("io.storeops.refund", Producer.REFUND_SERVICE),
                        Map.entry("io.storeops.listing", Producer.LISTING_SERVICE))
                .filter(service -> type.getPackageName().equals(service.getKey())
                        || type.getPackageName().startsWith(service.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static String outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.getSimpleName();
    }

    private static boolean isBean(JavaClass type) {
        return type.isMetaAnnotatedWith(Component.class) || type.isAnnotatedWith(ConfigurationProperties.class);
    }

    private static String[] others(String service) {
        return Arrays.stream(SERVICES).filter(other -> !other.equals(service)).toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        rule.check(STOREOPS);
    }
}
