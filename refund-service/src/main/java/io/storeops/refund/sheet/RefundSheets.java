package io.storeops.refund.sheet;

import io.storeops.refund.cases.AfterSales;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes refund sheets from the after-sale files: reads the store's files with steps in the range
 * one by one, keeping only the rows of the cases the sheet covers, and writes sheets to files off
 * the event loop (POI and the file system block).
 */
@Component
public class RefundSheets {

    /**
     * The most orders one sheet reads: a store has tens of thousands with after-sale steps in a
     * year at most. Beyond, the sheet is refused rather than cut short, since a sheet that looks
     * whole must be.
     */
    static final int MAX_ORDERS = 100_000;

    private final AfterSales files;

    public RefundSheets(AfterSales files) {
        this.files = files;
    }

    /** The sheet of {@code scope}; a {@link SheetTooLarge} error when over {@value #MAX_ORDERS} orders had steps. */
    public Mono<RefundSheet> sheet(RefundSheet.Scope scope) {
        return files.withActivity(scope.storeId(), scope.start(), scope.end(), MAX_ORDERS + 1)
                .index()
                .map(numbered -> {
                    if (numbered.getT1() >= MAX_ORDERS) {
                        throw new SheetTooLarge("More than " + MAX_ORDERS + " orders had after-sale steps from "
                                + scope.from() + " to " + scope.to() + ": ask for fewer days.");
                    }
                    return scope.rowsOf(numbered.getT2());
                })
                .flatMapIterable(rows -> rows)
                .collectList()
                .map(rows -> RefundSheet.ofRows(scope, rows));
    }
}
