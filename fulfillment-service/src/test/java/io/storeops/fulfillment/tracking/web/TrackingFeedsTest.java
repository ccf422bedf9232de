package io.storeops.fulfillment.tracking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storeops.fulfillment.shipping.TrackingStatus;
import io.storeops.fulfillment.shipping.TrackingUpdate;
import io.storeops.platform.web.ProblemException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackingFeedsTest {

    @Test
    void storeOpsOwnFormat() {
        TrackingUpdate update = read("""
                {"trackingNumber":"sf 1234 5678 90123","status":"out_for_delivery","at":"2026-11-29T02:00:00Z",
                 "detail":"快递员正在派件","location":"杭州市西湖区"}""");

        assertThat(update)
                .isEqualTo(new TrackingUpdate(
                        "SF",
                        "SF1234567890123",
                        TrackingStatus.OUT_FOR_DELIVERY,
                        Instant.parse("2026-11-29T02:00:00Z"),
                        "快递员正在派件",
                        "杭州市西湖区"));
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
        "InfoReceived,   ,              IN_TRANSIT",
        "InTransit,      InTransit_002, IN_TRANSIT",
        "OutForDelivery, ,              OUT_FOR_DELIVERY",
        "AvailableForPickup, ,          OUT_FOR_DELIVERY",
        "AttemptFail,    AttemptFail_001, FAILED_ATTEMPT",
        "Delivered,      Delivered_001, DELIVERED",
        "Exception,      Exception_004, EXCEPTION",
        "Exception,      Exception_011, RETURNED_TO_SENDER",
        "Expired,        ,              EXCEPTION",
    })
    void afterShipTagsAndTheTimeOfTheLatestCheckpoint(String tag, String subtag, TrackingStatus status) {
        TrackingUpdate update = read("""
                {"event":"tracking_update","ts":1764381600,"msg":{"id":"5b74f4958776db0e00b6f5ed",
                 "tracking_number":"SF1234567890123","slug":"sf-express","tag":"%s","subtag":"%s",
                 "subtag_message":"Delivered","updated_at":"2026-11-29T09:00:00+00:00",
                 "checkpoints":[
                   {"checkpoint_time":"2026-11-29T16:30:00+08:00","message":"已签收","location":"杭州","tag":"%s"},
                   {"checkpoint_time":"2026-11-29T09:00:00+08:00","message":"运输中","location":"上海","tag":"InTransit"}]}}""".formatted(tag, subtag == null ? "" : subtag, tag));

        assertThat(update.status()).isEqualTo(status);
        assertThat(update.at()).isEqualTo(Instant.parse("2026-11-29T08:30:00Z"));
        assertThat(update.detail()).isEqualTo("已签收");
        assertThat(update.trackingNumber()).isEqualTo("SF1234567890123");
        assertThat(update.carrier()).as("AfterShip's slug sf-express").isEqualTo("SF");
    }

    @ParameterizedTest(name = "state {0} is {1}")
    @CsvSource({
        "0, IN_TRANSIT",
        "1, IN_TRANSIT",
        "101, IN_TRANSIT",
        "5, OUT_FOR_DELIVERY",
        "3, DELIVERED",
        "301, DELIVERED",
        "2, EXCEPTION",
        "14, FAILED_ATTEMPT",
        "1401, FAILED_ATTEMPT",
        "4, RETURNED_TO_SENDER",
        "6, RETURNED_TO_SENDER",
        "8, IN_TRANSIT",
        "13, EXCEPTION",
    })
    void kuaidi100StatesWithTimesOnTheWallOfChina(String state, TrackingStatus status) {
        String json = """
                {"status":"polling","billstatus":"check","message":"","lastResult":{"message":"ok","nu":"SF1234567890123",
                 "ischeck":"1","com":"shunfeng","status":"200","state":"%s","data":[
                   {"time":"2026-11-29 16:30:00","ftime":"2026-11-29 16:30:00","context":"已签收，签收人：本人","areaName":"浙江,杭州市"},
                   {"time":"2026-11-29 09:00:00","ftime":"2026-11-29 09:00:00","context":"运输中","areaName":"上海"}]}}""".formatted(state);

        for (String body :
                new String[] {json, "param=" + URLEncoder.encode(json, StandardCharsets.UTF_8) + "&sign=X"}) {
            TrackingUpdate update = read(body);
            assertThat(update.status()).isEqualTo(status);
            assertThat(update.at()).isEqualTo(Instant.parse("2026-11-29T08:30:00Z"));
            assertThat(update.detail()).isEqualTo("已签收，签收人：本人");
            assertThat(update.location()).isEqualTo("浙江,杭州市");
            assertThat(update.carrier()).as("Kuaidi100's company shunfeng").isEqualTo("SF");
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"trackingNumber\":\"SF1\",\"status\":\"TELEPORTED\",\"at\":\"2026-11-29T02:00:00Z\"} | status must be one of",
                "{\"trackingNumber\":\"SF1\",\"status\":\"DELIVERED\"}                                  | at is required",
                "{\"status\":\"DELIVERED\",\"at\":\"2026-11-29T02:00:00Z\"}                             | tracking number is required",
                "{\"msg\":{\"tracking_number\":\"SF1\",\"tag\":\"Beamed\",\"updated_at\":\"2026-11-29T02:00:00Z\"}} | is not an AfterShip tag",
                "{\"msg\":{\"tracking_number\":\"SF1\",\"tag\":\"Delivered\",\"updated_at\":\"yesterday\"}} | is not an ISO 8601 time",
                "{\"lastResult\":{\"nu\":\"SF1\",\"state\":\"99\",\"data\":[]}}                        | is not a Kuaidi100 state",
                "{\"lastResult\":{\"nu\":\"SF1\",\"state\":\"3\",\"data\":[]}}                         | at least one step",
                "{\"lastResult\":{\"nu\":\"SF1\",\"state\":\"3\",\"data\":[{\"time\":\"29/11/2026\"}]}} | is not yyyy-MM-dd HH:mm:ss",
                "param=%7Bnot-json&sign=X                                                                  | not valid JSON",
                "param=%ZZ&sign=X                                                                          | not URL-encoded",
            })
    void pushesThatAreNoneOfTheFormatsAreRefusedWithWhatIsWrong(String body, String problem) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void aPushNamesItsCarrierOrItsFeedIsTheCarrierOrAnyCarriersParcelMayHaveTheNumber() {
        String body = """
                {"carrier":"zto","trackingNumber":"75312345678901","status":"IN_TRANSIT","at":"2026-11-29T02:00:00Z"}""";

        assertThat(TrackingFeeds.read(body.getBytes(StandardCharsets.UTF_8), "aftership")
                        .carrier())
                .isEqualTo("ZTO");
        assertThat(TrackingFeeds.read(body.replace("\"carrier\":\"zto\",", "").getBytes(StandardCharsets.UTF_8), "ups")
                        .carrier())
                .isEqualTo("UPS");
        assertThat(TrackingFeeds.read(
                                body.replace("\"carrier\":\"zto\",", "").getBytes(StandardCharsets.UTF_8), "relay")
                        .carrier())
                .isNull();
    }

    @Test
    void emptyCheckpointsAndStepsAreSkipped() {
        assertThat(read("""
                        {"msg":{"tracking_number":"SF1","tag":"InTransit","updated_at":"2026-11-29T02:00:00Z",
                         "checkpoints":[null]}}""").at()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(read("""
                        {"lastResult":{"nu":"SF1","state":"0","data":[null,
                         {"time":"2026-11-29 10:00:00","context":"运输中"}]}}""").detail()).isEqualTo("运输中");
    }

    private static TrackingUpdate read(String body) {
        return TrackingFeeds.read(body.getBytes(StandardCharsets.UTF_8), "sf");
    }
}
