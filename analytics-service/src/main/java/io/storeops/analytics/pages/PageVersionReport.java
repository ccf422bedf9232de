package io.storeops.analytics.pages;

import java.time.LocalDate;
import java.util.List;

/**
 * A product's page versions in one store, each with what it brought (see {@link PageVersionFigures}).
 *
 * @param title               the product's title as its latest version shows it
 * @param storefrontProductId the storefront item id its latest version is on sale under
 * @param status              where its latest version stands
 * @param today               the store-local day the figures were worked out on (a version on sale
 *     counts up to it)
 * @param versions            first first
 */
public record PageVersionReport(
        String productId,
        String storeId,
        String currency,
        String title,
        String storefrontProductId,
        PageVersionFigures.Status status,
        LocalDate today,
        List<PageVersionFigures.VersionFigures> versions) {}
