package io.storeops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class RepeatingWorkTest {

    @Test
    void oneItemWhoseWorkFailsHoldsBackNoOther() {
        List<String> done = new ArrayList<>();

        RepeatingWork.eachAlone(
                        Flux.just("a", "poison", "b", "thrown"),
                        item -> switch (item) {
                            case "poison" -> Mono.error(new IllegalStateException("a broken document"));
                            case "thrown" -> throw new IllegalArgumentException("thrown before any Mono");
                            default -> Mono.fromRunnable(() -> done.add(item));
                        },
                        item -> "item " + item,
                        LoggerFactory.getLogger(RepeatingWorkTest.class))
                .block();

        assertThat(done).containsExactly("a", "b");
    }
}
