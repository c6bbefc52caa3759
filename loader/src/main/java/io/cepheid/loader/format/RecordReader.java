package io.cepheid.loader.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits delimited text into records and fields, reading an input stream through one growable buffer.
 * After {@link #next()} the fields of the current record lie in {@link #bytes()} between
 * {@link #fieldStart(int)} and {@link #fieldEnd(int)}, valid until the next call.
 *
 * <p>A record that runs past the end of the buffer is parsed again from its start after the buffer is
 * refilled (and grown when one record fills it): simpler than resuming mid-field, and it costs one
 * re-scan per buffer, not per record.
 */
public abstract sealed class RecordReader permits TextRecordReader, CsvRecordReader {
    private static final int INITIAL_BUFFER_BYTES = 1 << 20;

    private final InputStream input;
    protected final byte delimiter;
    private final byte[] nullMarker;

    protected byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    /** Start of the unread input in {@link #buffer}. */
    protected int position;
    /** End of the valid bytes in {@link #buffer}. */
    protected int limit;
    protected boolean endOfInput;

    /** Field bytes when a reader must rewrite them (escapes, quotes); otherwise fields point into the buffer. */
    protected byte[] scratch = new byte[1024];
    protected byte[] fieldBytes;
    protected int fieldCount;
    protected int[] fieldStarts = new int[64];
    protected int[] fieldEnds = new int[64];
    protected boolean[] nullMarkers = new boolean[64];
    protected boolean[] quoted = new boolean[64];
    /** Why the current record is malformed as a whole (an unterminated quote), or null. */
    protected String recordProblem;

    /** Line (1-based) where the next record starts, counted from the start of the stream. */
    protected long nextLine = 1;
    private long recordLine;
    private int recordStart;
    private int recordEnd;

    protected RecordReader(InputStream input, byte delimiter, String nullAs) {
        this.input = Objects.requireNonNull(input, "input is null");
        this.delimiter = delimiter;
        this.nullMarker = nullAs == null ? null : nullAs.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the next record; false at the end of the input. */
    public final boolean next() throws IOException {
        while (true) {
            if (position >= limit && !fill()) {
                return false;
            }
            long lineBefore = nextLine;
            int start = position;
            int end = parseRecord(start);
            if (end >= 0) {
                recordLine = lineBefore;
                recordStart = start;
                recordEnd = end;
                return true;
            }
            // The record runs past the buffer: refill and parse it again from its start.
            nextLine = lineBefore;
            position = start;
            if (!fill()) {
                throw new IllegalStateException("parser asked for more input at the end of the input");
            }
        }
    }

    /**
     * Parses one record starting at {@code start}: sets the fields, {@link #position} after the record and
     * advances {@link #nextLine}. Returns the end of the record's text (before its line break), or -1 when
     * the record continues past {@link #limit} and more input may exist ({@link #endOfInput} false).
     */
    protected abstract int parseRecord(int start);

    /** Skips {@code lines} physical lines (IGNOREHEADER). */
    public final void skipLines(int lines) throws IOException {
        int skipped = 0;
        while (skipped < lines) {
            if (position >= limit && !fill()) {
                return;
            }
            while (position < limit && skipped < lines) {
                if (buffer[position++] == '\n') {
                    skipped++;
                    nextLine++;
                }
            }
        }
    }

    /**
     * Moves the unread bytes to the front of the buffer (growing it when it is full of one record) and reads
     * more; false when nothing more can be read.
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int unread = limit - position;
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, unread);
        } else if (unread == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        position = 0;
        limit = unread;
        while (limit < buffer.length) {
            int read = input.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
                break;
            }
            limit += read;
            if (read > 0 && limit > unread) {
                break;
            }
        }
        return limit > unread || (endOfInput && unread > 0);
    }

    // ---- fields of the current record ----------------------------------------------------------

    public final int fieldCount() {
        return fieldCount;
    }

    /** The array holding the current record's field bytes. */
    public final byte[] bytes() {
        return fieldBytes;
    }

    public final int fieldStart(int field) {
        return fieldStarts[field];
    }

    public final int fieldEnd(int field) {
        return fieldEnds[field];
    }

    /** True when the field, as written in the input and unquoted, equals the NULL AS string. */
    public final boolean isNullMarker(int field) {
        return nullMarkers[field];
    }

    /** True when the field was enclosed in quotes (CSV, or REMOVEQUOTES). */
    public final boolean isQuoted(int field) {
        return quoted[field];
    }

    /** The line (1-based, from the start of this stream) where the current record starts. */
    public final long recordLine() {
        return recordLine;
    }

    /** Why the current record cannot be loaded whatever its fields hold (e.g. an unterminated quote), or null. */
    public final String recordProblem() {
        return recordProblem;
    }

    /** The current record as written in the input, without its line break: for error reports only. */
    public final String rawRecord() {
        return new String(buffer, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8);
    }

    // ---- helpers for parsers -------------------------------------------------------------------

    protected final void beginRecord(byte[] target) {
        fieldBytes = target;
        fieldCount = 0;
        recordProblem = null;
    }

    /** Adds a field at [start, end) of {@link #fieldBytes}; rawStart/rawEnd locate it in the buffer. */
    protected final void addField(int start, int end, int rawStart, int rawEnd, boolean wasQuoted) {
        if (fieldCount == fieldStarts.length) {
            int grown = fieldCount * 2;
            fieldStarts = Arrays.copyOf(fieldStarts, grown);
            fieldEnds = Arrays.copyOf(fieldEnds, grown);
            nullMarkers = Arrays.copyOf(nullMarkers, grown);
            quoted = Arrays.copyOf(quoted, grown);
        }
        fieldStarts[fieldCount] = start;
        fieldEnds[fieldCount] = end;
        quoted[fieldCount] = wasQuoted;
        nullMarkers[fieldCount] = !wasQuoted && nullMarker != null && rawEnd - rawStart == nullMarker.length
                && Arrays.equals(buffer, rawStart, rawEnd, nullMarker, 0, nullMarker.length);
        fieldCount++;
    }

    /** Makes room for one more scratch byte at {@code index}. */
    protected final void ensureScratch(int index) {
        if (index >= scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
            fieldBytes = scratch;
        }
    }
}
