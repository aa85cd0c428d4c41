package fr.certiflow.tabular;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload read under a size limit: the byte past the limit is never handed on, the read fails with
 * {@link ImportTooLargeException} instead. The limit holds however the stream is read (byte by byte, in blocks,
 * skipped).
 */
public final class SizeLimitedInputStream extends FilterInputStream {

    private final String file;
    private final long maxBytes;
    private long count;

    public SizeLimitedInputStream(InputStream in, String file, long maxBytes) {
        super(in);
        this.file = file == null || file.isBlank() ? "fichier" : file;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            counted(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for one byte more than the limit allows, no more: a stream exactly at the limit is accepted.
        int read = super.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, maxBytes - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would count bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(long bytes) {
        count += bytes;
        if (count > maxBytes) {
            throw new ImportTooLargeException(file, maxBytes);
        }
    }

    /** A size as a French reader expects it: « 10 Mo », « 512 Ko », « 300 octets ». */
    static String size(long bytes) {
        long kilo = 1024;
        long mega = kilo * kilo;
        if (bytes >= mega && bytes % mega == 0) {
            return bytes / mega + " Mo";
        }
        if (bytes >= kilo && bytes % kilo == 0) {
            return bytes / kilo + " Ko";
        }
        return bytes + " octets";
    }
}
