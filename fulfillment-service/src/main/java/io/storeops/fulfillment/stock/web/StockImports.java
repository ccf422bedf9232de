package io.storeops.fulfillment.stock.web;

import io.storeops.fulfillment.stock.StockImport;
import io.storeops.fulfillment.stock.StockLedger;
import io.storeops.fulfillment.stock.StockMovement;
import io.storeops.platform.web.ProblemException;
import io.storeops.platform.web.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a stock file through the ledger: the upload goes to a temporary file, its rows are read one
 * at a time and each is applied (or refused) before the next is read, so a long file is never held
 * whole. The report lists the first {@value #REFUSALS_LISTED} refused rows.
 */
@Component
class StockImports {

    static final int REFUSALS_LISTED = 1000;

    private final StockLedger ledger;
    private final Clock clock;
    private final DataSize largestFile;

    StockImports(
            StockLedger ledger, Clock clock, @Value("${storeops.stock.import-max-size:50MB}") DataSize largestFile) {
        this.ledger = ledger;
        this.clock = clock;
        this.largestFile = largestFile;
    }

    Mono<StockImport.Report> run(String storeId, FilePart file, String by) {
        String name = file.filename();
        if (!name.toLowerCase().endsWith(".csv") && !name.toLowerCase().endsWith(".xlsx")) {
            return Mono.error(Problems.invalid("a stock file is .csv or .xlsx, not '" + name + "'."));
        }
        return Mono.using(
                        () -> Files.createTempFile("stock-import-", name.substring(name.lastIndexOf('.'))),
                        upload -> file.transferTo(upload)
                                .then(Mono.fromCallable(() -> {
                                            refuseWhenTooLarge(upload, name);
                                            return apply(upload, name, storeId, by);
                                        })
                                        .subscribeOn(Schedulers.boundedElastic())),
                        StockImports::delete)
                .onErrorMap(IllegalArgumentException.class, unreadable -> Problems.invalid(unreadable.getMessage()));
    }

    /** A file larger than the store is willing to read is refused before any row is applied (413). */
    private void refuseWhenTooLarge(Path upload, String name) throws IOException {
        if (Files.size(upload) > largestFile.toBytes()) {
            throw new ProblemException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "stock-file-too-large",
                    "Stock file too large",
                    "'" + name + "' is larger than " + largestFile.toMegabytes()
                            + " MB: split it into smaller files; nothing was applied.");
        }
    }

    /** Blocking by design: each row is applied before the next is read. */
    private StockImport.Report apply(Path upload, String name, String storeId, String by) {
        Tally tally = new Tally();
        try {
            StockFileRows.read(upload, name, (number, row) -> {
                tally.lastRow = number;
                if (tally.columns == null) {
                    try {
                        tally.columns = StockImport.fromHeader(row);
                    } catch (IllegalArgumentException noColumns) {
                        throw Problems.invalid(noColumns.getMessage());
                    }
                    return;
                }
                if (row.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                    return; // spreadsheets end in empty rows
                }
                tally.rows++;
                try {
                    StockMovement.Request request = tally.columns.request(row, storeId, by, name, clock.instant());
                    (tally.columns.kind() == StockImport.Kind.COUNT ? ledger.count(request) : ledger.adjust(request))
                            .block();
                    tally.applied++;
                } catch (IllegalArgumentException refused) {
                    if (tally.refused.size() < REFUSALS_LISTED) {
                        tally.refused.add(
                                new StockImport.RowOutcome(number, tally.columns.skuOf(row), refused.getMessage()));
                    }
                }
            });
        } catch (ProblemException alreadyExplained) {
            throw alreadyExplained;
        } catch (RuntimeException unreadable) {
            // The rows before it are applied: the problem says how many, so the file can be fixed and sent again.
            throw Problems.invalid(
                    tally.columns == null
                            ? "the file's first row cannot be read: " + unreadable.getMessage()
                            : "the file cannot be read after row " + tally.lastRow + " (" + tally.applied
                                    + " rows applied before it): " + unreadable.getMessage());
        }
        if (tally.columns == null) {
            throw Problems.invalid("the file is empty.");
        }
        return new StockImport.Report(name, tally.columns.kind(), tally.rows, tally.applied, tally.refused);
    }

    private static final class Tally {
        StockImport columns;
        long lastRow;
        long rows;
        long applied;
        final List<StockImport.RowOutcome> refused = new ArrayList<>();
    }

    private static void delete(Path upload) {
        try {
            Files.deleteIfExists(upload);
        } catch (IOException cannotDelete) {
            throw new UncheckedIOException(cannotDelete);
        }
    }
}
