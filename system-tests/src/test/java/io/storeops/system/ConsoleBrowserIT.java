package io.storeops.system;

import static io.storeops.system.StandaloneSystem.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storeops.console.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser against the running standalone: customer service signs in, works
 * a held order from the review queue to released, corrects a doubtful address, cancels an order,
 * sees a refusal explained, searches and exports, in English and in Chinese; the warehouse sees
 * orders and nothing it may not do; and the warehouse's day: a stock count imported, the clerk's
 * cut-off and stamp, the scan desk, a pulled parcel, the close, the manager's acknowledgement and
 * a parcel in trouble followed up. Each screen is photographed into {@code target/screenshots}
 * (the README's pictures are copies of them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NOTE = "T-NOTE-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String DOUBTFUL =
            "T-ADDR-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String PLAIN =
            "T-PLAIN-" + UUID.randomUUID().toString().substring(0, 6);

    @RegisterExtension
    static final StandaloneSystem system = StandaloneSystem.forTestClass();

    @Test
    @Order(1)
    void customerServiceWorksTheOrderDeskInEnglish() throws Exception {
        paid(NOTE, Storefronts.nativeOrder(NOTE)); // the buyer's note sends it to review
        paid(DOUBTFUL, Storefronts.nativeOrder(DOUBTFUL).replace("\"phone\":\"13800138000\"", "\"phone\":null"));
        paid(PLAIN, Storefronts.nativeOrder(PLAIN).replace("\"buyerNote\":\"请发顺丰\",", ""));
        awaitHeld(NOTE);
        awaitHeld(DOUBTFUL);

        try (Browser browser = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            browser.open("/");
            assertThat(browser.path()).isEqualTo("/sign-in");
            browser.screenshot("sign-in");
            browser.signIn("dev-cs-aftersale");

            WebElement reviewCount = browser.find(By.cssSelector("#store-tmall-flagship [data-queue=review]"));
            assertThat(Long.parseLong(reviewCount.getText())).isGreaterThanOrEqualTo(2);
            browser.screenshot("home");

            browser.find(By.cssSelector("#store-tmall-flagship a[href^='/review']"))
                    .click();
            WebElement row = browser.find(By.id("held-" + NOTE));
            assertThat(row.getText()).contains("Buyer's note", "请发顺丰", "CN¥295.00");
            browser.screenshot("review-queue");
            WebElement comment = row.findElement(By.name("text"));
            comment.sendKeys("Called the buyer: SF confirmed", Keys.ENTER); // the keyboard alone releases it
            browser.waitForText(By.cssSelector("#held-" + NOTE + " .release"), "Released by dev-cs-aftersale");
            assertThat(browser.path()).as("no page reload").isEqualTo("/review");

            browser.open("/orders/tmall-flagship:" + DOUBTFUL);
            assertThat(browser.find(By.id("address-doubts")).getText()).contains("The phone number is missing.");
            browser.find(By.cssSelector("#address summary")).click();
            WebElement phone = browser.find(By.id("address-phone"));
            assertThat(phone.getAttribute("aria-invalid")).isEqualTo("true");
            browser.find(By.id("address-line1")).clear();
            browser.find(By.id("address-line1")).sendKeys("文三路 90 号 5 幢 302");
            browser.find(By.cssSelector(".address-form button")).click();
            browser.waitForText(By.id("problem"), "The address is still doubtful");
            assertThat(browser.find(By.id("doubt-phone")).getText()).isEqualTo("The phone number is missing.");
            browser.screenshot("address-correction");
            browser.find(By.id("address-phone")).sendKeys("13800138000");
            browser.find(By.cssSelector(".address-form button")).click();
            browser.waitForText(By.id("feedback"), "The address is corrected.");
            assertThat(browser.pageText()).contains("The address looks deliverable.", "文三路 90 号 5 幢 302");
            browser.find(By.xpath("//summary[.='Write the memo']")).click();
            browser.find(By.id("memo-carrier")).sendKeys("YTO");
            browser.find(By.id("memo-note")).sendKeys("周六送达");
            browser.find(By.id("memo-save")).click();
            browser.waitForText(By.id("feedback"), "The seller's memo is saved.");
            assertThat(browser.find(By.id("seller-memo")).getText()).contains("YTO", "周六送达", "dev-cs-aftersale");

            browser.open("/orders/tmall-flagship:" + PLAIN);
            browser.find(By.id("cancel-text")).sendKeys("Buyer ordered twice");
            browser.find(By.id("cancel")).click();
            browser.acceptConfirmation();
            browser.waitForText(By.id("order-status"), "Cancelled");
            assertThat(browser.pageText())
                    .contains("The order is cancelled.", "dev-cs-aftersale cancelled it: Buyer ordered twice");
            assertThat(browser.has(By.id("cancel")))
                    .as("nothing left to cancel")
                    .isFalse();
            browser.screenshot("order-detail");

            browser.open("/orders/tmall-flagship:" + NOTE);
            browser.find(By.id("hold-text"));
            String cs = system.token("CS_AFTERSALE");
            assertThat(status(system.postJson(
                            system.orderPort(),
                            "/api/orders/tmall-flagship:" + NOTE + "/cancel",
                            cs,
                            "{\"reason\":\"Cancelled on the phone meanwhile\"}")))
                    .isEqualTo(200);
            browser.find(By.id("hold-text")).sendKeys("Check the size again");
            browser.find(By.id("hold")).click();
            browser.acceptConfirmation();
            browser.waitForText(By.id("problem"), "Holding is not possible: the order is Cancelled.");
            browser.waitForText(By.id("order-status"), "Cancelled");
            browser.screenshot("refusal-explained");

            browser.open("/orders?store=tmall-flagship");
            new Select(browser.find(By.id("status"))).selectByValue("CANCELLED");
            browser.find(By.id("buyer")).sendKeys("王芳");
            browser.find(By.id("search")).click();
            browser.waitForText(By.id("results"), PLAIN);
            assertThat(browser.find(By.id("results")).getText()).contains(NOTE).doesNotContain(DOUBTFUL);
            browser.screenshot("search");
            String export = browser.find(By.id("export")).getAttribute("href");
            HttpResponse<String> csv = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(export))
                                    .header("Cookie", "SESSION=" + browser.cookie("SESSION"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Disposition"))
                    .hasValueSatisfying(disposition -> assertThat(disposition).contains("orders-tmall-flagship-"));
            assertThat(csv.body()).contains("tmall-flagship:" + PLAIN, "tmall-flagship:" + NOTE);

            browser.open("/stock-outs?store=tmall-flagship");
            assertThat(browser.find(By.id("no-notices")).getText()) // fulfilment reports no shortage yet
                    .isEqualTo("No buyer waits to hear about missing stock.");
            browser.screenshot("stock-out-notices");
        }
    }

    @Test
    @Order(2)
    void theSameScreensReadInChineseAndFitATablet() throws Exception {
        try (Browser browser = new Browser(system.consolePort(), "zh-CN", SCREENSHOTS)) {
            browser.open("/sign-in");
            assertThat(browser.pageText()).contains("登录");
            browser.signIn("dev-cs-aftersale");
            browser.open("/orders/tmall-flagship:" + DOUBTFUL);
            assertThat(browser.pageText()).contains("订单 " + DOUBTFUL, "¥295.00", "2026-11-28 10:11:30", "修改地址");
            browser.screenshot("order-detail-zh");

            browser.resize(768, 1024);
            browser.open("/review?store=tmall-flagship");
            assertThat(browser.fitsTheWidth())
                    .as("the review queue fits a tablet")
                    .isTrue();
            browser.open("/orders/tmall-flagship:" + DOUBTFUL);
            assertThat(browser.fitsTheWidth()).as("an order fits a tablet").isTrue();
            browser.screenshot("order-detail-tablet");

            browser.find(By.linkText("English")).click();
            browser.waitForText(By.tagName("h1"), "Order " + DOUBTFUL);
        }
    }

    @Test
    @Order(3)
    void theWarehouseSeesOrdersButNoQueueAndNoAction() throws Exception {
        try (Browser browser = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            browser.open("/sign-in");
            browser.signIn("dev-warehouse");
            browser.find(By.id("stores"));
            assertThat(browser.has(By.partialLinkText("Review queue"))).isFalse();
            assertThat(browser.has(By.partialLinkText("Stock-out notices"))).isFalse();
            browser.screenshot("warehouse-home");

            browser.open("/orders/tmall-flagship:" + DOUBTFUL);
            assertThat(browser.find(By.tagName("h1")).getText()).contains(DOUBTFUL);
            assertThat(browser.has(By.id("release")) || browser.has(By.id("hold")) || browser.has(By.id("cancel")))
                    .isFalse();
            assertThat(browser.has(By.cssSelector("#address details"))).isFalse();

            browser.open("/orders?store=tmall-flagship");
            browser.find(By.id("search")).click();
            browser.waitForText(By.id("results"), DOUBTFUL);
            assertThat(browser.has(By.id("export")))
                    .as("the warehouse may not export buyers' data")
                    .isFalse();

            browser.open("/review?store=tmall-flagship");
            assertThat(browser.find(By.id("problem")).getText()).isEqualTo("Your role may not do this.");
        }
    }

    @Test
    @Order(4)
    void theWarehouseDayOnScreenFromTheStockCountToTheManagersAcknowledgement() throws Exception {
        String shipped = "T-SHIP-" + UUID.randomUUID().toString().substring(0, 6);
        String pulled = "T-PULL-" + UUID.randomUUID().toString().substring(0, 6);
        Path count = Files.createTempFile("stock-count", ".csv");
        Files.writeString(count, "sku,onHand\nTEA-LJ-250,40\nCUP-GL-01,12\nTEA-BAD,-3\n");

        try (Browser browser = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            browser.open("/sign-in");
            browser.signIn("dev-warehouse");
            browser.open("/stock?store=tmall-flagship");
            browser.find(By.id("stock-file")).sendKeys(count.toAbsolutePath().toString());
            browser.find(By.id("import-submit")).click();
            browser.waitForText(By.id("import-report"), "2 of 3 rows applied");
            assertThat(browser.find(By.id("refused-rows")).getText()).contains("TEA-BAD");
            browser.waitForText(By.id("stock-levels"), "CUP-GL-01"); // the levels follow the import
            browser.screenshot("stock-import");
        }

        paid(shipped, Storefronts.nativeOrder(shipped).replace("\"buyerNote\":\"请发顺丰\",", ""));
        paid(pulled, Storefronts.nativeOrder(pulled).replace("\"buyerNote\":\"请发顺丰\",", ""));
        awaitReady(shipped);
        awaitReady(pulled);

        String batch;
        try (Browser clerk = new Browser(system.consolePort(), "zh-CN", SCREENSHOTS)) {
            clerk.open("/sign-in");
            clerk.signIn("dev-order-clerk");
            clerk.open("/batches?store=tmall-flagship");
            assertThat(clerk.find(By.id("countdown")).getText()).startsWith("还有");
            clerk.screenshot("batch-countdown-zh");
            clerk.find(By.id("cut-off")).click();
            clerk.waitForText(By.id("parcels"), "shp-tmall-flagship:" + shipped);
            batch = clerk.path().substring("/batches/".length());
            clerk.find(By.id("mark-printed")).click();
            clerk.waitForText(By.id("feedback"), "已标记为打印并盖章");
            assertThat(clerk.find(By.id("printed-stamp")).getText()).contains("dev-order-clerk");
            clerk.screenshot("batch-printed-zh");
        }

        String cs = system.token("CS_AFTERSALE");
        assertThat(status(system.postJson(
                        system.orderPort(),
                        "/api/orders/tmall-flagship:" + pulled + "/cancel",
                        cs,
                        "{\"reason\":\"The buyer changed their mind\"}")))
                .isEqualTo(200);
        String warehouseToken = system.token("WAREHOUSE");
        await().atMost(PATIENCE)
                .until(() -> system.get(system.fulfillmentPort(), "/api/dispatch-batches/" + batch, warehouseToken)
                        .body()
                        .contains("\"pullBecause\":\"ORDER_CANCELLED\""));

        try (Browser warehouse = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            warehouse.open("/sign-in");
            warehouse.signIn("dev-warehouse");
            warehouse.open("/batches/" + batch);
            assertThat(warehouse
                            .find(By.id("parcel-shp-tmall-flagship:" + pulled))
                            .getText())
                    .contains("Pull this parcel: the order was cancelled.");
            warehouse.find(By.id("scan-code")).sendKeys(pulled, Keys.ENTER); // the order number will do
            warehouse.waitForText(By.id("scan-pull"), "Pull this parcel: the order was cancelled.");
            assertThat(warehouse.has(By.id("scan-check")) || warehouse.has(By.id("scan-tracking")))
                    .as("a pulled parcel cannot be checked or dispatched")
                    .isFalse();
            warehouse.open("/batches/" + batch);
            warehouse
                    .find(By.id("scan-code"))
                    .sendKeys("shp-tmall-flagship:" + shipped, Keys.ENTER); // a scanner's Enter
            warehouse.find(By.id("scan-check")).click(); // the lines and accessories are all there
            warehouse.waitForText(By.id("feedback"), "Check recorded.");
            warehouse.find(By.id("scan-tracking")).sendKeys("SF12", Keys.ENTER);
            warehouse.waitForText(By.id("problem"), "SF12 is not a tracking number of SF");
            warehouse.find(By.id("scan-tracking")).clear();
            warehouse.find(By.id("scan-tracking")).sendKeys("SF2026112900077", Keys.ENTER);
            warehouse.waitForText(By.id("scan-done"), "went out with SF SF2026112900077");
            assertThat(warehouse.find(By.id("scan-code")).equals(warehouse.focused()))
                    .as("ready for the next parcel's slip")
                    .isTrue();
            warehouse.screenshot("warehouse-scan");
            HttpResponse<byte[]> waybills = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(warehouse
                                            .find(By.id("document-waybills"))
                                            .getAttribute("href")))
                                    .header("Cookie", "SESSION=" + warehouse.cookie("SESSION"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(waybills.statusCode()).isEqualTo(200);
            assertThat(new String(waybills.body(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            warehouse.find(By.id("close-batch")).click();
            warehouse.waitForText(By.id("batch-status"), "Closed");
            warehouse.screenshot("batch-closed");
        }

        try (Browser manager = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            manager.open("/sign-in");
            manager.signIn("dev-manager");
            manager.open("/batches/" + batch);
            manager.find(By.id("acknowledge")).click();
            manager.waitForText(By.id("feedback"), "Daily report acknowledged.");
            assertThat(manager.find(By.id("acknowledged-stamp")).getText()).contains("dev-manager");
            manager.screenshot("batch-acknowledged");
        }

        HttpResponse<String> failed = system.send(
                Storefronts.carrierPush(system.uri(system.fulfillmentPort(), "/"), "sf", "trk-" + shipped, """
                {"trackingNumber":"SF2026112900077","status":"FAILED_ATTEMPT","at":"2026-11-30T06:00:00Z","detail":"收件人不在"}"""));
        assertThat(status(failed)).as(failed.body()).isEqualTo(200);
        try (Browser service = new Browser(system.consolePort(), "en", SCREENSHOTS)) {
            service.open("/sign-in");
            service.signIn("dev-cs-aftersale");
            service.open("/shipment-exceptions?store=tmall-flagship");
            WebElement parcel = service.find(By.id("trouble-shp-tmall-flagship:" + shipped));
            assertThat(parcel.getText()).contains("Delivery attempt failed", "收件人不在");
            parcel.findElement(By.name("note")).sendKeys("Called the buyer: home on Monday", Keys.ENTER);
            service.waitForText(By.id("trouble-shp-tmall-flagship:" + shipped), "Follow-up noted.");
            service.screenshot("shipment-exceptions");
            new Select(service.find(By.id("outcome-shp-tmall-flagship:" + shipped))).selectByValue("REDELIVER");
            service.find(By.id("trouble-shp-tmall-flagship:" + shipped))
                    .findElement(By.cssSelector("form[hx-post$='resolution'] button"))
                    .click();
            service.waitForText(By.id("trouble-shp-tmall-flagship:" + shipped), "Resolved: Deliver again.");
        }
    }

    private static void paid(String number, String body) throws IOException {
        HttpResponse<String> answer = system.send(Storefronts.nativeOrderPaid(
                system.uri(system.orderPort(), "/"), UUID.randomUUID().toString(), body, Storefronts.TMALL_SECRET));
        assertThat(status(answer)).as(answer.body()).isEqualTo(200);
    }

    private static void awaitReady(String number) throws IOException {
        String warehouse = system.token("WAREHOUSE");
        await().atMost(PATIENCE)
                .until(() -> system.get(
                                system.fulfillmentPort(), "/api/shipments/shp-tmall-flagship:" + number, warehouse)
                        .body()
                        .contains("\"status\":\"READY\""));
    }

    private static void awaitHeld(String number) throws IOException {
        String cs = system.token("CS_AFTERSALE");
        await().atMost(PATIENCE)
                .until(() -> system.get(system.orderPort(), "/api/review-queue?storeId=tmall-flagship", cs)
                        .body()
                        .contains(number));
    }
}
