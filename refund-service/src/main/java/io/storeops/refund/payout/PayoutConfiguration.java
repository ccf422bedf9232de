package io.storeops.refund.payout;

import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.cases.AfterSales;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payout of refunding cases, when a gateway is configured; without one, staff pay in the
 * marketplace's back office and confirm each refund with its reference.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutProperties.class)
class PayoutConfiguration {

    @Bean
    @ConditionalOnProperty(name = "storeops.payouts.gateway", havingValue = "simulated")
    SimulatedGateway simulatedGateway(PayoutProperties settings) {
        return new SimulatedGateway(
                settings.simulated().failures(),
                settings.simulated().silences(),
                settings.callTimeout().multipliedBy(2));
    }

    @Bean
    @ConditionalOnProperty(name = "storeops.payouts.gateway", havingValue = "simulated")
    Payouts payouts(
            AfterSales files,
            SimulatedGateway gateway,
            Clock clock,
            PayoutProperties settings,
            MeterRegistry meters,
            StoreCatalog stores) {
        return new Payouts(files, gateway, clock, settings, meters, stores);
    }
}
