package io.storeops.platform.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.publisher.Flux;
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

    /**
     * Writes each store's document that is due into the folder, one store after another (sorted); a
     * store whose document fails is logged, tried again at the next look, and holds up no other store's.
     *
     * @param due what to write for a store: {@link #writeIfMissing}, typically
     */
    public static Flux<Path> writeEach(
            Collection<String> storeIds, Function<String, Mono<Path>> due, String what, Logger log) {
        return Flux.fromIterable(storeIds.stream().sorted().toList())
                .concatMap(storeId -> due.apply(storeId).onErrorResume(failure -> {
                    log.warn("The {} of {} failed; the next look retries: {}", what, storeId, failure.toString());
                    return Mono.empty();
                }))
                .doOnNext(written -> log.info("Wrote the {} {}", what, written));
    }

    /**
     * Writes {@code target} from the content {@code content} makes, when the folder does not have it
     * yet; the content is not made when it does.
     */
    public static Mono<Path> writeIfMissing(Path target, Supplier<Mono<Content>> content) {
        return missing(target)
                .filter(missing -> missing)
                .flatMap(missing -> content.get())
                .flatMap(made -> write(target, made));
    }

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
