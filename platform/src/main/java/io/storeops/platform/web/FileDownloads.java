package io.storeops.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            file.toFile().deleteOnExit();
        }
    }
}
