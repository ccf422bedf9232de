package io.storeops.platform.web;

import io.storeops.platform.sheets.FileRefused;
import io.storeops.platform.sheets.RefusedRow;
import io.storeops.platform.sheets.RowsRefused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** An uploaded table file on disk for as long as it is read, and the problems a refused one makes. */
public final class Uploads {

    private Uploads() {}

    /** Saves the upload to a file of {@code folder}, answers what {@code use} makes of it, and deletes the file. */
    public static <T> Mono<T> read(FilePart part, Path folder, Function<Path, Mono<T>> use) {
        return Mono.using(
                        () -> {
                            Files.createDirectories(folder);
                            return Files.createTempFile(folder, "upload-", ".table");
                        },
                        file -> part.transferTo(file).then(Mono.defer(() -> use.apply(file))),
                        Uploads::deleteQuietly)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A file refused as a whole: 422 (a file it cannot read at all: 400), naming the column at fault. */
    public static ProblemException refused(FileRefused refused) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("reason", refused.kind().name());
        if (refused.column() != null) {
            properties.put("column", refused.column());
        }
        if (refused.chinese() != null) {
            properties.put("chinese", refused.chinese());
        }
        if (refused instanceof RowsRefused rows) {
            properties.put("errors", rows.rows());
        }
        boolean unreadable = refused.kind() == FileRefused.Kind.EMPTY
                || refused.kind() == FileRefused.Kind.NOT_TEXT
                || refused.kind() == FileRefused.Kind.UNREADABLE;
        return new ProblemException(
                unreadable ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
                "file-refused",
                "File refused",
                refused.getMessage(),
                properties);
    }

    /** Rows refused, where nothing of the file was kept: 422 listing each (line, column, reason, content). */
    public static ProblemException refusedRows(String detail, List<RefusedRow> rows) {
        return new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT, "refused-rows", "Rows refused", detail, Map.of("errors", rows));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException left) {
            throw new UncheckedIOException(left);
        }
    }
}
