package io.storeops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A standalone that cannot start one of its parts stops with a message that names the cause, instead of living on
 * half-started with the broker, the store and the other services still running.
 */
class StartFailureIT {

    @Test
    void aServicePortTakenByAnotherProgramStopsTheWholeStandalone() throws Exception {
        try (StandaloneSystem system = new StandaloneSystem();
                ServerSocket squatter = new ServerSocket(system.refundPort(), 50, InetAddress.getByName("0.0.0.0"))) {
            assertThatThrownBy(system::start).hasMessageContaining("standalone exited with 1");

            assertThat(Files.readString(system.log()))
                    .contains("StoreOps could not start: refund-service did not start on port " + system.refundPort());
        }
    }
}
