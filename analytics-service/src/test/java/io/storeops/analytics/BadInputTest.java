package io.storeops.analytics;

import static io.storeops.analytics.AnalyticsFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.platform.security.StaffRole;
import io.storeops.platform.test.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad requests to the analytics routes, each answered with its problem (status, type and, where it
 * helps, where the fault is) and changing nothing: the figures, ledger month or target the request
 * names read the same before and after. tmall-flagship's second half of 2022 is this test's alone.
 */
@ServiceTest
class BadInputTest {

    private static final String STORE = "tmall-flagship";
    private static final String PROMOTION = "/api/analytics/promotion";
    private static final String PPC_FIGURES =
            PROMOTION + "/figures?storeId=" + STORE + "&from=2022-07-01&to=2022-07-31&by=region";
    private static final String PPC_FILE_FIGURES =
            PROMOTION + "/figures?storeId=" + STORE + "&from=2022-07-01&to=2022-07-31&by=keyword";
    private static final String COSTS = "/api/analytics/costs/" + STORE;
    private static final String COST_MONTH = COSTS + "/2022-08";
    private static final String TRAFFIC = "/api/analytics/traffic?storeId=" + STORE + "&from=2022-09-01&to=2022-09-30";
    private static final String TARGET = "/api/analytics/targets/" + STORE + "/2022-Q4";
    private static final String REPORTS = "/api/analytics/reports/";
    private static final String PAGE_VERSIONS = "/api/analytics/listings/NEVER-LISTED/page-versions?storeId=" + STORE;
    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, (byte) 0xff};

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    /** A file to upload. */
    record Upload(String name, byte[] content) {

        static Upload text(String name, String content) {
            return new Upload(name, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A bad request: {@code watched} is what it must not change (read by a manager of the store), the
     * request itself (body: a map or list as JSON, a string as it is, or an {@link Upload}).
     */
    record Attempt(String watched, HttpMethod method, String uri, Object body) {

        static Attempt get(String watched, String uri) {
            return new Attempt(watched, HttpMethod.GET, uri, null);
        }
    }

    /** A bad request, the status and problem type it gets, and JSON paths of the problem with their values. */
    record Case(String name, int status, String type, Attempt attempt, Map<String, Object> where) {

        Case(String name, int status, String type, Attempt attempt) {
            this(name, status, type, attempt, Map.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badInputs() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        return Stream.of(
                // JSON bodies that are no JSON, or of the wrong types
                new Case("PPC rows that are not JSON", 400, "malformed-json", rows("{\"storeId\": \"" + STORE + "\",")),
                new Case("a cost that is not JSON", 400, "malformed-json", cost("{\"category\": \"OTHER\",")),
                new Case("a target that is not JSON", 400, "malformed-json", target("{\"amountMinor\": 1")),
                new Case(
                        "a cost amount that is no number",
                        422,
                        "invalid-payload",
                        cost("{\"category\": \"OTHER\", \"amountMinor\": \"ten\"}")),
                new Case(
                        "a target amount that is no number",
                        422,
                        "invalid-payload",
                        target("{\"amountMinor\": \"lots\", \"breakdown\": \"EVEN\"}")),
                new Case(
                        "a PPC row whose impressions are no number",
                        422,
                        "invalid-payload",
                        rows(Map.of("day", "2022-07-05", "region", "浙江", "impressions", "many"))),
                new Case(
                        "a PPC row whose day is no date",
                        422,
                        "invalid-payload",
                        rows(Map.of("day", "yesterday", "region", "浙江"))),
                new Case(
                        "PPC rows without a store",
                        422,
                        "invalid-payload",
                        new Attempt(
                                PPC_FIGURES,
                                HttpMethod.POST,
                                PROMOTION + "/rows",
                                Map.of("source", "TAOBAO_ZTC", "rows", List.of(Map.of("day", "2022-07-05"))))),
                // values none of the known ones
                new Case(
                        "an unknown report source",
                        422,
                        "invalid-payload",
                        new Attempt(
                                PPC_FIGURES,
                                HttpMethod.POST,
                                PROMOTION + "/rows",
                                Map.of(
                                        "storeId",
                                        STORE,
                                        "source",
                                        "BAIDU",
                                        "rows",
                                        List.of(Map.of("day", "2022-07-05", "region", "浙江"))))),
                new Case(
                        "an unknown breakdown",
                        422,
                        "invalid-payload",
                        target(Map.of("amountMinor", 9_000, "breakdown", "RANDOM"))),
                new Case(
                        "an unknown cost category",
                        422,
                        "invalid-payload",
                        cost(Map.of("category", "房租", "amountMinor", 100))),
                new Case(
                        "figures by an unknown dimension",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PPC_FIGURES.replace("by=region", "by=shelf"))),
                new Case(
                        "figures sorted by an unknown metric",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PPC_FIGURES + "&sort=profit")),
                new Case(
                        "figures in an unknown order",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PPC_FIGURES + "&order=up")),
                new Case(
                        "a figures sheet in an unknown format",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PROMOTION + "/figures/sheet?storeId=" + STORE + "&format=pdf")),
                new Case(
                        "refused rows in an unknown format",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PROMOTION + "/imports/ppc-none/refused-rows?format=docx")),
                new Case(
                        "an unknown report kind",
                        404,
                        "not-found",
                        Attempt.get(PPC_FIGURES, REPORTS + "yearly?storeId=" + STORE + "&period=2022")),
                new Case(
                        "page versions of a product never published in the store",
                        404,
                        "not-found",
                        Attempt.get(PAGE_VERSIONS, PAGE_VERSIONS)),
                new Case(
                        "a page versions sheet in an unknown format",
                        400,
                        "invalid-parameter",
                        Attempt.get(
                                PAGE_VERSIONS,
                                "/api/analytics/listings/NEVER-LISTED/page-versions/sheet?storeId=" + STORE
                                        + "&format=pdf")),
                new Case(
                        "traffic by an unknown grain",
                        400,
                        "invalid-parameter",
                        Attempt.get(TRAFFIC, TRAFFIC + "&by=week")),
                // days, periods, months and quarters that are none
                new Case(
                        "figures from a day that is none",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, PROMOTION + "/figures?storeId=" + STORE + "&from=2022-13-01")),
                new Case(
                        "sales from a word",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, "/api/analytics/sales?storeId=" + STORE + "&from=yesterday")),
                new Case(
                        "a week that is none",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, REPORTS + "weekly?storeId=" + STORE + "&period=2022-W60")),
                new Case(
                        "a day that is none",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, REPORTS + "daily?storeId=" + STORE + "&period=2022-02-30")),
                new Case(
                        "a quarter of a daily report",
                        400,
                        "invalid-parameter",
                        Attempt.get(PPC_FIGURES, REPORTS + "daily?storeId=" + STORE + "&period=2022-Q4")),
                new Case(
                        "a fifth quarter",
                        400,
                        "invalid-quarter",
                        new Attempt(
                                TARGET,
                                HttpMethod.PUT,
                                "/api/analytics/targets/" + STORE + "/2022-Q5",
                                Map.of("amountMinor", 9_000, "breakdown", "EVEN"))),
                new Case(
                        "progress of a thirteenth month",
                        400,
                        "invalid-parameter",
                        Attempt.get(TARGET, TARGET + "/progress?month=2022-13")),
                new Case(
                        "targets of a year that is a word",
                        400,
                        "invalid-parameter",
                        Attempt.get(TARGET, "/api/analytics/targets/" + STORE + "?year=twenty")),
                new Case(
                        "a cost of a thirteenth month",
                        400,
                        "invalid-parameter",
                        new Attempt(
                                COST_MONTH,
                                HttpMethod.POST,
                                COSTS + "/2022-13/entries",
                                Map.of("category", "OTHER", "amountMinor", 100))),
                new Case(
                        "costs from a thirteenth month",
                        400,
                        "invalid-parameter",
                        Attempt.get(COST_MONTH, COSTS + "?from=2022-13&to=2022-12")),
                new Case(
                        "a campaign from a day that is none",
                        400,
                        "invalid-parameter",
                        Attempt.get(
                                PPC_FIGURES,
                                REPORTS + "campaign?storeId=" + STORE + "&campaign=c&from=2022-07-32&to=2022-08-01")),
                // ranges reversed or too long
                new Case(
                        "figures of a reversed range",
                        400,
                        "invalid-range",
                        Attempt.get(
                                PPC_FIGURES,
                                PROMOTION + "/figures?storeId=" + STORE + "&from=2022-07-31&to=2022-07-01")),
                new Case(
                        "figures of more than a year",
                        400,
                        "invalid-range",
                        Attempt.get(
                                PPC_FIGURES,
                                PROMOTION + "/figures?storeId=" + STORE + "&from=2021-01-01&to=2022-07-01")),
                new Case(
                        "sales of more than a year",
                        400,
                        "invalid-range",
                        Attempt.get(
                                PPC_FIGURES,
                                "/api/analytics/sales?storeId=" + STORE + "&from=2021-01-01&to=2022-07-01")),
                new Case(
                        "traffic of a reversed range",
                        400,
                        "invalid-range",
                        Attempt.get(
                                TRAFFIC, "/api/analytics/traffic?storeId=" + STORE + "&from=2022-09-30&to=2022-09-01")),
                new Case(
                        "costs of a reversed range",
                        400,
                        "invalid-range",
                        Attempt.get(COST_MONTH, COSTS + "?from=2022-12&to=2022-07")),
                new Case(
                        "costs of more than 24 months",
                        400,
                        "invalid-range",
                        Attempt.get(COST_MONTH, COSTS + "?from=2020-01&to=2022-12")),
                new Case(
                        "a campaign that ends before it starts",
                        400,
                        "invalid-range",
                        Attempt.get(
                                PPC_FIGURES,
                                REPORTS + "campaign?storeId=" + STORE + "&campaign=c&from=2022-08-01&to=2022-07-01")),
                new Case(
                        "a campaign longer than a quarter",
                        400,
                        "invalid-range",
                        Attempt.get(
                                PPC_FIGURES,
                                REPORTS + "campaign/pdf?storeId=" + STORE
                                        + "&campaign=c&from=2022-07-01&to=2022-12-31")),
                // amounts below zero, sums that do not add up
                new Case(
                        "a negative cost",
                        422,
                        "invalid-payload",
                        cost(Map.of("category", "OTHER", "amountMinor", -100))),
                new Case(
                        "a negative target",
                        422,
                        "invalid-payload",
                        target(Map.of("amountMinor", -1, "breakdown", "EVEN"))),
                // amounts whose sums would overflow: refused, never a 500 or a wrong total
                new Case(
                        "a cost beyond any real figure",
                        422,
                        "invalid-payload",
                        cost(Map.of("category", "OTHER", "amountMinor", Long.MAX_VALUE - 1))),
                new Case(
                        "a target beyond any real figure",
                        422,
                        "invalid-payload",
                        target(Map.of("amountMinor", 1_000_000_000_000_000_001L, "breakdown", "EVEN"))),
                new Case(
                        "months by hand that miss the quarter",
                        422,
                        "invalid-payload",
                        target(Map.of(
                                "amountMinor",
                                9_000,
                                "breakdown",
                                "BY_HAND",
                                "months",
                                Map.of("2022-10", 3_000, "2022-11", 3_000, "2022-12", 2_999)))),
                // pages
                new Case(
                        "a page of no imports",
                        400,
                        "invalid-limit",
                        Attempt.get(PPC_FIGURES, PROMOTION + "/imports?storeId=" + STORE + "&limit=0")),
                new Case(
                        "a page of 501 imports",
                        400,
                        "invalid-limit",
                        Attempt.get(PPC_FIGURES, PROMOTION + "/imports?storeId=" + STORE + "&limit=501")),
                new Case(
                        "a page of 501 figures",
                        400,
                        "invalid-limit",
                        Attempt.get(PPC_FIGURES, PPC_FIGURES + "&limit=501")),
                // PPC rows as JSON: each refused row named with its field
                new Case(
                        "a PPC row of a day to come",
                        422,
                        "invalid-report-rows",
                        rows(Map.of("day", tomorrow, "region", "浙江", "impressions", 10)),
                        Map.of("$.errors[0].row", 1, "$.errors[0].field", "day")),
                new Case(
                        "a PPC row with negative spend",
                        422,
                        "invalid-report-rows",
                        rows(Map.of("day", "2022-07-06", "region", "浙江", "spendMinor", -500)),
                        Map.of("$.errors[0].row", 1, "$.errors[0].field", "spendMinor")),
                new Case(
                        "a PPC row with more clicks than impressions",
                        422,
                        "invalid-report-rows",
                        rows(Map.of("day", "2022-07-06", "region", "浙江", "impressions", 10, "clicks", 20)),
                        Map.of("$.errors[0].row", 1, "$.errors[0].field", "clicks")),
                // files for traffic and costs: refused at once
                new Case(
                        "a traffic file that is a picture",
                        400,
                        "file-refused",
                        traffic(new Upload("photo.csv", BINARY)),
                        Map.of("$.reason", "NOT_TEXT")),
                new Case(
                        "a traffic file with a column twice",
                        422,
                        "file-refused",
                        traffic(Upload.text("twice.csv", "统计日期,访客数,UV\n2022-09-01,10,10\n")),
                        Map.of("$.reason", "DUPLICATE_COLUMN", "$.column", "UV")),
                new Case(
                        "a traffic file of a day to come",
                        422,
                        "refused-rows",
                        traffic(Upload.text("future.csv", "统计日期,访客数,浏览量\n" + tomorrow + ",10,20\n")),
                        Map.of("$.errors[0].line", 2, "$.errors[0].column", "统计日期")),
                new Case(
                        "a cost file that is a picture",
                        400,
                        "file-refused",
                        costs(new Upload("photo.csv", BINARY)),
                        Map.of("$.reason", "NOT_TEXT")),
                new Case(
                        "a cost file with an unknown column",
                        422,
                        "file-refused",
                        costs(Upload.text("ledger.csv", "月份,类别,金额,利润\n2022-08,运费,1.00,5\n")),
                        Map.of("$.reason", "UNKNOWN_COLUMN", "$.column", "利润")),
                new Case(
                        "a cost file with a negative cost",
                        422,
                        "file-refused",
                        costs(Upload.text("ledger.csv", "月份,类别,金额\n2022-08,运费,1.00\n2022-08,其他,-5.00\n")),
                        Map.of("$.reason", "REFUSED_ROWS", "$.errors[0].line", 3, "$.errors[0].column", "金额")),
                // uploads over the limit (1 MB in the tests)
                new Case(
                        "a PPC file over the limit",
                        413,
                        "payload-too-large",
                        new Attempt(
                                PPC_FILE_FIGURES,
                                HttpMethod.POST,
                                PROMOTION + "/imports?storeId=" + STORE,
                                large(
                                        AnalyticsFixtures.ZTC_KEYWORD_HEADER,
                                        "2022-07-20,计划,6501234567,西湖龙井 250g,龙井茶,100,1,1.00%,1.00,1.00,0,0.00\n"))),
                new Case(
                        "a traffic file over the limit",
                        413,
                        "payload-too-large",
                        traffic(large("统计日期,访客数,浏览量\n", "2022-09-02,10,20\n"))),
                new Case(
                        "a cost file over the limit",
                        413,
                        "payload-too-large",
                        costs(large("月份,类别,金额\n", "2022-08,运费,1.00\n"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithItsProblemAndChangesNothing(Case bad) {
        Attempt attempt = bad.attempt();
        String before = read(attempt.watched());

        WebTestClient.BodyContentSpec problem = send(attempt)
                .expectStatus()
                .isEqualTo(bad.status())
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:storeops:problem:" + bad.type());
        bad.where().forEach((path, value) -> problem.jsonPath(path).isEqualTo(value));
        assertThat(read(attempt.watched()))
                .as("what the request named, after it")
                .isEqualTo(before);
    }

    /** A PPC file that is no report: the upload is taken (202), and its job fails naming why, keeping nothing. */
    record FailedFile(String name, byte[] content, String problemNames) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<FailedFile> reportsThatAreNone() {
        return Stream.of(
                new FailedFile("a picture", BINARY, null),
                new FailedFile(
                        "an unknown column",
                        "日期,关键词,展现量,点击量,花费(元),利润\n2022-07-21,龙井茶,100,10,10.00,5\n".getBytes(StandardCharsets.UTF_8),
                        "利润"),
                new FailedFile(
                        "no date column",
                        "关键词,展现量,点击量,花费(元)\n龙井茶,100,10,10.00\n".getBytes(StandardCharsets.UTF_8),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportsThatAreNone")
    void aPpcFileThatIsNoReportFailsItsJobNamingWhyAndChangesNothing(FailedFile file) {
        String before = read(PPC_FILE_FIGURES);

        String importId = new AnalyticsFixtures(http, kafka)
                .upload(PROMOTION + "/imports?storeId=" + STORE, manager(), "report.csv", file.content())
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("importId")
                .toString();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get()
                        .uri(PROMOTION + "/imports/{id}", importId)
                        .header(HttpHeaders.AUTHORIZATION, manager())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("FAILED")
                        .jsonPath("$.problem")
                        .value(problem -> assertThat((String) problem)
                                .isNotBlank()
                                .contains(file.problemNames() == null ? "" : file.problemNames())));
        assertThat(read(PPC_FILE_FIGURES)).as("the figures, after it").isEqualTo(before);
    }

    private WebTestClient.ResponseSpec send(Attempt attempt) {
        if (attempt.body() instanceof Upload upload) {
            return new AnalyticsFixtures(http, kafka).upload(attempt.uri(), manager(), upload.name(), upload.content());
        }
        WebTestClient.RequestBodySpec request =
                http.method(attempt.method()).uri(attempt.uri()).header(HttpHeaders.AUTHORIZATION, manager());
        return attempt.body() == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(attempt.body())
                        .exchange();
    }

    private String read(String watched) {
        var answer = http.get()
                .uri(watched)
                .header(HttpHeaders.AUTHORIZATION, manager())
                .exchange()
                .returnResult(String.class);
        return answer.getStatus().value() + " "
                + String.join("", answer.getResponseBody().collectList().block());
    }

    private static String manager() {
        return staff(StaffRole.MANAGER, STORE);
    }

    /** PPC rows as JSON: a good one first, then {@code bad} (row 1). */
    private static Attempt rows(Map<String, Object> bad) {
        Map<String, Object> good = Map.of("day", "2022-07-05", "region", "上海", "impressions", 100, "clicks", 5);
        return new Attempt(
                PPC_FIGURES,
                HttpMethod.POST,
                PROMOTION + "/rows",
                Map.of("storeId", STORE, "source", "TAOBAO_ZTC", "rows", List.of(good, bad)));
    }

    private static Attempt rows(String json) {
        return new Attempt(PPC_FIGURES, HttpMethod.POST, PROMOTION + "/rows", json);
    }

    private static Attempt cost(Object body) {
        return new Attempt(COST_MONTH, HttpMethod.POST, COST_MONTH + "/entries", body);
    }

    private static Attempt target(Object body) {
        return new Attempt(TARGET, HttpMethod.PUT, TARGET, body);
    }

    private static Attempt traffic(Upload file) {
        return new Attempt(TRAFFIC, HttpMethod.POST, "/api/analytics/traffic/imports?storeId=" + STORE, file);
    }

    private static Attempt costs(Upload file) {
        return new Attempt(COST_MONTH, HttpMethod.POST, COSTS + "/imports", file);
    }

    /** A file of {@code header} and as many {@code row}s as take it over 1 MB. */
    private static Upload large(String header, String row) {
        StringBuilder large = new StringBuilder(header);
        while (large.length() <= 1024 * 1024) {
            large.append(row);
        }
        return Upload.text("large.csv", large.toString());
    }
}
