package io.storeops.refund.sheet;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The refund sheets written for the team ({@code storeops.refund-sheets.*}).
 *
 * @param folder   where each store's sheet of the day before is written after the store's midnight,
 *                 typically the team's shared folder; unset, no sheet is written (they are downloaded)
 * @param interval how often the folder is looked at for a day's sheet still missing
 */
@ConfigurationProperties("storeops.refund-sheets")
public record RefundSheetProperties(String folder, Duration interval) {

    public RefundSheetProperties {
        interval = interval == null ? Duration.ofMinutes(5) : interval;
    }
}
