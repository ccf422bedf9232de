package io.storeops.analytics.reports;

import io.storeops.analytics.reports.document.ReportPdf;
import io.storeops.platform.documents.FolderFiles;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.stores.StoreCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes each store's weekly report of the week just over (每周总计运营报表) as a PDF into the
 * manager's folder once the store's Monday has begun: {@code <folder>/weekly-<store>-<2026-W48>.pdf}.
 * Every look writes the reports of the stores' last weeks that the folder does not have yet, so a
 * service that was down on Monday writes it at its first look after start; earlier weeks are
 * downloaded.
 */
@Component
@ConditionalOnProperty("storeops.analytics.weekly-reports.folder")
public class WeeklyReportFiles implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportFiles.class);

    private final OperationsReports reports;
    private final StoreCatalog stores;
    private final Clock clock;
    private final Path folder;
    private final Duration interval;
    private Disposable looking = Disposables.disposed();

    public WeeklyReportFiles(
            OperationsReports reports,
            StoreCatalog stores,
            Clock clock,
            @Value("${storeops.analytics.weekly-reports.folder}") String folder,
            @Value("${storeops.analytics.weekly-reports.interval:10m}") Duration interval) {
        if (folder.isBlank()) {
            throw new IllegalStateException("storeops.analytics.weekly-reports.folder is empty: name the folder, "
                    + "or leave it unset to write no weekly reports.");
        }
        this.reports = reports;
        this.stores = stores;
        this.clock = clock;
        this.folder = Path.of(folder);
        this.interval = interval;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        looking = RepeatingWork.every(
                interval, "Writing the weekly reports", () -> writeDue().then(), log);
    }

    @Override
    public void destroy() {
        looking.dispose();
    }

    /** Writes each store's report of its last week unless the folder has it; the files written. */
    public Flux<Path> writeDue() {
        Instant now = clock.instant();
        return FolderFiles.writeEach(stores.storeIds(), storeId -> writeLastWeek(storeId, now), "weekly report", log);
    }

    private Mono<Path> writeLastWeek(String storeId, Instant now) {
        LocalDate today =
                LocalDate.ofInstant(now, stores.find(storeId).orElseThrow().zone());
        ReportPeriod lastWeek =
                ReportPeriod.holding(ReportPeriod.Kind.WEEKLY, today).previous();
        return FolderFiles.writeIfMissing(
                folder.resolve("weekly-" + storeId + "-" + lastWeek.name() + ".pdf"),
                () -> reports.report(storeId, lastWeek)
                        .map(report -> out -> ReportPdf.render(ReportDocuments.of(report), out)));
    }
}
