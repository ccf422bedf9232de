package io.storeops.analytics.promotion;

import java.time.Instant;
import java.util.List;

/**
 * One import of pay-per-click report rows, a file or a JSON batch, as a job: queued, running (with
 * the share of the file read so far), then completed or failed. Its rows count only once it has
 * completed: the step that completes it is the one that makes its days replace the days imported
 * before ({@link PpcDays}), so a job that fails or is interrupted leaves the figures as they were.
 *
 * @param source        the ad platform whose report it is, once its header was read
 * @param grain         the finest dimension its rows are by (a keyword report, a region report...)
 * @param bytesTotal    the size of the file (for a JSON batch, its row count)
 * @param bytesRead     how much of it was read (rows, for a JSON batch)
 * @param days          the store-local days it carries, which it replaces once completed
 * @param problem       why it failed, for people
 */
public record PpcImport(
        String importId,
        String storeId,
        String fileName,
        String source,
        String grain,
        Status status,
        long bytesTotal,
        long bytesRead,
        long rowsAccepted,
        long rowsRefused,
        List<String> days,
        String problem,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }

    public PpcImport {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public static PpcImport queued(
            String importId, String storeId, String fileName, long bytesTotal, String requestedBy, Instant at) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                null,
                null,
                Status.QUEUED,
                bytesTotal,
                0,
                0,
                0,
                List.of(),
                null,
                requestedBy,
                at,
                null,
                null);
    }

    /** How far it got, 0 to 100; 100 only once completed. */
    public int percent() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        if (bytesTotal <= 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }

    public PpcImport started(Instant at) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                source,
                grain,
                Status.RUNNING,
                bytesTotal,
                bytesRead,
                rowsAccepted,
                rowsRefused,
                days,
                problem,
                requestedBy,
                requestedAt,
                at,
                finishedAt);
    }

    /** The header said whose report it is and what it is by. */
    public PpcImport identified(String reportSource, String reportGrain) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                reportSource,
                reportGrain,
                status,
                bytesTotal,
                bytesRead,
                rowsAccepted,
                rowsRefused,
                days,
                problem,
                requestedBy,
                requestedAt,
                startedAt,
                finishedAt);
    }

    public PpcImport progressed(long read, long accepted, long refused) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                source,
                grain,
                status,
                bytesTotal,
                read,
                accepted,
                refused,
                days,
                problem,
                requestedBy,
                requestedAt,
                startedAt,
                finishedAt);
    }

    public PpcImport completed(List<String> importedDays, Instant at) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                source,
                grain,
                Status.COMPLETED,
                bytesTotal,
                bytesTotal,
                rowsAccepted,
                rowsRefused,
                importedDays,
                null,
                requestedBy,
                requestedAt,
                startedAt,
                at);
    }

    /** Nothing of it counts: {@code why} says what to mend before importing again. */
    public PpcImport failed(String why, Instant at) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                source,
                grain,
                Status.FAILED,
                bytesTotal,
                bytesRead,
                rowsAccepted,
                rowsRefused,
                days,
                why,
                requestedBy,
                requestedAt,
                startedAt,
                at);
    }
}
