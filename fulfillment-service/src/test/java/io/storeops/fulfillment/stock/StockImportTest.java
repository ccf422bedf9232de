package io.storeops.fulfillment.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockImportTest {

    private static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void headersAreRecognisedInEnglishAndChineseWhateverTheirCaseOrByteOrderMark() {
        assertThat(StockImport.fromHeader(List.of("\uFEFFSKU", "On Hand", "Reason"))
                        .kind())
                .isEqualTo(StockImport.Kind.COUNT);
        assertThat(StockImport.fromHeader(List.of("商家编码", "宝贝名称", "调整数量", "备注")).kind())
                .isEqualTo(StockImport.Kind.ADJUST);
    }

    @Test
    void aFileIsCountsOrAdjustmentsNeverBothAndAlwaysHasSkus() {
        assertThatThrownBy(() -> StockImport.fromHeader(List.of("sku", "onHand", "delta")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("either onHand");
        assertThatThrownBy(() -> StockImport.fromHeader(List.of("name", "onHand")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowBecomesTheChangeItAsksForOrSaysWhatIsWrongWithIt() {
        StockImport counts = StockImport.fromHeader(List.of("库存", "商家编码"));

        StockMovement.Request request =
                counts.request(List.of("12.0", " TEA-LJ-250 "), "tmall-flagship", "wh.zhao", "count.xlsx", NOON);

        assertThat(request)
                .isEqualTo(new StockMovement.Request(
                        "tmall-flagship", "TEA-LJ-250", 12, "stock count", "wh.zhao", "import:count.xlsx", NOON, null));
        assertThatThrownBy(() -> counts.request(List.of("1.5", "TEA"), "s", "wh", "f", NOON))
                .hasMessage("the quantity '1.5' is not a whole number.");
        assertThatThrownBy(() -> counts.request(List.of("", "TEA"), "s", "wh", "f", NOON))
                .hasMessage("the quantity is missing.");
        assertThatThrownBy(() -> counts.request(List.of("3"), "s", "wh", "f", NOON))
                .hasMessage("the SKU is missing.");
    }
}
