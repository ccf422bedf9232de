package io.storeops.order.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.contracts.Address;
import io.storeops.order.lifecycle.Buyer;
import org.junit.jupiter.api.Test;

class BuyerTermsTest {

    @Test
    void customerServiceFindsABuyerBySurnamePartOfTheEmailOrTheLastFourDigits() {
        Address recipient = new Address("王芳", "138-0013-8000", "CN", "浙江省", "杭州市", "西湖区", "文三路 90 号", null, "310012");
        Buyer buyer = new Buyer("Li Lei", "Li.Lei@Example.com", "+1 212 555 0100");

        assertThat(BuyerTerms.of(buyer, recipient))
                .contains("王芳", "王", "13800138000", "8000")
                .contains("li lei", "lei", "li.lei@example.com", "li.lei", "example.com", "0100");
    }
}
