package io.storeops.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.console.MessagesTest;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Each value the order desk's pages offer or show from their own lists has a label to show it by. */
class LabelsTest {

    @Test
    void everyStatusHoldReasonChannelAndOutcomeHasALabel() throws IOException {
        Properties english = MessagesTest.load("messages.properties");

        assertThat(labelsMissing(english, "status.", SearchPages.STATUSES)).isEmpty();
        assertThat(labelsMissing(english, "hold.", SearchPages.HOLD_REASONS)).isEmpty();
        assertThat(labelsMissing(english, "channel.", OrderDeskPages.CHANNELS)).isEmpty();
        assertThat(labelsMissing(english, "outcome.", OrderDeskPages.OUTCOMES)).isEmpty();
    }

    private static List<String> labelsMissing(Properties labels, String prefix, List<String> values) {
        return values.stream()
                .map(value -> prefix + value)
                .filter(key -> !labels.containsKey(key))
                .toList();
    }
}
