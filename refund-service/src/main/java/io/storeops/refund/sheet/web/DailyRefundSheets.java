package io.storeops.refund.sheet.web;

import io.storeops.platform.documents.FolderFiles;
import io.storeops.platform.schedule.RepeatingWork;
import io.storeops.platform.sheets.SheetFormat;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.refund.sheet.RefundSheet;
import io.storeops.refund.sheet.RefundSheetProperties;
import io.storeops.refund.sheet.RefundSheets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes each store's refund sheet of the day before into the team's folder once the store's own
 * midnight has passed: {@code <folder>/refunds-<store>-<date>.xlsx}.
 *
 * <p>Every look writes the sheets of the stores' yesterdays that the folder does not have yet, so
 * a service that was down at midnight writes yesterday's at its first look after start — only
 * yesterday's: the sheets of days before that are downloaded. A sheet appears whole or not at all:
 * it is written to an unfinished file beside it and renamed in one step. One already there is left
 * alone; two instances looking at the same moment may both write it, and the later rename replaces
 * the earlier file, whole, with the same cases.
 */
@Component
@ConditionalOnProperty("storeops.refund-sheets.folder")
public class DailyRefundSheets implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DailyRefundSheets.class);

    private final RefundSheets sheets;
    private final StoreCatalog stores;
    private final Clock clock;
    private final RefundSheetProperties settings;
    private final Path folder;
    private Disposable looking = Disposables.disposed();

    public DailyRefundSheets(RefundSheets sheets, StoreCatalog stores, Clock clock, RefundSheetProperties settings) {
        if (settings.folder().isBlank()) {
            throw new IllegalStateException(
                    "storeops.refund-sheets.folder is empty: name the folder, or leave it unset to write no sheets.");
        }
        this.sheets = sheets;
        this.stores = stores;
        this.clock = clock;
        this.settings = settings;
        this.folder = Path.of(settings.folder());
    }

    @Override
    public void run(ApplicationArguments arguments) {
        looking = RepeatingWork.every(
                settings.interval(),
                "Writing the daily refund sheets",
                () -> writeDue().then(),
                log);
    }

    @Override
    public void destroy() {
        looking.dispose();
    }

    /**
     * Writes each store's sheet of its day before now, unless the folder has it; the files it wrote.
     * A store whose sheet fails is tried again at the next look, and holds up no other store's.
     */
    public Flux<Path> writeDue() {
        Instant now = clock.instant();
        return FolderFiles.writeEach(stores.storeIds(), storeId -> writeDayBefore(storeId, now), "refund sheet", log);
    }

    private Mono<Path> writeDayBefore(String storeId, Instant now) {
        ZoneId zone = stores.find(storeId).orElseThrow().zone();
        LocalDate day = LocalDate.ofInstant(now, zone).minusDays(1);
        return FolderFiles.writeIfMissing(
                folder.resolve("refunds-" + storeId + "-" + day + "." + SheetFormat.XLSX.extension()),
                () -> sheets.sheet(new RefundSheet.Scope(storeId, zone, day, day, null, null))
                        .map(sheet -> out -> SheetFormat.XLSX.write(sheet.tables(), out)));
    }
}
