package io.storeops.analytics.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One import of pay-per-click report rows, a file or a JSON batch, as a job: queued, running (with
 * the share of the file read so far), then completed or failed. Its rows count only once it has
 * completed: the step that completes it is the one that makes its days replace the days imported
 * before ({@link PpcDays}), so a job that fails or is interrupted leaves the figures as they were.
 *
 * @param source     the ad platform whose report it is, once its header was read
 * @param grain      the finest dimension its rows are by (a keyword report, a region report...)
 * @param account    the ad account it is of: as asked, else as its rows name it; null when neither says
 * @param bytesTotal the size of the file (for a JSON batch, its row count)
 * @param bytesRead  how much of it was read (rows, for a JSON batch)
 * @param days       the store-local days it carries, which it replaces once completed
 * @param spendByDay what its rows spent on each of those days in the store's currency (minor units),
 *     so that a day's ad spend is known without reading its rows
 * @param problem    why it failed, for people
 * @param touchedAt  when it last moved: a running job that stops moving was cut short by a restart
 */
public record PpcImport(
        String importId,
        String storeId,
        String fileName,
        String source,
        String grain,
        String account,
        Status status,
        long bytesTotal,
        long bytesRead,
        long rowsAccepted,
        long rowsRefused,
        List<String> days,
        Map<String, Long> spendByDay,
        String problem,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant touchedAt) {

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
        spendByDay = spendByDay == null ? Map.of() : Map.copyOf(spendByDay);
    }

    public static PpcImport queued(
            String importId,
            String storeId,
            String fileName,
            String account,
            long bytesTotal,
            String requestedBy,
            Instant at) {
        return new PpcImport(
                importId,
                storeId,
                fileName,
                null,
                null,
                account,
                Status.QUEUED,
                bytesTotal,
                0,
                0,
                0,
                List.of(),
                Map.of(),
                null,
                requestedBy,
                at,
                null,
                null,
                at);
    }

    /** How far it got, 0 to 100; 100 only once completed. */
    public int percent() {
        if (status == Status.COMPLETED) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }

    public PpcImport started(Instant at) {
        return with(draft -> {
            draft.status = Status.RUNNING;
            draft.startedAt = at;
            draft.touchedAt = at;
        });
    }

    /** The header said whose report it is and what it is by. */
    public PpcImport identified(String reportSource, String reportGrain) {
        return with(draft -> {
            draft.source = reportSource;
            draft.grain = reportGrain;
        });
    }

    /** A job queued or running on a live instance: not cut short. */
    public PpcImport touched(Instant at) {
        return with(draft -> draft.touchedAt = at);
    }

    public PpcImport progressed(long read, long accepted, long refused, Instant at) {
        return with(draft -> {
            draft.bytesRead = read;
            draft.rowsAccepted = accepted;
            draft.rowsRefused = refused;
            draft.touchedAt = at;
        });
    }

    public PpcImport completed(String ofAccount, List<String> importedDays, Map<String, Long> spentByDay, Instant at) {
        return with(draft -> {
            draft.account = ofAccount;
            draft.status = Status.COMPLETED;
            draft.bytesRead = bytesTotal;
            draft.days = importedDays;
            draft.spendByDay = spentByDay;
            draft.finishedAt = at;
            draft.touchedAt = at;
        });
    }

    /** Nothing of it counts: {@code why} says what to mend before importing again. */
    public PpcImport failed(String why, Instant at) {
        return with(draft -> {
            draft.status = Status.FAILED;
            draft.problem = why;
            draft.finishedAt = at;
            draft.touchedAt = at;
        });
    }

    /** What a step of the job may change. */
    private static final class Draft {
        String source;
        String grain;
        String account;
        Status status;
        long bytesRead;
        long rowsAccepted;
        long rowsRefused;
        List<String> days;
        Map<String, Long> spendByDay;
        String problem;
        Instant startedAt;
        Instant finishedAt;
        Instant touchedAt;
    }

    /** This job changed as {@code changes} say; a job that has ended stays as it ended (by its run or the sweep). */
    private PpcImport with(Consumer<Draft> changes) {
        if (status.finished()) {
            return this;
        }
        Draft draft = new Draft();
        draft.source = source;
        draft.grain = grain;
        draft.account = account;
        draft.status = status;
        draft.bytesRead = bytesRead;
        draft.rowsAccepted = rowsAccepted;
        draft.rowsRefused = rowsRefused;
        draft.days = days;
        draft.spendByDay = spendByDay;
        draft.problem = problem;
        draft.startedAt = startedAt;
        draft.finishedAt = finishedAt;
        draft.touchedAt = touchedAt;
        changes.accept(draft);
        return new PpcImport(
                importId,
                storeId,
                fileName,
                draft.source,
                draft.grain,
                draft.account,
                draft.status,
                bytesTotal,
                draft.bytesRead,
                draft.rowsAccepted,
                draft.rowsRefused,
                draft.days,
                draft.spendByDay,
                draft.problem,
                requestedBy,
                requestedAt,
                draft.startedAt,
                draft.finishedAt,
                draft.touchedAt);
    }
}
