package io.storeops.listing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** listing-service: how a product gets onto the shop, from selection to the published page and its versions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ListingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ListingServiceApplication.class, args);
    }
}
