package io.storeops.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fault run at a small size ({@link FaultScenario.Settings#small()}): every acknowledged
 * order, shipment, sales fact, refund file and payment is exact after instances were killed, the
 * broker restarted and the store paused under load. {@code system-tests/soak.sh N} runs the same
 * at any size.
 */
class FaultInjectionIT {

    @Test
    void everythingAcknowledgedIsThereExactlyOnceAfterKillsBrokerRestartAndStorePause() throws Exception {
        FaultScenario.Result result = FaultScenario.run(FaultScenario.Settings.small(), System.out);
        System.out.print(result.report());
        assertThat(result.problems()).as(result.report()).isEmpty();
        assertThat(result.faults())
                .as("the faults happened")
                .extracting(FaultInjector.Fault::kind)
                .contains("kill", "broker-restart", "store-pause");
        assertThat(result.faults().stream().filter(fault -> fault.kind().equals("kill")))
                .as("instances killed")
                .hasSizeGreaterThanOrEqualTo(3);
    }
}
