package io.storeops.analytics.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PromotionFiguresTest {

    /** A week of one keyword, figures worked out by hand. */
    private static final PromotionFigures LONGJING = new PromotionFigures(
            12_345,
            678,
            123_456,
            new PromotionFigures.Sales(25, 480_000, 0),
            new PromotionFigures.Sales(23, 456_789, 34_500));

    @Test
    void ratesAreExactDecimalsRoundedHalfUpToTheirStatedPlaces() {
        assertThat(LONGJING.ctr()).isEqualTo(new BigDecimal("0.0549")); // 678 / 12345 = 0.054921...
        assertThat(LONGJING.cpcMinor()).isEqualTo(new BigDecimal("182")); // 123456 / 678 = 182.088...
        assertThat(LONGJING.conversion()).isEqualTo(new BigDecimal("0.0339")); // 23 / 678 = 0.033923...
        assertThat(LONGJING.reportedConversion()).isEqualTo(new BigDecimal("0.0369")); // 25 / 678 = 0.036873...
        assertThat(LONGJING.roi()).isEqualTo(new BigDecimal("3.70")); // 456789 / 123456 = 3.69998...
        assertThat(LONGJING.reportedRoi()).isEqualTo(new BigDecimal("3.89")); // 480000 / 123456 = 3.88802...
        assertThat(LONGJING.roiNetOfRefunds()).isEqualTo(new BigDecimal("3.42")); // 422289 / 123456 = 3.42056...
        assertThat(new PromotionFigures(0, 0, 200, PromotionFigures.Sales.NONE, new PromotionFigures.Sales(1, 501, 0))
                        .roi())
                .as("2.505 rounds half up")
                .isEqualTo(new BigDecimal("2.51"));
    }

    @Test
    void aRateWithNothingUnderItIsNullNotZero() {
        PromotionFigures organic =
                new PromotionFigures(0, 0, 0, PromotionFigures.Sales.NONE, new PromotionFigures.Sales(3, 30_000, 0));

        assertThat(organic.ctr()).isNull();
        assertThat(organic.cpcMinor()).isNull();
        assertThat(organic.conversion()).isNull();
        assertThat(organic.roi()).isNull();
        assertThat(organic.roiNetOfRefunds()).isNull();
    }

    @Test
    void figuresAddUpAndARefundLargerThanTheSalesMakesTheNetRoiNegative() {
        PromotionFigures week = LONGJING.plus(LONGJING.withAttributed(new PromotionFigures.Sales(1, 10_000, 60_000)));

        assertThat(week.impressions()).isEqualTo(24_690);
        assertThat(week.spendMinor()).isEqualTo(246_912);
        assertThat(week.reported()).isEqualTo(new PromotionFigures.Sales(50, 960_000, 0));
        assertThat(week.attributed()).isEqualTo(new PromotionFigures.Sales(24, 466_789, 94_500));
        assertThat(LONGJING.withAttributed(new PromotionFigures.Sales(1, 10_000, 60_000))
                        .roiNetOfRefunds())
                .isEqualTo(new BigDecimal("-0.41")); // -50000 / 123456 = -0.405...
    }
}
