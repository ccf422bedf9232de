package io.storeops.platform.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Documents a service leaves in a folder for people (the day's refund sheet, the week's report), each
 * written once and seen whole or not at all: it is written to an unfinished file beside its name
 * ({@code .<name>.part}) and renamed in one step. A file already there is left alone; two instances
 * writing at the same moment both write, and the later rename keeps one whole file.
 */
public final class FolderFiles {

    /** Writes a document to a stream, which it leaves open. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private FolderFiles() {}

    /** Whether {@code target} is still to be written (its folder is made if need be). */
    public static Mono<Boolean> missing(Path target) {
        return Mono.fromCallable(() -> {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    return !Files.exists(target);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Writes {@code content} as {@code target}, unless it is there by then; the file written, or empty. */
    public static Mono<Path> write(Path target, Content content) {
        return Mono.fromCallable(() -> {
                    Path folder = target.toAbsolutePath().getParent();
                    Files.createDirectories(folder);
                    Path unfinished = Files.createTempFile(folder, "." + target.getFileName(), ".part");
                    try {
                        try (OutputStream out = Files.newOutputStream(unfinished)) {
                            content.writeTo(out);
                        }
                        return Files.exists(target)
                                ? null
                                : Files.move(unfinished, target, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(unfinished);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
