package io.storeops.console.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.storeops.console.ServiceStubs.json;
import static io.storeops.console.ServiceStubs.read;
import static io.storeops.console.SignedIn.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storeops.console.ConsoleTest;
import io.storeops.console.ServiceStubs;
import io.storeops.console.SignedIn;
import io.storeops.console.StubServices;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The warehouse's pages against fulfillment-service's answers: the batch page for the clerk, the
 * warehouse and the manager, the scan desk, stock with its import report, parcels in trouble and
 * returns receiving — what they show, what they send, how refusals read.
 */
@ConsoleTest
class WarehousePagesTest {

    private static final String BATCH = "/api/dispatch-batches/tmall-flagship-2026-11-28";
    /** A shipment's route as the console calls it: the id is a path variable, so its ':' arrives encoded. */
    private static final String PARCEL = "/api/shipments/shp-tmall-flagship%3AT2001";

    @Autowired
    WebTestClient http;

    private final WireMockServer services = StubServices.server();
    private SignedIn warehouse;

    @BeforeEach
    void signInAsTheWarehouse() {
        services.resetAll();
        ServiceStubs.desk("another-token", "orders/desk-warehouse.json");
        ServiceStubs.warehouseDesk("another-token", "warehouse/desk-warehouse.json");
        ServiceStubs.desk("secret-bearer-token", "orders/desk-cs-aftersale.json");
        ServiceStubs.warehouseDesk("secret-bearer-token", "warehouse/desk-cs-aftersale.json");
        ServiceStubs.desk("clerk-token", "warehouse/desk-order-clerk-orders.json");
        ServiceStubs.warehouseDesk("clerk-token", "warehouse/desk-order-clerk.json");
        services.stubFor(get(urlEqualTo(BATCH)).willReturn(json(200, "warehouse/batch-open.json")));
        warehouse = SignedIn.as(http, "dev-warehouse");
    }

    @Test
    void theWarehouseDeskJoinsTheMenuAndTheHomePageAndItsAbsenceLeavesTheOrderDesk() {
        assertThat(warehouse.page("/"))
                .contains("Dispatch batches", "Stock", "Parcels in trouble", "Returns")
                .contains("data-queue=\"batch\">3<", "data-queue=\"exceptions\">1<", "data-queue=\"returns\">1<");

        services.stubFor(get(urlPathEqualTo("/api/warehouse-desk"))
                .willReturn(aResponse().withStatus(503)));
        assertThat(warehouse.page("/")).doesNotContain("Dispatch batches").contains("Home");
    }

