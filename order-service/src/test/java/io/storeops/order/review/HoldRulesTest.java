package io.storeops.order.review;

import static io.storeops.order.lifecycle.HoldReason.ADDRESS_CHECK;
import static io.storeops.order.lifecycle.HoldReason.BUYER_NOTE;
import static io.storeops.order.lifecycle.HoldReason.HIGH_VALUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Address;
import io.storeops.contracts.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldRulesTest {

    private static final Address GOOD_CN =
            new Address("王芳", "13800138000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号 5 幢 301", null, "310012");
    private static final Money MODEST = new Money(29500, "CNY");
    private final HoldRules defaults = new HoldRules(new ReviewSettings(null, null, null, null));

    @Test
    void anOrderWithAGoodAddressAndNoNoteShipsRightAway() {
        assertThat(defaults.reasonsFor(null, GOOD_CN, "SF", MODEST)).isEmpty();
        assertThat(defaults.reasonsFor("  ", GOOD_CN, "SF", MODEST)).isEmpty();
    }

    @Test
    void aBuyerNoteIsReviewedUnlessTheStoreSaysOtherwise() {
        assertThat(defaults.reasonsFor("请发顺丰", GOOD_CN, "SF", MODEST)).containsExactly(BUYER_NOTE);
        assertThat(new HoldRules(new ReviewSettings(false, null, null, null)).reasonsFor("请发顺丰", GOOD_CN, "SF", MODEST))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no phone                      | ''          | CN | 文三路 90 号 5 幢 301  | 310012     | SF",
                "no postcode                   | 13800138000 | CN | 文三路 90 号 5 幢 301  | ''         | SF",
                "Chinese postcode of 5 digits  | 13800138000 | CN | 文三路 90 号 5 幢 301  | 31001      | SF",
                "US postcode with letters      | 2125550100  | US | 1 Main St Apt 4        | 1000A      | USPS",
                "street too short              | 13800138000 | CN | 90号                 | 310012     | SF",
                "PO box the carrier cannot do  | 2125550100  | US | P.O. Box 1234        | 10001      | UPS",
                "Chinese PO box for SF         | 13800138000 | CN | 杭州 邮政信箱 88 号    | 310012     | SF"
            })
    void aDoubtfulAddressIsChecked(
            String why, String phone, String country, String street, String postcode, String carrier) {
        Address address = new Address("Buyer", phone, country, null, "City", null, street, null, postcode);

        assertThat(defaults.reasonsFor(null, address, carrier, MODEST)).as(why).containsExactly(ADDRESS_CHECK);
    }

    @Test
    void aPoBoxIsFineForACarrierThatDeliversThere() {
        Address poBox =
                new Address("Ann Lee", "2125550100", "US", "NY", "New York", null, "PO Box 1234", null, "10001-1234");

        assertThat(defaults.reasonsFor(null, poBox, "USPS", new Money(4448, "USD")))
                .isEmpty();
        assertThat(defaults.reasonsFor(null, null, "SF", MODEST))
                .as("no address at all")
                .containsExactly(ADDRESS_CHECK);
    }

    @Test
    void ordersFromTheThresholdUpAreHeldForTheirValue() {
        HoldRules highValue = new HoldRules(new ReviewSettings(null, null, 100_000L, null));

        assertThat(highValue.reasonsFor(null, GOOD_CN, "SF", new Money(99_999, "CNY")))
                .isEmpty();
        assertThat(highValue.reasonsFor(null, GOOD_CN, "SF", new Money(100_000, "CNY")))
                .containsExactly(HIGH_VALUE);
        assertThat(highValue.reasonsFor("gift", null, "SF", new Money(500_000, "CNY")))
                .containsExactly(BUYER_NOTE, ADDRESS_CHECK, HIGH_VALUE);
    }

    @Test
    void theAddressCheckCanBeSwitchedOffAndCarriersConfigured() {
        Address poBox =
                new Address("Ann Lee", "2125550100", "US", "NY", "New York", null, "PO Box 1234", null, "10001");

        assertThat(new HoldRules(new ReviewSettings(null, false, null, null)).reasonsFor(null, null, "SF", MODEST))
                .isEmpty();
        assertThat(new HoldRules(new ReviewSettings(null, null, null, List.of("USPS")))
                        .reasonsFor(null, poBox, "USPS", MODEST))
                .containsExactly(ADDRESS_CHECK);
    }
}
