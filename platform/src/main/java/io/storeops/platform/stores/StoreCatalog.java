package io.storeops.platform.stores;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Looks up configured stores by id or by Shopify shop domain. */
public class StoreCatalog {

    private static final Pattern STORE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private final StoreProperties properties;

    public StoreCatalog(StoreProperties properties) {
        properties.stores().keySet().forEach(id -> {
            if (!STORE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("store id '" + id + "' must be lower-case letters, digits and '-'");
            }
        });
        this.properties = properties;
    }

    public Optional<StoreProperties.Store> find(String storeId) {
        return Optional.ofNullable(storeId).map(properties.stores()::get);
    }

    public Optional<Map.Entry<String, StoreProperties.Store>> findByShopifyDomain(String domain) {
        return properties.stores().entrySet().stream()
                .filter(entry -> domain != null
                        && domain.equalsIgnoreCase(entry.getValue().shopifyDomain()))
                .findFirst();
    }

    public Optional<StoreProperties.Carrier> carrier(String carrierId) {
        return Optional.ofNullable(carrierId).map(properties.carriers()::get);
    }

    public Set<String> storeIds() {
        return properties.stores().keySet();
    }

    public StoreProperties.Webhooks webhooks() {
        return properties.webhooks();
    }
}
