package io.storeops.analytics.promotion;

import io.storeops.analytics.rates.Rates;
import java.math.BigDecimal;

/**
 * What paid promotion bought over some days for one account, campaign, item, keyword, region or
 * hour: the report's traffic and spend, and the sales it led to twice over: as the report itself
 * counts them ({@code reported}: the ad platform's attributed orders and amount) and as StoreOps
 * counts them ({@code attributed}: paid orders whose attribution names it, less what was refunded).
 *
 * <p>Rates are exact decimals rounded half up, to stated places: click-through and conversion
 * rates to 4 (0.0549 is 5.49 %), ROI to 2, cost per click to whole minor units. A rate whose
 * denominator is zero (no impressions, no clicks, no spend) is null: there is nothing to say, and
 * 0 would say something.
 */
public record PromotionFigures(long impressions, long clicks, long spendMinor, Sales reported, Sales attributed) {

    static final int RATE_PLACES = 4;
    static final int ROI_PLACES = 2;

    public static final PromotionFigures NONE = new PromotionFigures(0, 0, 0, Sales.NONE, Sales.NONE);

    /**
     * Orders and what they came to.
     *
     * @param refundedMinor paid back of those orders (for an item: of its units); the report knows
     *     none
     */
    public record Sales(long orders, long gmvMinor, long refundedMinor) {

        public static final Sales NONE = new Sales(0, 0, 0);

        public long netMinor() {
            return gmvMinor - refundedMinor;
        }

        public Sales plus(Sales other) {
            return new Sales(orders + other.orders, gmvMinor + other.gmvMinor, refundedMinor + other.refundedMinor);
        }
    }

    public PromotionFigures {
        reported = reported == null ? Sales.NONE : reported;
        attributed = attributed == null ? Sales.NONE : attributed;
    }

    /** Clicks per impression. */
    public BigDecimal ctr() {
        return Rates.ratio(clicks, impressions, RATE_PLACES);
    }

    /** Spend per click, in minor units. */
    public BigDecimal cpcMinor() {
        return Rates.ratio(spendMinor, clicks, 0);
    }

    /** The report's orders per click. */
    public BigDecimal reportedConversion() {
        return Rates.ratio(reported.orders(), clicks, RATE_PLACES);
    }

    /** The report's sales per unit of spend. */
    public BigDecimal reportedRoi() {
        return Rates.ratio(reported.gmvMinor(), spendMinor, ROI_PLACES);
    }

    /** StoreOps' attributed orders per click. */
    public BigDecimal conversion() {
        return Rates.ratio(attributed.orders(), clicks, RATE_PLACES);
    }

    /** StoreOps' attributed sales per unit of spend. */
    public BigDecimal roi() {
        return Rates.ratio(attributed.gmvMinor(), spendMinor, ROI_PLACES);
    }

    /** StoreOps' attributed sales, less what was paid back of them, per unit of spend. */
    public BigDecimal roiNetOfRefunds() {
        return Rates.ratio(attributed.netMinor(), spendMinor, ROI_PLACES);
    }

    public PromotionFigures plus(PromotionFigures other) {
        return new PromotionFigures(
                impressions + other.impressions,
                clicks + other.clicks,
                spendMinor + other.spendMinor,
                reported.plus(other.reported),
                attributed.plus(other.attributed));
    }

    public PromotionFigures withAttributed(Sales sales) {
        return new PromotionFigures(impressions, clicks, spendMinor, reported, sales);
    }
}
