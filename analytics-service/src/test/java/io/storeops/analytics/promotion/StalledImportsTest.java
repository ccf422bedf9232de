package io.storeops.analytics.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.storeops.analytics.promotion.reports.PpcRow;
import io.storeops.platform.outbox.AggregateStore;
import io.storeops.platform.outbox.Change;
import io.storeops.platform.outbox.StateQuery;
import io.storeops.platform.outbox.StateRows;
import io.storeops.platform.test.ServiceTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An import cut short by a restart leaves the figures as they were, or completes if its days had been taken over. */
@ServiceTest
class StalledImportsTest {

    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    PpcImports imports;

    @Autowired
    AggregateStore store;

    @Autowired
    StateRows rows;

    @Test
    void anImportThatStoppedBeforeItsDaysWereTakenOverFailsAndItsRowsGo() {
        String storeId = "stalled-" + UUID.randomUUID();
        PpcImport running = running(storeId);
        rows.insert(PpcImports.ROWS, List.of(row(running, 1)), row -> row.importId() + ":" + row.number())
                .block();

        imports.endStalled().block();

        PpcImport ended = imports.find(running.importId()).block();
        assertThat(ended.status()).isEqualTo(PpcImport.Status.FAILED);
        assertThat(ended.problem()).contains("restart");
        assertThat(rows.find(PpcImports.ROWS, StateQuery.of(StoredPpcRow.class).is("importId", running.importId()))
                        .collectList()
                        .block())
                .isEmpty();
    }

    @Test
    void anImportThatStoppedAfterItsDaysWereTakenOverCompletes() {
        String storeId = "stalled-" + UUID.randomUUID();
        PpcImport running = running(storeId);
        rows.insert(PpcImports.ROWS, List.of(row(running, 1)), row -> row.importId() + ":" + row.number())
                .block();
        store.apply(
                        PpcImports.DAYS,
                        PpcDays.idOf(storeId, "TAOBAO_ZTC", "KEYWORD"),
                        PpcDays.class,
                        current -> Change.of(PpcDays.none(storeId, "TAOBAO_ZTC", "KEYWORD")
                                .takenOver(running.importId(), List.of("2026-10-20"))))
                .block();

        imports.endStalled().block();

        PpcImport ended = imports.find(running.importId()).block();
        assertThat(ended.status()).isEqualTo(PpcImport.Status.COMPLETED);
        assertThat(ended.days()).containsExactly("2026-10-20");
        assertThat(ended.spendByDay()).as("read back from its rows").containsEntry("2026-10-20", 1000L);
    }

    private PpcImport running(String storeId) {
        String importId = "ppc-" + UUID.randomUUID();
        PpcImport running = PpcImport.queued(importId, storeId, "keywords.csv", null, 100, "tg.zhou", LONG_AGO)
                .started(LONG_AGO)
                .identified("TAOBAO_ZTC", "KEYWORD");
        store.apply(PpcImports.IMPORTS, importId, PpcImport.class, current -> Change.of(running))
                .block();
        return running;
    }

    private static StoredPpcRow row(PpcImport job, long number) {
        return new StoredPpcRow(
                job.importId(),
                number,
                job.storeId(),
                "TAOBAO_ZTC",
                "KEYWORD",
                "2026-10-20",
                null,
                new PpcRow(
                        LocalDate.parse("2026-10-20"),
                        null,
                        "计划",
                        null,
                        null,
                        "龙井茶",
                        null,
                        null,
                        null,
                        100,
                        10,
                        1000,
                        0,
                        0,
                        0,
                        0,
                        null));
    }
}
