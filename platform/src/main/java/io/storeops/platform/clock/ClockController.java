package io.storeops.platform.clock;

import io.storeops.platform.security.StaffAccess;
import io.storeops.platform.security.StaffRole;
import io.storeops.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The service's adjustable clock, where one is configured: an operator moves it forward to let timers run out. */
@RestController
@RequestMapping("/api/operations/clock")
@ConditionalOnProperty(name = "storeops.clock.adjustable", havingValue = "true")
@Tag(name = "Operations", description = "Dead letters and parked events (role OPERATOR)")
public class ClockController {

    private final AdjustableClock clock;

    public ClockController(AdjustableClock clock) {
        this.clock = clock;
    }

    @Schema(description = "This service's time, and how far it runs ahead of the real time")
    public record ClockView(Instant now, Duration ahead) {}

    @Schema(description = "How far to move the clock forward")
    public record Advance(@Schema(example = "PT49H") String by) {}

    @GetMapping
    @Operation(summary = "This service's time (adjustable clock only)")
    Mono<ClockView> now() {
        return StaffAccess.require(StaffRole.OPERATOR).map(operator -> view());
    }

    @PostMapping("/advance")
    @Operation(
            summary = "Move this service's clock forward (adjustable clock only)",
            description = "For demos and acceptance runs: timers due by the new time take effect at the next look.")
    Mono<ClockView> advance(@RequestBody Advance advance) {
        return StaffAccess.require(StaffRole.OPERATOR)
                .map(operator -> {
                    clock.advance(duration(advance.by()));
                    return view();
                })
                .onErrorMap(IllegalArgumentException.class, refused -> Problems.invalid(refused.getMessage()));
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.ahead());
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException notADuration) {
            throw new IllegalArgumentException("by must be an ISO-8601 duration such as PT49H.");
        }
    }
}
