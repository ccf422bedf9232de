package io.storeops.refund.cases.web;

import io.storeops.refund.cases.CaseLine;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Part of an order line the case gives back")
public record LineEntry(
        @Schema(description = "The order line, from 0", example = "1")
        Integer lineIndex,

        @Schema(description = "Units given up or sent back; none for money only", example = "1")
        Integer quantity,

        @Schema(description = "Money back for the line, in minor units", example = "3900")
        Long amountMinor) {

    public static List<CaseLine> toCaseLines(List<LineEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream()
                .map(entry -> {
                    if (entry == null || entry.lineIndex() == null || entry.amountMinor() == null) {
                        throw new IllegalArgumentException("each line needs lineIndex and amountMinor.");
                    }
                    return new CaseLine(
                            entry.lineIndex(), entry.quantity() == null ? 0 : entry.quantity(), entry.amountMinor());
                })
                .toList();
    }
}
