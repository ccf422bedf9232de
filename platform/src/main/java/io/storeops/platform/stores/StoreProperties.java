package io.storeops.platform.stores;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The department's stores and webhook partners, from configuration ({@code storeops.*}):
 * secrets come from the environment or a secret store, never from the repository.
 */
@ConfigurationProperties("storeops")
public record StoreProperties(Map<String, Store> stores, Map<String, Carrier> carriers, Webhooks webhooks) {

    public StoreProperties {
        stores = stores == null ? Map.of() : Map.copyOf(stores);
        carriers = carriers == null ? Map.of() : Map.copyOf(carriers);
        webhooks = webhooks == null ? new Webhooks(null, null, null) : webhooks;
    }

    /**
     * @param shopifyDomain  the {@code *.myshopify.com} domain whose webhooks belong to this store, if any
     * @param webhookSecrets current secrets first; more than one while a secret rotates
     * @param acceptV1Signatures accept native deliveries signed with the older {@code v1} scheme (body only) while
     *                           the storefront migrates to {@code v2}; off by default
     * @param openingHours       when the store's staff work and buyers order, in its time zone (09:00-22:00 by default)
     */
    public record Store(
            String name,
            String currency,
            ZoneId zone,
            String shopifyDomain,
            List<String> webhookSecrets,
            boolean acceptV1Signatures,
            OpeningHours openingHours) {

        public Store {
            zone = zone == null ? ZoneId.of("UTC") : zone;
            openingHours = openingHours == null ? OpeningHours.DEFAULT : openingHours;
            webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
        }
    }

    /** A carrier sending tracking webhooks; {@code acceptV1Signatures} as for a store. */
    public record Carrier(String name, List<String> webhookSecrets, boolean acceptV1Signatures) {

        public Carrier {
            webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
        }
    }

    /**
     * @param maxBodyBytes  larger deliveries are refused with 413 before they are read whole
     * @param replayWindow  signatures (and Shopify trigger times) older or newer than this are refused
     * @param dedupeWindow  how long delivery ids are remembered; longer than any provider retries
     */
    public record Webhooks(Integer maxBodyBytes, Duration replayWindow, Duration dedupeWindow) {

        public Webhooks {
            maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
            replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
            dedupeWindow = dedupeWindow == null ? Duration.ofDays(7) : dedupeWindow;
        }
    }
}
