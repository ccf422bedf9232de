package io.storeops.analytics.promotion.reports;

import io.storeops.platform.sheets.RefusedRow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** What a small report gave its sink, for assertions; and the checked-in samples' paths. */
final class Collected implements PpcRowSink {

    static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    ReportSource source;
    ReportGrain grain;
    int headers;
    final List<PpcRow> rows = new ArrayList<>();
    final List<RefusedRow> refused = new ArrayList<>();
    final List<Long> progress = new ArrayList<>();
    ReportSummary summary;

    @Override
    public void header(ReportSource source, ReportGrain grain) {
        this.source = source;
        this.grain = grain;
        headers++;
    }

    @Override
    public void accepted(PpcRow row) {
        if (source == null) {
            throw new AssertionError("a row before the header");
        }
        rows.add(row);
    }

    @Override
    public void refused(RefusedRow row) {
        refused.add(row);
    }

    static Collected read(Path file) throws ReportRefused, IOException {
        Collected collected = new Collected();
        collected.summary = PpcReports.read(file, TODAY, collected, collected.progress::add);
        return collected;
    }

    static Path resource(String name) {
        try {
            return Path.of(Collected.class.getResource("/ppc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    long sum(ToLongFunction<PpcRow> value) {
        return rows.stream().mapToLong(value).sum();
    }
}
