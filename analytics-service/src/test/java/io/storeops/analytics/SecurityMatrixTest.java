package io.storeops.analytics;

import static io.storeops.analytics.AnalyticsFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.contracts.Money;
import io.storeops.contracts.events.listing.ListedSku;
import io.storeops.contracts.events.listing.ListingPublished;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.RoleMatrix;
import io.storeops.platform.test.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every staff route of analytics-service against every role, no token, and a token for another
 * store: only the route's roles get through, and another store's figures, ledger, targets and
 * imports are forbidden. Its writes go to tmall-flagship's first half of 2022, which no other test
 * uses. A rebuild is never started: its route is checked for the roles it refuses only.
 */
@ServiceTest
class SecurityMatrixTest {

    private static final String STORE = "tmall-flagship";
    private static final Set<StaffRole> READERS =
            EnumSet.of(StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION);
    private static final Set<StaffRole> KEEPERS = EnumSet.of(StaffRole.MANAGER, StaffRole.STORE_MANAGER);
    private static final Set<StaffRole> ITEM_READERS =
            EnumSet.of(StaffRole.MANAGER, StaffRole.STORE_MANAGER, StaffRole.PROMOTION, StaffRole.DESIGNER);
    private static final Set<StaffRole> OPERATORS = EnumSet.of(StaffRole.OPERATOR);
    private static final String REBUILD = "/api/analytics/operations/rebuild";
    /** The product the page-version routes read, listed once for the class. */
    private static final String LISTED = "MATRIX-MUG";

    /** The import of the {import} routes and the target of the target routes, made once for the class. */
    private static String importId;

    /** A file to upload: its name and content. */
    record Upload(String name, String content) {}

