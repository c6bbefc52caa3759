package io.cepheid.loader.format;

import java.io.InputStream;

/**
 * Redshift's default text format: one record per line, fields split by a one-byte delimiter, with
 * optional backslash escapes (ESCAPE) and optional surrounding double quotes that protect delimiters
 * (REMOVEQUOTES). A line break is always {@code \n}, with a {@code \r} before it dropped.
 */
public final class TextRecordReader extends RecordReader {
    private final boolean escape;
    private final boolean removeQuotes;

    public TextRecordReader(InputStream input, byte delimiter, String nullAs, boolean escape, boolean removeQuotes) {
        super(input, delimiter, nullAs);
        this.escape = escape;
        this.removeQuotes = removeQuotes;
    }

    @Override
    protected int parseRecord(int start) {
        return escape || removeQuotes ? parseRewriting(start) : parsePlain(start);
    }

    /** Fields point straight into the buffer: the fast path for dbgen-style files. */
    private int parsePlain(int start) {
        byte[] buf = buffer;
        byte delim = delimiter;
        beginRecord(buf);
        int fieldStart = start;
        int p = start;
        int end = limit;
        while (p < end) {
            byte b = buf[p];
            if (b == delim) {
                addField(fieldStart, p, fieldStart, p, false);
                fieldStart = p + 1;
            } else if (b == '\n') {
                int recordEnd = p > fieldStart && buf[p - 1] == '\r' ? p - 1 : p;
                addField(fieldStart, recordEnd, fieldStart, recordEnd, false);
                position = p + 1;
                nextLine++;
                return recordEnd;
            }
            p++;
        }
        if (!endOfInput) {
            return -1;
        }
        int recordEnd = p > fieldStart && buf[p - 1] == '\r' ? p - 1 : p;
        addField(fieldStart, recordEnd, fieldStart, recordEnd, false);
        position = p;
        return recordEnd;
    }

    /** Copies fields into the scratch array, resolving escapes and removing quotes. */
    private int parseRewriting(int start) {
        byte[] buf = buffer;
        beginRecord(scratch);
        int out = 0;
        int fieldOut = 0;
        int rawStart = start;
        boolean inQuotes = false;
        boolean fieldQuoted = false;
        int lines = 0;
        int p = start;
        while (p < limit) {
            byte b = buf[p];
            if (escape && b == '\\') {
                if (p + 1 >= limit) {
                    if (!endOfInput) {
                        return -1;
                    }
                    p++;
                    continue; // a lone backslash at the very end of the input is dropped
                }
                byte escaped = buf[p + 1];
                if (escaped == '\n') {
                    lines++;
                }
                ensureScratch(out);
                scratch[out++] = escaped;
                p += 2;
                continue;
            }
            if (removeQuotes && b == '"') {
                if (inQuotes) {
                    inQuotes = false;
                } else if (p == rawStart) {
                    inQuotes = true;
                    fieldQuoted = true;
                } else {
                    ensureScratch(out);
                    scratch[out++] = b;
                }
                p++;
                continue;
            }
            if (b == '\n') {
                int rawEnd = p;
                if (out > fieldOut && p > start && buf[p - 1] == '\r') {
                    out--;
                    rawEnd--;
                }
                addField(fieldOut, out, rawStart, rawEnd, fieldQuoted);
                position = p + 1;
                nextLine += lines + 1;
                return rawEnd;
            }
            if (b == delimiter && !inQuotes) {
                addField(fieldOut, out, rawStart, p, fieldQuoted);
                fieldOut = out;
                rawStart = p + 1;
                fieldQuoted = false;
            } else {
                ensureScratch(out);
                scratch[out++] = b;
            }
            p++;
        }
        if (!endOfInput) {
            return -1;
        }
        int rawEnd = p;
        if (out > fieldOut && p > start && buf[p - 1] == '\r') {
            out--;
            rawEnd--;
        }
        addField(fieldOut, out, rawStart, rawEnd, fieldQuoted);
        position = p;
        nextLine += lines;
        return rawEnd;
    }
}
