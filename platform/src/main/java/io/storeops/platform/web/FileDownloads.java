package io.storeops.platform.web;

import io.storeops.platform.sheets.SheetFormat;
import io.storeops.platform.sheets.SheetTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Documents a service writes to a temporary file (sheets, PDFs) handed over as downloads. */
public final class FileDownloads {

    private static final int CHUNK_BYTES = 64 * 1024;

    private FileDownloads() {}

    /** A temporary file as a download named {@code name}, deleted once sent (or once the client went away). */
    public static ResponseEntity<Flux<DataBuffer>> temporary(Path file, MediaType type, String name) {
        Flux<DataBuffer> body = DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, CHUNK_BYTES)
                .doFinally(signal -> deleteQuietly(file));
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /**
     * {@code tables} written as {@code format} into a temporary file, off the event loop, and handed
     * over as a download named {@code name}.
     */
    public static Mono<ResponseEntity<Flux<DataBuffer>>> sheet(
            List<SheetTable> tables, SheetFormat format, String name) {
        return Mono.fromCallable(() -> {
                    Path file = Files.createTempFile("storeops-sheet-", "." + format.extension());
                    try (OutputStream out = Files.newOutputStream(file)) {
                        format.write(tables, out);
                    } catch (IOException | RuntimeException failed) {
                        deleteQuietly(file);
                        throw failed;
                    }
                    return temporary(file, MediaType.parseMediaType(format.mediaType()), name);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }
}