    /** A staff route: method, path ({import} and {entry} filled per call), body, the roles it admits. */
    record Route(String name, HttpMethod method, String path, Object body, Set<StaffRole> roles)
            implements RoleMatrix.Route {

        /** Whether the route is about one store (all but the rebuild, which is the whole service's). */
        boolean storeScoped() {
            return !path.startsWith(REBUILD);
        }

        /** Whether an admitted call would start something no test may start: a rebuild. */
        boolean startsARebuild() {
            return method == HttpMethod.POST && path.equals(REBUILD);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route(
                    "sales",
                    HttpMethod.GET,
                    "/api/analytics/sales?storeId=" + STORE + "&from=2022-01-01&to=2022-01-31",
                    null,
                    READERS),
            new Route(
                    "PPC file import",
                    HttpMethod.POST,
                    "/api/analytics/promotion/imports?storeId=" + STORE,
                    new Upload(
                            "ztc.csv",
                            AnalyticsFixtures.ZTC_KEYWORD_HEADER
                                    + "2022-01-10,龙井茶-矩阵,6501234567,西湖龙井 250g,龙井茶,100,5,5.00%,5.00,1.00,0,0.00\n"),
                    READERS),
            new Route(
                    "PPC rows",
                    HttpMethod.POST,
                    "/api/analytics/promotion/rows",
                    Map.of(
                            "storeId",
                            STORE,
                            "source",
                            "TAOBAO_ZTC",
                            "rows",
                            List.of(Map.of("day", "2022-01-11", "region", "浙江", "impressions", 100, "clicks", 5))),
                    READERS),
            new Route(
                    "PPC imports", HttpMethod.GET, "/api/analytics/promotion/imports?storeId=" + STORE, null, READERS),
            new Route("one PPC import", HttpMethod.GET, "/api/analytics/promotion/imports/{import}", null, READERS),
            new Route(
                    "an import's refused rows",
                    HttpMethod.GET,
                    "/api/analytics/promotion/imports/{import}/refused-rows",
                    null,
                    READERS),
            new Route(
                    "promotion figures",
                    HttpMethod.GET,
                    "/api/analytics/promotion/figures?storeId=" + STORE + "&from=2022-01-01&to=2022-01-31",
                    null,
                    READERS),
            new Route(
                    "promotion figures by landing page",
                    HttpMethod.GET,
                    "/api/analytics/promotion/figures?storeId=" + STORE + "&from=2022-01-01&to=2022-01-31&by=page",
                    null,
                    ITEM_READERS),
            new Route(
                    "promotion figures sheet",
                    HttpMethod.GET,
                    "/api/analytics/promotion/figures/sheet?storeId=" + STORE + "&from=2022-01-01&to=2022-01-31",
                    null,
                    READERS),
            new Route(
                    "set a target",
                    HttpMethod.PUT,
                    "/api/analytics/targets/" + STORE + "/2022-Q1",
                    Map.of("amountMinor", 90_000, "breakdown", "EVEN"),
                    EnumSet.of(StaffRole.MANAGER)),
            new Route("a target", HttpMethod.GET, "/api/analytics/targets/" + STORE + "/2022-Q1", null, READERS),
            new Route(
                    "a year's targets",
                    HttpMethod.GET,
                    "/api/analytics/targets/" + STORE + "?year=2022",
                    null,
                    READERS),
            new Route(
                    "a target's progress",
                    HttpMethod.GET,
                    "/api/analytics/targets/" + STORE + "/2022-Q1/progress?asOf=2022-02-15",
                    null,
                    READERS),
            new Route("daily report", HttpMethod.GET, report("daily", "2022-01-10"), null, READERS),
            new Route("weekly report", HttpMethod.GET, report("weekly", "2022-W02"), null, READERS),
            new Route("monthly report", HttpMethod.GET, report("monthly", "2022-01"), null, READERS),
            new Route("quarterly report", HttpMethod.GET, report("quarterly", "2022-Q1"), null, READERS),
            new Route(
                    "report PDF",
                    HttpMethod.GET,
                    "/api/analytics/reports/weekly/pdf?storeId=" + STORE + "&period=2022-W02",
                    null,
                    READERS),
            new Route("campaign report", HttpMethod.GET, campaign("/api/analytics/reports/campaign"), null, READERS),
            new Route(
                    "campaign report PDF",
                    HttpMethod.GET,
                    campaign("/api/analytics/reports/campaign/pdf"),
                    null,
                    READERS),
            new Route(
                    "traffic import",
                    HttpMethod.POST,
                    "/api/analytics/traffic/imports?storeId=" + STORE,
                    new Upload("店铺整体.csv", "统计日期,访客数,浏览量\n2022-02-01,100,200\n"),
                    READERS),
            new Route(
                    "traffic by day",
                    HttpMethod.GET,
                    "/api/analytics/traffic?storeId=" + STORE + "&from=2022-02-01&to=2022-02-02",
                    null,
                    READERS),
            new Route(
                    "traffic by item",
                    HttpMethod.GET,
                    "/api/analytics/traffic?storeId=" + STORE + "&from=2022-02-01&to=2022-02-02&by=item",
                    null,
                    ITEM_READERS),
            new Route(
                    "page versions",
                    HttpMethod.GET,
                    "/api/analytics/listings/" + LISTED + "/page-versions?storeId=" + STORE,
                    null,
                    ITEM_READERS),
            new Route(
                    "page versions sheet",
                    HttpMethod.GET,
                    "/api/analytics/listings/" + LISTED + "/page-versions/sheet?storeId=" + STORE + "&format=csv",
                    null,
                    ITEM_READERS),
            new Route(
                    "enter a cost",
                    HttpMethod.POST,
                    "/api/analytics/costs/" + STORE + "/2022-03/entries",
                    Map.of("category", "OTHER", "amountMinor", 100),
                    KEEPERS),
            new Route(
                    "remove a cost",
                    HttpMethod.DELETE,
                    "/api/analytics/costs/" + STORE + "/2022-03/entries/{entry}",
                    null,
                    KEEPERS),
            new Route(
                    "cost import",
                    HttpMethod.POST,
                    "/api/analytics/costs/" + STORE + "/imports",
                    new Upload("ledger.csv", "月份,类别,金额\n2022-04,运费,1.00\n"),
                    KEEPERS),
            new Route("a month's costs", HttpMethod.GET, "/api/analytics/costs/" + STORE + "/2022-03", null, READERS),
            new Route(
                    "costs and operating ROI",
                    HttpMethod.GET,
                    "/api/analytics/costs/" + STORE + "?from=2022-01&to=2022-06",
                    null,
                    READERS),
            new Route("start a rebuild", HttpMethod.POST, REBUILD, null, OPERATORS),
            new Route("the rebuild's status", HttpMethod.GET, REBUILD, null, OPERATORS));

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    /** Every route and role, but the one admitted call that would start a rebuild. */
    static List<Arguments> everyRouteAndRole() {
        return RoleMatrix.everyRoleFor(ROUTES).stream()
                .filter(pair -> !(((Route) pair.get()[0]).startsARebuild()
                        && ((Route) pair.get()[0]).roles().contains((StaffRole) pair.get()[1])))
                .toList();
    }

    static List<Route> routes() {
        return ROUTES;
    }

    static List<Route> storeScopedRoutes() {
        return ROUTES.stream().filter(Route::storeScoped).toList();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndRole")
    void onlyTheRoutesRolesGetThrough(Route route, StaffRole role) {
        int status = call(route, staff(role, STORE))
                .returnResult(String.class)
                .getStatus()
                .value();

        RoleMatrix.assertOnlyAdmitted(route.roles(), role, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void noTokenIsUnauthorized(Route route) {
        call(route, null).expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storeScopedRoutes")
    void anotherStoresStaffCannotReachItsFiguresLedgerTargetsOrImports(Route route) {
        StaffRole admitted = route.roles().iterator().next();

        int status = call(route, staff(admitted, "shopify-us"))
                .returnResult(String.class)
                .getStatus()
                .value();

        assertThat(status)
                .as("another store's figures, ledger, targets and imports are forbidden")
                .isEqualTo(403);
    }

    private WebTestClient.ResponseSpec call(Route route, String bearer) {
        String path = route.path().replace("{import}", prepared());
        if (path.contains("{entry}")) {
            path = path.replace("{entry}", costEntry());
        }
        WebTestClient.RequestBodySpec request = http.method(route.method()).uri(path);
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        if (route.body() instanceof Upload upload) {
            return request.contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(BodyInserters.fromMultipartData(AnalyticsFixtures.file(
                            upload.name(), upload.content().getBytes(StandardCharsets.UTF_8))))
                    .exchange();
        }
        return route.body() == null
                ? request.exchange()
                : request.bodyValue(route.body()).exchange();
    }

    /** Once for the class: the quarter's target the target routes read, and the import the import routes read. */
    private String prepared() {
        synchronized (SecurityMatrixTest.class) {
            if (importId == null) {
                String manager = staff(StaffRole.MANAGER, STORE);
                http.put()
                        .uri("/api/analytics/targets/" + STORE + "/2022-Q1")
                        .header(HttpHeaders.AUTHORIZATION, manager)
                        .bodyValue(Map.of("amountMinor", 90_000, "breakdown", "EVEN"))
                        .exchange()
                        .expectStatus()
                        .isOk();
                new AnalyticsFixtures(http, kafka)
                        .send(
                                new ListingPublished(
                                        LISTED,
                                        STORE,
                                        LISTED,
                                        "矩阵马克杯",
                                        1,
                                        1,
                                        "6570000001",
                                        List.of(new ListedSku(
                                                "MATRIX-MUG-1", "白色", new Money(5_900, "CNY"), List.of())),
                                        null,
                                        "ui.chen",
                                        Instant.parse("2022-01-05T01:00:00Z")),
                                "listing-service");
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> http.get()
                                .uri("/api/analytics/listings/" + LISTED + "/page-versions?storeId=" + STORE)
                                .header(HttpHeaders.AUTHORIZATION, manager)
                                .exchange()
                                .expectStatus()
                                .isOk());
                importId = http.post()
                        .uri("/api/analytics/promotion/rows")
                        .header(HttpHeaders.AUTHORIZATION, manager)
                        .bodyValue(Map.of(
                                "storeId",
                                STORE,
                                "source",
                                "TAOBAO_ZTC",
                                "rows",
                                List.of(Map.of("day", "2022-01-12", "impressions", 10, "clicks", 1))))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("importId")
                        .toString();
            }
            return importId;
        }
    }

    /** A cost of 2022-03 entered by a manager, for a call to remove. */
    private String costEntry() {
        String key = "matrix-" + UUID.randomUUID();
        http.post()
                .uri("/api/analytics/costs/" + STORE + "/2022-03/entries")
                .header(HttpHeaders.AUTHORIZATION, staff(StaffRole.MANAGER, STORE))
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("category", "OTHER", "amountMinor", 1))
                .exchange()
                .expectStatus()
                .isCreated();
        return "key-" + key;
    }

    private static String report(String kind, String period) {
        return "/api/analytics/reports/" + kind + "?storeId=" + STORE + "&period=" + period;
    }

    private static String campaign(String route) {
        return route + "?storeId=" + STORE + "&campaign=龙井茶-矩阵&from=2022-01-01&to=2022-01-31";
    }
}