    @Test
    void theClerksBatchPageCountsDownToTheCutOffAndCutsOffEarly() {
        services.stubFor(get(urlPathEqualTo("/api/dispatch-batches/schedule"))
                .withQueryParam("storeId", equalTo("tmall-flagship"))
                .willReturn(json(200, "warehouse/schedule.json")));
        services.stubFor(get(urlPathEqualTo("/api/dispatch-batches")).willReturn(json(200, "warehouse/batches.json")));
        SignedIn clerk = SignedIn.as(http, "dev-order-clerk").inChinese();

        assertThat(clerk.page("/batches?store=tmall-flagship"))
                .contains("2026-11-29 14:00:00", "tmall-flagship-2026-11-29", "2027-02-06", "立即截单", "未结")
                .contains("data-until=\"2026-11-29T06:00:00Z\"");
        assertThat(warehouse.page("/batches?store=tmall-flagship")).doesNotContain("id=\"cut-off\"");

        services.stubFor(post(urlEqualTo("/api/dispatch-batches")).willReturn(json(201, "warehouse/batch-open.json")));
        clerk.post("/batches", form("store", "tmall-flagship"))
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/batches/tmall-flagship-2026-11-28");
        services.verify(postRequestedFor(urlEqualTo("/api/dispatch-batches"))
                .withHeader("Authorization", equalTo("Bearer clerk-token"))
                .withRequestBody(equalToJson("{\"storeId\": \"tmall-flagship\"}")));

        services.stubFor(post(urlEqualTo("/api/dispatch-batches"))
                .willReturn(json(
                        409,
                        "{\"type\": \"urn:storeops:problem:batch-exists\", \"status\": 409, \"detail\": \"cut off already\","
                                + " \"batchId\": \"tmall-flagship-2026-11-29\"}")));
        assertThat(clerk.post("/batches", form("store", "tmall-flagship"))
                        .expectStatus()
                        .isEqualTo(409)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("下一批次已截单");
    }

    @Test
    void theWarehouseSeesWhatToCheckWhatToPullAndWhatStillNeedsExplainingBeforeClosing() {
        String page = warehouse.page("/batches/tmall-flagship-2026-11-28");

        assertThat(page)
                .contains("Pull this parcel: a refund was approved.", "TEA-LJ-250 × 2", "Buyer urged")
                .contains("id=\"work-shp-tmall-flagship:T2001\"", "id=\"explain-shp-tmall-flagship:T2001\"")
                .doesNotContain("id=\"work-shp-tmall-flagship:T2002\"", "id=\"work-shp-tmall-flagship:T2003\"")
                .contains("Complete (dev-warehouse)")
                .doesNotContain("id=\"explain-shp-tmall-flagship:T2002\"", "id=\"mark-printed\"", "id=\"acknowledge\"")
                .contains("/batches/tmall-flagship-2026-11-28/documents/waybills", "All documents (zip)")
                .contains("id=\"scan-code\"");
    }

    @Test
    void theOrderNumberOfASplitOrderFindsItsParcelStillToGoAndTheListSaysWhichParcelIsWhich() {
        String firstLeft = "{\"shipmentId\": \"shp-tmall-flagship:T2001\", \"orderId\": \"tmall-flagship:T2001\","
                + " \"status\": \"DISPATCHED\", \"buyer\": \"张伟\", \"carrierToUse\": \"SF\", \"urged\": false, \"pull\": false,"
                + " \"trackingNumber\": \"SF1234567890128\", \"lines\": [{\"sku\": \"TEA-LJ-250\", \"quantity\": 2}],"
                + " \"dispatchedBy\": \"wh.zhao\", \"dispatchedAt\": \"2026-11-28T06:40:00Z\", \"parcel\": 1},\n"
                + "  {\"shipmentId\": \"shp-2~tmall-flagship:T2001\", \"orderId\": \"tmall-flagship:T2001\","
                + " \"status\": \"READY\", \"buyer\": \"张伟\", \"carrierToUse\": \"SF\", \"urged\": false, \"pull\": false,"
                + " \"lines\": [{\"sku\": \"CUP-QC-01\", \"quantity\": 1}], \"parcel\": 2},\n";
        String batch = read("warehouse/batch-open.json");
        services.stubFor(get(urlEqualTo(BATCH))
                .willReturn(json(
                        200,
                        batch.substring(0, batch.indexOf("  {\"shipmentId\": \"shp-tmall-flagship:T2001\""))
                                + firstLeft
                                + batch.substring(batch.indexOf("  {\"shipmentId\": \"shp-tmall-flagship:T2002\"")))));

        assertThat(warehouse.page("/batches/tmall-flagship-2026-11-28")).contains("parcel 1 of 2", "parcel 2 of 2");
        assertThat(warehouse
                        .post("/batches/tmall-flagship-2026-11-28/scan", form("code", "T2001"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Parcel shp-2~tmall-flagship:T2001 for 张伟", "CUP-QC-01 × 1");
    }

    @Test
    void scanningAnOutboundSlipAsksForTheCheckThenTheCarriersLabelAndAWrongNumberStaysOnTheDesk() {
        String found = warehouse
                .post("/batches/tmall-flagship-2026-11-28/scan", form("code", "shp-tmall-flagship:T2001"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(found)
                .contains("Parcel shp-tmall-flagship:T2001 for 张伟", "TEA-LJ-250 × 2", "id=\"scan-check\"")
                .doesNotContain("id=\"scan-tracking\""); // checked first, then dispatched
        assertThat(warehouse
                        .post("/batches/tmall-flagship-2026-11-28/scan", form("code", "T9999"))
                        .expectStatus()
                        .isNotFound()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("T9999 is not a parcel of this batch.");

        services.stubFor(
                post(urlEqualTo(PARCEL + "/inspection")).willReturn(json(200, "warehouse/shipment-in-trouble.json")));
        services.stubFor(get(urlEqualTo(BATCH)).willReturn(json(200, checkedBatch())));
        String checked = warehouse
                .post(
                        "/batches/tmall-flagship-2026-11-28/shipments/shp-tmall-flagship:T2001/inspection",
                        form("view", "scan", "complete", "true"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(checked)
                .contains(
                        "Check recorded.",
                        "id=\"scan-tracking\"",
                        "<option value=\"SF\" selected=\"selected\">SF</option>")
                .doesNotContain("id=\"scan-check\"");

        assertThat(warehouse
                        .post(
                                "/batches/tmall-flagship-2026-11-28/shipments/shp-tmall-flagship:T2001/dispatch",
                                form("carrier", "SF", "trackingNumber", "shp-tmall-flagship:T2001"))
                        .expectStatus()
                        .isEqualTo(422)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("That is our own label");
        services.stubFor(post(urlEqualTo(PARCEL + "/dispatch"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:tracking-number\", \"status\": 422, \"carrier\": \"SF\","
                                + " \"trackingNumber\": \"SF12\", \"reason\": \"FORMAT\","
                                + " \"detail\": \"'SF12' is not a SF Express tracking number\"}")));
        String refused = warehouse
                .post(
                        "/batches/tmall-flagship-2026-11-28/shipments/shp-tmall-flagship:T2001/dispatch",
                        form("carrier", "SF", "trackingNumber", "SF12"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused)
                .contains("SF12 is not a tracking number of SF: scan the carrier&#39;s label again.")
                .contains("id=\"scan-tracking\"", "value=\"SF12\"");

        services.stubFor(post(urlEqualTo(PARCEL + "/dispatch"))
                .willReturn(json(
                        200,
                        read("warehouse/shipment-in-trouble.json")
                                .replace("T2003", "T2001")
                                .replace("SF1234567890123", "SF1234567890128"))));
        String dispatched = warehouse
                .post(
                        "/batches/tmall-flagship-2026-11-28/shipments/shp-tmall-flagship:T2001/dispatch",
                        form("carrier", "SF", "trackingNumber", "SF1234567890128"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(dispatched)
                .contains("shp-tmall-flagship:T2001 went out with SF SF1234567890128.", "id=\"scan-code\"")
                .doesNotContain("id=\"scan-tracking\"", "id=\"feedback\"");
        services.verify(2, postRequestedFor(urlEqualTo(PARCEL + "/dispatch")));
        services.verify(postRequestedFor(urlEqualTo(PARCEL + "/dispatch"))
                .withHeader("Authorization", equalTo("Bearer another-token"))
                .withRequestBody(equalToJson("{\"carrier\": \"SF\", \"trackingNumber\": \"SF1234567890128\"}")));
    }

    /** The open batch after T2001's complete check. */
    private static String checkedBatch() {
        return read("warehouse/batch-open.json")
                .replaceFirst(
                        "\"inspection\": null",
                        "\"inspection\": {\"complete\": true, \"note\": null, \"by\": \"dev-warehouse\","
                                + " \"at\": \"2026-11-28T06:50:00Z\"}");
    }

    @Test
    void aMismatchAndTheClosingSendWhatTheWarehouseWroteAndARefusedCloseKeepsIt() {
        services.stubFor(
                post(urlEqualTo(PARCEL + "/inspection")).willReturn(json(200, "warehouse/shipment-in-trouble.json")));
        services.stubFor(post(urlEqualTo(BATCH + "/close"))
                .willReturn(json(
                        409,
                        "{\"type\": \"urn:storeops:problem:batch-state\", \"status\": 409, \"currentStatus\": \"OPEN\","
                                + " \"detail\": \"shp-tmall-flagship:T2001 is neither dispatched nor explained\"}")));

        warehouse
                .post(
                        "/batches/tmall-flagship-2026-11-28/shipments/shp-tmall-flagship:T2001/inspection",
                        form("view", "scan", "complete", "false", "note", "gift box missing"))
                .expectStatus()
                .isOk();
        String refused = warehouse
                .post(
                        "/batches/tmall-flagship-2026-11-28/close",
                        form(
                                "explain.shp-tmall-flagship:T2001",
                                "gift box on its way",
                                "explain.shp-tmall-flagship:T2004",
                                " "))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(refused)
                .contains(
                        "Not possible now (the batch is Open): shp-tmall-flagship:T2001 is neither dispatched nor explained")
                .contains("value=\"gift box on its way\"");
        services.verify(postRequestedFor(urlEqualTo(PARCEL + "/inspection"))
                .withRequestBody(equalToJson("{\"complete\": false, \"note\": \"gift box missing\"}")));
        services.verify(postRequestedFor(urlEqualTo(BATCH + "/close"))
                .withRequestBody(
                        equalToJson("{\"explanations\": {\"shp-tmall-flagship:T2001\": \"gift box on its way\"}}")));

        services.stubFor(
                post(urlEqualTo(BATCH + "/close"))
                        .willReturn(
                                json(
                                        200,
                                        read("warehouse/batch-open.json")
                                                .replace("\"status\": \"OPEN\"", "\"status\": \"CLOSED\"")
                                                .replace(
                                                        "\"closing\": null",
                                                        "\"closing\": {\"by\": \"dev-warehouse\", \"at\": \"2026-11-28T10:00:00Z\","
                                                                + " \"dispatchedCount\": 1, \"rolledOn\": [\"shp-tmall-flagship:T2001\"],"
                                                                + " \"explanations\": {\"shp-tmall-flagship:T2001\": \"gift box on its way\"}}"))));
        assertThat(warehouse
                        .post(
                                "/batches/tmall-flagship-2026-11-28/close",
                                form("explain.shp-tmall-flagship:T2001", "gift box on its way"))
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains(
                        "Batch closed: the daily report goes to the manager.",
                        "dev-warehouse, Nov 28, 2026, 6:00:00 PM: 1 dispatched")
                .contains("shp-tmall-flagship:T2001 did not go out: gift box on its way")
                .doesNotContain("id=\"close-batch\"", "id=\"scan-code\"");
    }

    @Test
    void withoutTheWarehouseDeskItsPagesAreUnavailableNotForbiddenAndAnExpiredTokenSignsInAgain() {
        services.stubFor(get(urlPathEqualTo("/api/warehouse-desk"))
                .willReturn(aResponse().withFixedDelay(5000)));
        warehouse
                .get("/batches?store=tmall-flagship")
                .expectStatus()
                .isEqualTo(503)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("not reachable"));

        ServiceStubs.warehouseDesk("another-token", "warehouse/desk-warehouse.json");
        services.stubFor(post(urlEqualTo(BATCH + "/close"))
                .willReturn(
                        json(401, "{\"type\": \"urn:storeops:problem:authentication-required\", \"status\": 401}")));
        warehouse
                .post("/batches/tmall-flagship-2026-11-28/close", form())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("HX-Redirect", "/sign-in?expired");
    }

    @Test
    void aSecondStampIsExplainedInTheReadersLanguageWithTheBatchAsItStands() {
        services.stubFor(
                post(urlEqualTo(BATCH + "/printed"))
                        .willReturn(
                                json(
                                        409,
                                        "{\"type\": \"urn:storeops:problem:batch-state\", \"status\": 409, \"currentStatus\": \"OPEN\","
                                                + " \"detail\": \"Batch tmall-flagship-2026-11-28 was printed and stamped by dev-order-clerk.\"}")));
        SignedIn clerk = SignedIn.as(http, "dev-order-clerk").inChinese();

        String answer = clerk.post("/batches/tmall-flagship-2026-11-28/printed", form())
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer)
                .startsWith("<section id=\"batch\"")
                .contains(
                        "现在不能这样做（批次状态：未结）",
                        "was printed and stamped by dev-order-clerk",
                        "dev-order-clerk，2026-11-28 14:20:00");
    }

    @Test
    void documentsComeThroughWithTheirFileNamesAndAnUnknownKindIsNotFound() {
        services.stubFor(get(urlEqualTo(BATCH + "/documents/waybills"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withHeader("Content-Disposition", "attachment; filename=\"waybills.pdf\"")
                        .withBody("%PDF-1.7 stub".getBytes(StandardCharsets.US_ASCII))));

        warehouse
                .get("/batches/tmall-flagship-2026-11-28/documents/waybills")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/pdf")
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"waybills.pdf\"")
                .expectBody(String.class)
                .isEqualTo("%PDF-1.7 stub");
        warehouse
                .get("/batches/tmall-flagship-2026-11-28/documents/receipts")
                .expectStatus()
                .isNotFound();
    }

    @Test
    void stockPagesOnAndAnImportShowsItsRefusedRows() {
        services.stubFor(get(urlPathEqualTo("/api/stock")).willReturn(json(200, "warehouse/stock-page.json")));
        services.stubFor(post(urlEqualTo("/api/stock/tmall-flagship/imports"))
                .willReturn(json(200, "warehouse/import-report.json")));

        assertThat(warehouse.page("/stock?store=tmall-flagship"))
                .contains("TEA-LJ-250", ">9<", "cursor=c1", "id=\"stock-file\"");
        String report = warehouse
                .postFile(
                        "/stock/tmall-flagship/imports",
                        "file",
                        "count.csv",
                        "sku,onHand\nTEA-LJ-250,12\n".getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "stock-changed") // the levels on the page fetch themselves again
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(report)
                .contains("count.csv: 2 of 3 rows applied.", "Refused rows: 1", "onHand must be a whole number");
        assertThat(warehouse.fragment("/stock?store=tmall-flagship&part=levels"))
                .startsWith("<div id=\"stock-levels\"")
                .contains("TEA-LJ-250")
                .doesNotContain("<html");
        warehouse
                .postFile("/stock/tmall-flagship/imports", "file", "count.csv", "sku,onHand\n".getBytes(), false)
                .expectStatus()
                .isForbidden(); // the form token travels in a header: the body of an upload is not read for it
        assertThat(warehouse
                        .postFile("/stock/tmall-flagship/imports", "other", "count.csv", new byte[] {1})
                        .expectStatus()
                        .isEqualTo(422)
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("Choose a CSV or XLSX file first.");
        services.verify(1, postRequestedFor(urlEqualTo("/api/stock/tmall-flagship/imports")));
        services.verify(postRequestedFor(urlEqualTo("/api/stock/tmall-flagship/imports"))
                .withAnyRequestBodyPart(aMultipart("file")
                        .withHeader("Content-Disposition", containing("filename=\"count.csv\""))
                        .withBody(equalTo("sku,onHand\nTEA-LJ-250,12\n"))));
    }

    @Test
    void aRefusedAdjustmentKeepsWhatWasTypedAndARecordedOneClearsTheFormAndRefreshesTheLevels() {
        services.stubFor(post(urlEqualTo("/api/stock/tmall-flagship/TEA-LJ-250/adjustments"))
                .willReturn(json(
                        422,
                        "{\"type\": \"urn:storeops:problem:invalid-payload\", \"status\": 422,"
                                + " \"detail\": \"only 9 units on hand\"}")));
        String refused = warehouse
                .post(
                        "/stock/tmall-flagship/adjustments",
                        form("sku", "TEA-LJ-250", "delta", "-20", "reason", "breakage"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).contains("only 9 units on hand", "value=\"-20\"", "value=\"breakage\"");

        services.stubFor(post(urlEqualTo("/api/stock/tmall-flagship/TEA-LJ-250/adjustments"))
                .willReturn(json(200, "{}")));
        warehouse
                .post(
                        "/stock/tmall-flagship/adjustments",
                        form("sku", "TEA-LJ-250", "delta", "-2", "reason", "breakage"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "stock-changed")
                .expectBody(String.class)
                .value(answer -> assertThat(answer)
                        .contains("TEA-LJ-250: -2 units recorded.")
                        .doesNotContain("value=\"-2\""));
        services.verify(postRequestedFor(urlEqualTo("/api/stock/tmall-flagship/TEA-LJ-250/adjustments"))
                .withRequestBody(equalToJson("{\"delta\": -2, \"reason\": \"breakage\"}")));
    }

    @Test
    void customerServiceFollowsAParcelInTroubleUpAndResolvesIt() {
        services.stubFor(get(urlPathEqualTo("/api/shipment-exceptions"))
                .willReturn(json(200, "[" + read("warehouse/shipment-in-trouble.json") + "]")));
        services.stubFor(
                post(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2003/trouble/resolution"))
                        .willReturn(
                                json(
                                        200,
                                        read("warehouse/shipment-in-trouble.json")
                                                .replace("\"open\": true", "\"open\": false")
                                                .replace(
                                                        "\"resolution\": null",
                                                        "\"resolution\": {\"outcome\": \"RETURN\", \"note\": \"buyer refused\","
                                                                + " \"by\": \"dev-cs-aftersale\", \"at\": \"2026-11-29T03:00:00Z\"}"))));
        SignedIn cs = SignedIn.as(http, "dev-cs-aftersale");

        assertThat(cs.page("/shipment-exceptions?store=tmall-flagship"))
                .contains("Delivery attempt failed", "收件人不在", "已联系买家", "Deliver again", "Resolve");
        String card = cs.post(
                        "/shipments/shp-tmall-flagship:T2003/trouble/resolution",
                        form("outcome", "RETURN", "note", "buyer refused"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(card)
                .startsWith("<li")
                .contains("Resolved: Return to the store.")
                .doesNotContain("<form");
        services.verify(postRequestedFor(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2003/trouble/resolution"))
                .withRequestBody(equalToJson("{\"outcome\": \"RETURN\", \"note\": \"buyer refused\"}")));
        assertThat(warehouse.page("/shipment-exceptions?store=tmall-flagship")).doesNotContain("Resolve</button>");
    }

    @Test
    void theWarehouseReceivesAReturnLineByLineAndCountsThatAreNotUnitsAreRefusedHere() {
        services.stubFor(get(urlPathEqualTo("/api/returns"))
                .willReturn(json(200, "[" + read("warehouse/shipment-awaiting-return.json") + "]")));
        services.stubFor(get(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2004"))
                .willReturn(json(200, "warehouse/shipment-awaiting-return.json")));
        services.stubFor(post(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2004/returns/rf-77/receipt"))
                .willReturn(json(
                        200, read("warehouse/shipment-awaiting-return.json").replace("APPROVED", "RECEIVED"))));

        assertThat(warehouse.page("/returns?store=tmall-flagship"))
                .contains("Return for refund rf-77", "name=\"resellable\" value=\"2\"");
        warehouse
                .post(
                        "/shipments/shp-tmall-flagship:T2004/returns/rf-77/receipt",
                        form("sku", "TEA-LJ-250", "resellable", "one", "damaged", "1", "missing", "0"))
                .expectStatus()
                .isEqualTo(422)
                .expectBody(String.class)
                .value(card -> assertThat(card).contains("Counts are whole numbers of units."));
        String card = warehouse
                .post(
                        "/shipments/shp-tmall-flagship:T2004/returns/rf-77/receipt",
                        form(
                                "sku",
                                "TEA-LJ-250",
                                "resellable",
                                "1",
                                "damaged",
                                "1",
                                "missing",
                                "",
                                "note",
                                "box dented"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(card)
                .contains("Received and inspected: resellable units are back in stock.")
                .doesNotContain("<form");
        services.verify(
                1, postRequestedFor(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2004/returns/rf-77/receipt")));
        services.verify(postRequestedFor(urlEqualTo("/api/shipments/shp-tmall-flagship%3AT2004/returns/rf-77/receipt"))
                .withRequestBody(equalToJson("{\"lines\": [{\"sku\": \"TEA-LJ-250\", \"resellable\": 1, \"damaged\": 1,"
                        + " \"missing\": 0}], \"note\": \"box dented\"}")));
    }
}
