package io.storeops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Money;
import io.storeops.contracts.OrderLine;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.test.ServiceTest;
import io.storeops.platform.test.TestHttp;
import io.storeops.platform.test.TestTokens;
import io.storeops.refund.sheet.RefundSheetProperties;
import io.storeops.refund.sheet.RefundSheets;
import io.storeops.refund.sheet.web.DailyRefundSheets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The refund sheet over HTTP, of cases entered and decided at the desk with real Kafka records,
 * and the daily sheet written to the team's folder.
 */
@ServiceTest
class RefundSheetServiceTest {

    private static final String STORE = "tmall-flagship";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String CS = TestTokens.bearer("cs.li", StaffRole.CS_AFTERSALE, STORE);
    private static final String SUPERVISOR = TestTokens.bearer("sup.chen", StaffRole.SUPERVISOR, STORE);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    RefundSheets sheets;

    @Autowired
    StoreCatalog stores;

    @TempDir
    Path folder;

    private DeskSteps steps;

    @BeforeEach
    void steps() {
        steps = new DeskSteps(http, kafka);
    }

    @Test
    void theSupervisorDownloadsTheStoresDaysWithTheCaseAndTheTotalOfItsReason() throws IOException {
        String reason = ownReason();
        String caseId = approvedReturn(reason);
        LocalDate from = today().minusDays(1);
        LocalDate to = today().plusDays(1);

        byte[] xlsx = http.get()
                .uri("/api/refund-sheets?storeId={store}&from={from}&to={to}", STORE, from, to)
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(XLSX)
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition)
                                .startsWith("attachment")
                                .contains("refunds-tmall-flagship-" + from + "-" + to + ".xlsx"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row refund = rowWith(workbook.getSheet("Cases"), 1, caseId);
            assertThat(refund.getCell(3).getStringCellValue()).isEqualTo("AWAITING_RETURN");
            assertThat(refund.getCell(4).getStringCellValue()).isEqualTo(reason);
            assertThat(refund.getCell(7).getStringCellValue()).isEqualTo("cs.li");
            assertThat(refund.getCell(8).getStringCellValue()).isEqualTo("sup.chen");
            assertThat(refund.getCell(11).getNumericCellValue()).isEqualTo(30.0);
            Row total = rowWith(workbook.getSheet("Totals by reason"), 0, reason);
            assertThat(total.getCell(2).getNumericCellValue()).as("cases").isEqualTo(1.0);
            assertThat(total.getCell(3).getNumericCellValue()).as("asked").isEqualTo(30.0);
        }
    }

    @Test
    void theCsvHasTheCasesTheFiltersLeave() {
        String caseId = approvedReturn(ownReason());

        String returns = csv("&type=RETURN_AND_REFUND&status=AWAITING_RETURN");

        assertThat(returns).startsWith("\uFEFF订单 Order,售后单 Case,").contains(caseId);
        assertThat(csv("&type=REFUND_ONLY")).doesNotContain(caseId);
    }

    @Test
    void aBadRangeStateOrFormatIsAProblemSayingWhich() {
        assertThat(problem("from=2026-11-29&to=2026-11-28").get("type").asString())
                .isEqualTo("urn:storeops:problem:invalid-range");
        assertThat(problem("from=2025-01-01&to=2026-01-02").get("detail").asString())
                .contains("at most 366 days");
        JsonNode state = problem("from=2026-11-01&to=2026-11-30&status=PAID");
        assertThat(state.get("type").asString()).isEqualTo("urn:storeops:problem:invalid-parameter");
        assertThat(state.get("parameter").asString()).isEqualTo("status");
        assertThat(problem("from=2026-11-01&to=2026-11-30&format=pdf")
                        .get("parameter")
                        .asString())
                .isEqualTo("format");
        assertThat(problem("from=2026-11-31&to=2026-12-01").get("parameter").asString())
                .isEqualTo("from");
    }

    @Test
    void afterTheStoresMidnightItsDayBeforeIsWrittenToTheFolderOnceAndWhole() throws IOException {
        String caseId = approvedReturn(ownReason());
        LocalDate caseDay = LocalDate.ofInstant(openedAt(caseId), SHANGHAI);
        Path sheet = folder.resolve("refunds-tmall-flagship-" + caseDay + ".xlsx");

        assertThat(dailyAt(caseDay.atTime(23, 50)).writeDue().collectList().block())
                .as("before the store's midnight, the sheet of the day before")
                .contains(folder.resolve("refunds-tmall-flagship-" + caseDay.minusDays(1) + ".xlsx"))
                .doesNotContain(sheet);
        DailyRefundSheets afterMidnight = dailyAt(caseDay.plusDays(1).atTime(0, 10));
        assertThat(afterMidnight.writeDue().collectList().block()).contains(sheet);
        try (InputStream in = Files.newInputStream(sheet);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            rowWith(workbook.getSheet("Cases"), 1, caseId);
        }

        Files.writeString(sheet, "the team's copy");
        assertThat(afterMidnight.writeDue().collectList().block())
                .as("nothing written twice")
                .isEmpty();
        assertThat(Files.readString(sheet)).isEqualTo("the team's copy");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no unfinished file left behind")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }

    /** A reason of the test's own, so that its total counts this case alone among the store's. */
    private static String ownReason() {
        return "sheet " + UUID.randomUUID();
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** A glass cup sent back for {@code reason}, entered by customer service and approved by the supervisor. */
    private String approvedReturn(String reason) {
        String orderId = steps.paidOrder(
                STORE,
                List.of(new OrderLine("CUP-GL-01", "Glass cup", 1, new Money(3000, "CNY"))),
                0,
                3000,
                "CNY",
                SUPERVISOR);
        String caseId = steps.post(
                        "/api/refunds",
                        CS,
                        Map.of(
                                "orderId",
                                orderId,
                                "type",
                                "RETURN_AND_REFUND",
                                "reason",
                                reason,
                                "goodsReceived",
                                true,
                                "lines",
                                List.of(Map.of("lineIndex", 0, "quantity", 1, "amountMinor", 3000))),
                        201)
                .get("refundCase")
                .get("caseId")
                .asString();
        steps.post("/api/refunds/" + caseId + "/approval", SUPERVISOR, Map.of("note", "photos"), 200);
        return caseId;
    }

    private Instant openedAt(String caseId) {
        return Instant.parse(TestHttp.read(http, "/api/refunds/" + caseId, CS)
                .get("refundCase")
                .get("openedAt")
                .asString());
    }

    private String csv(String filters) {
        byte[] body = http.get()
                .uri("/api/refund-sheets?storeId=" + STORE + "&from=" + today().minusDays(1) + "&to="
                        + today().plusDays(1) + "&format=csv" + filters)
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private JsonNode problem(String query) {
        return http.get()
                .uri("/api/refund-sheets?storeId=" + STORE + "&" + query)
                .header(HttpHeaders.AUTHORIZATION, SUPERVISOR)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The daily sheets as written at {@code shanghaiTime}, into the test's folder. */
    private DailyRefundSheets dailyAt(LocalDateTime shanghaiTime) {
        Clock clock = Clock.fixed(shanghaiTime.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC);
        return new DailyRefundSheets(sheets, stores, clock, new RefundSheetProperties(folder.toString(), null));
    }

    private static Row rowWith(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
    }
}
