package io.storeops.platform.sheets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read from a stream and reports the count every {@value #STEP} bytes and at the end. */
final class CountingInputStream extends FilterInputStream {

    static final long STEP = 256 * 1024;

    private final LongConsumer progress;
    private long count;
    private long reported;

    CountingInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count - reported >= STEP) {
            reported = count;
            progress.accept(count);
        }
    }

    long count() {
        return count;
    }

    /** Reports the count if it was not yet reported. */
    public void finish() {
        if (reported != count) {
            reported = count;
            progress.accept(count);
        }
    }
}
