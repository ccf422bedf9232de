package io.storeops.fulfillment;

import io.storeops.fulfillment.batch.DispatchProperties;
import io.storeops.fulfillment.shipping.PartialShipmentPolicy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** fulfillment-service: shipments from paid orders to the carrier. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FulfillmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FulfillmentServiceApplication.class, args);
    }

    /** The shipping feature decides the split; the store's dispatch settings say whether it may. */
    @Bean
    PartialShipmentPolicy partialShipments(DispatchProperties dispatch) {
        return storeId -> dispatch.settingsOf(storeId).partialShipment();
    }
}
