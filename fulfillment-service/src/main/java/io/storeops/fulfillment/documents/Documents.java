package io.storeops.fulfillment.documents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.storeops.fulfillment.batch.DispatchBatch;
import io.storeops.fulfillment.batch.DispatchProperties;
import io.storeops.fulfillment.shipping.Checklist;
import io.storeops.fulfillment.shipping.Fulfillment;
import io.storeops.platform.stores.StoreCatalog;
import io.storeops.platform.stores.StoreProperties;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a batch's documents into temporary files (PDF writing blocks, so it runs off the event
 * loop) and counts them per store and kind.
 */
@Component
public class Documents {

    private final StoreCatalog stores;
    private final DispatchProperties dispatch;
    private final Map<String, Counter> generated = new HashMap<>();
    private final Map<String, Counter> pages = new HashMap<>();

    public Documents(StoreCatalog stores, DispatchProperties dispatch, MeterRegistry meters) {
        this.stores = stores;
        this.dispatch = dispatch;
        for (String store : stores.storeIds()) {
            for (DocumentKind kind : DocumentKind.values()) {
                generated.put(
                        key(store, kind),
                        Counter.builder("storeops.documents.generated")
                                .description("Batch documents generated (PDF files), by store and kind")
                                .tag("store", store)
                                .tag("kind", kind.slug())
                                .register(meters));
                pages.put(
                        key(store, kind),
                        Counter.builder("storeops.documents.pages")
                                .description("Pages of the batch documents generated, by store and kind")
                                .tag("store", store)
                                .tag("kind", kind.slug())
                                .register(meters));
            }
        }
    }

    /**
     * The PDF of {@code kind} for the batch, in a temporary file the caller deletes; {@code
     * checklists} (by shipment id) give the outbound slips each line's accessories.
     */
    public Mono<Path> pdf(
            DispatchBatch batch, List<Fulfillment> shipments, Map<String, Checklist> checklists, DocumentKind kind) {
        return Mono.fromCallable(() -> {
                    Path file = Files.createTempFile("storeops-" + kind.slug() + "-", ".pdf");
                    try (OutputStream out = Files.newOutputStream(file)) {
                        write(batch, shipments, checklists, kind, out);
                    } catch (IOException | RuntimeException failed) {
                        Files.deleteIfExists(file);
                        throw failed;
                    }
                    return file;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Every document of the batch, one PDF per kind, in a zip in a temporary file the caller deletes. */
    public Mono<Path> zip(DispatchBatch batch, List<Fulfillment> shipments, Map<String, Checklist> checklists) {
        return Mono.fromCallable(() -> {
                    Path file = Files.createTempFile("storeops-documents-", ".zip");
                    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                        for (DocumentKind kind : DocumentKind.values()) {
                            zip.putNextEntry(new ZipEntry(fileName(batch, kind)));
                            write(batch, shipments, checklists, kind, new UnclosableStream(zip));
                            zip.closeEntry();
                        }
                    } catch (IOException | RuntimeException failed) {
                        Files.deleteIfExists(file);
                        throw failed;
                    }
                    return file;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    public static String fileName(DispatchBatch batch, DocumentKind kind) {
        return batch.batchId() + "-" + kind.slug() + ".pdf";
    }

    private void write(
            DispatchBatch batch,
            List<Fulfillment> shipments,
            Map<String, Checklist> checklists,
            DocumentKind kind,
            OutputStream out)
            throws IOException {
        int written = new BatchDocuments(batch, shipments, checklists, letterheadOf(batch.storeId())).write(kind, out);
        Counter documents = generated.get(key(batch.storeId(), kind));
        if (documents != null) {
            documents.increment();
            pages.get(key(batch.storeId(), kind)).increment(written);
        }
    }

    private Letterhead letterheadOf(String storeId) {
        StoreProperties.Store store = stores.find(storeId).orElse(null);
        DispatchProperties.DispatchSettings settings = dispatch.settingsOf(storeId);
        return new Letterhead(
                store == null || store.name() == null ? storeId : store.name(),
                store == null ? ZoneId.of("UTC") : store.zone(),
                settings.senderAddress(),
                settings.senderPhone());
    }

    private static String key(String store, DocumentKind kind) {
        return store + "/" + kind;
    }

    /** The zip's entry stream, which PDFBox's save must not close. */
    private static final class UnclosableStream extends FilterOutputStream {

        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
